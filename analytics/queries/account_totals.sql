-- Account totals for one period: the numbers on the Overview page.
-- Sums are HUGEINT; try_cast gives NULL (unknown), never an error, should one not fit a BIGINT.
-- Days come from daily_stats (TikTok Studio Overview, Viewers, FollowerHistory or the
-- Business Suite daily file); completion and watch time from the videos posted in the period.
with days as (
    select *
    from daily_stats
    where in_period(stat_date, $start, $end)
),

followers_in_period as (
    select
        arg_min(followers, stat_date) filter (where followers is not null) as first_followers,
        arg_max(followers, stat_date) filter (where followers is not null) as last_followers,
        try_cast(sum(net_followers) as bigint) as total_net_followers
    from days
),

day_totals as (
    select
        count(*) filter (where video_views is not null) as count_days,
        count(*) filter (where new_viewers is not null or returning_viewers is not null) as count_viewer_days,
        try_cast(sum(video_views) as bigint) as total_views,
        try_cast(sum(profile_views) as bigint) as total_profile_views,
        try_cast(sum(likes) as bigint) as total_likes,
        try_cast(sum(comments) as bigint) as total_comments,
        try_cast(sum(shares) as bigint) as total_shares,
        try_cast(engagements(sum(likes), sum(comments), sum(shares)) as bigint) as total_engagements,
        try_cast(sum(new_viewers) as bigint) as total_new_viewers,
        try_cast(sum(returning_viewers) as bigint) as total_returning_viewers
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
    where in_period(posted_at, $start, $end)
)

select
    day_totals.*,
    followers_in_period.*,
    videos_in_period.*
from day_totals, followers_in_period, videos_in_period
