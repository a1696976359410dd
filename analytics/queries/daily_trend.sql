-- One row a day in the period: views, engagements and followers, for the trend chart.
-- The daily follower change is recomputed from the running total (TikTok's own
-- difference column is shifted by a day in some files); the Business Suite file's
-- net growth is used where there is no total.
with days as (
    select *
    from daily_stats
    where in_period(stat_date, $start, $end)
)

select
    stat_date,
    video_views,
    profile_views,
    engagements(likes, comments, shares) as engagements,
    engagements(likes, comments, shares) / nullif(video_views, 0) as engagement_rate,
    followers,
    coalesce(followers - lag(followers) over (order by stat_date), net_followers) as follower_change,
    new_viewers,
    returning_viewers
from days
order by stat_date
