-- One row per video posted in the period, with its engagements and engagement rate.
-- Read by analytics/formats.py, which then gives each video its interaction format.
-- Engagements are likes + comments + shares (saves left out: see the formats.py docstring);
-- a missing count is taken as 0 unless all three are missing (queries/macros.sql). The rate is NULL when the
-- video has no views (NULL or 0), so such a video counts as a video but not in any rate.
with videos_in_period as (
    select *
    from videos
    where in_period(posted_at, $start, $end)
),

with_engagements as (
    select
        *,
        engagements(total_likes, total_comments, total_shares) as total_engagements
    from videos_in_period
)

select
    video_id,
    video_url,
    caption,
    posted_at,
    total_views,
    total_likes,
    total_comments,
    total_shares,
    total_engagements,
    total_engagements / nullif(total_views, 0) as engagement_rate,
    completion_rate,
    average_watch_seconds,
    new_followers,
    format as file_format
from with_engagements
order by posted_at nulls last, video_id
