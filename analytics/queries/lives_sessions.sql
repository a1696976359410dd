-- One row per broadcast in the period, oldest first, with its interactions (engagements: queries/macros.sql).
with lives_in_period as (
    select
        *,
        engagements(likes, comments, shares) as total_interactions
    from lives
    where started_at is not null and in_period(started_at, $start, $end)
)

select
    started_at,
    title,
    duration_minutes,
    viewers,
    peak_viewers,
    comments,
    likes,
    shares,
    gifts,
    new_followers,
    total_interactions,
    total_interactions / nullif(viewers, 0) as interactions_per_viewer
from lives_in_period
order by started_at
