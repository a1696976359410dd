-- The LIVEs of the period in a few numbers (live_summary).
with lives_in_period as (
    select
        *,
        engagements(likes, comments, shares) as total_interactions
    from lives
    where started_at is not null and in_period(started_at, $start, $end)
)

select
    count(*)::bigint as count_lives,
    min(started_at)::date as first_live_date,
    max(started_at)::date as last_live_date,
    avg(viewers) as average_viewers,
    avg(peak_viewers) as average_peak_viewers,
    avg(total_interactions) as interactions_per_live,
    sum(total_interactions) filter (where viewers > 0)
        / nullif(sum(viewers) filter (where viewers > 0 and total_interactions is not null), 0)
        as interactions_per_viewer,
    avg(new_followers) as new_followers_per_live,
    avg(duration_minutes) as average_duration_minutes,
    try_cast(sum(gifts) as bigint) as total_gifts
from lives_in_period
