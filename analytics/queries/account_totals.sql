-- Account totals for one period: the numbers on the Overview page.
-- Days come from daily_stats (TikTok Studio Overview, Viewers, FollowerHistory or the
-- Business Suite daily file); completion and watch time from the videos posted in the period.
with days as (
    select *
    from daily_stats
    where stat_date between $start and $end
),

followers_in_period as (
    select
        arg_min(followers, stat_date) filter (where followers is not null) as first_followers,
        arg_max(followers, stat_date) filter (where followers is not null) as last_followers,
        sum(net_followers)::bigint as total_net_followers
    from days
),

day_totals as (
    select
        count(*) filter (where video_views is not null) as count_days,
        sum(video_views)::bigint as total_views,
        sum(profile_views)::bigint as total_profile_views,
        sum(likes)::bigint as total_likes,
        sum(comments)::bigint as total_comments,
        sum(shares)::bigint as total_shares,
        sum(new_viewers)::bigint as total_new_viewers,
        sum(returning_viewers)::bigint as total_returning_viewers
    from days
),

videos_in_period as (
    select
        count(*) as count_videos,
        sum(completion_rate * total_views) / nullif(sum(total_views) filter (where completion_rate is not null), 0)
            as completion_rate,
        sum(average_watch_seconds * total_views)
            / nullif(sum(total_views) filter (where average_watch_seconds is not null), 0) as average_watch_seconds
    from videos
    where posted_at::date between $start and $end
)

select
    day_totals.*,
    followers_in_period.*,
    videos_in_period.*
from day_totals, followers_in_period, videos_in_period
