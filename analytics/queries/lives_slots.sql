-- Each weekday and start hour of the LIVEs in the period, and how many viewers they drew against the
-- LIVEs of the four weeks around them (live_slots).
with lives_in_period as (
    select
        *,
        engagements(likes, comments, shares) as total_interactions
    from lives
    where started_at is not null and in_period(started_at, $start, $end)
),

against_neighbours as (
    select
        *,
        viewers / nullif(
            median(viewers) over (
                order by started_at
                range between interval 28 days preceding and interval 28 days following
            ),
            0
        ) as relative_viewers
    from lives_in_period
)

select
    (isodow(started_at) - 1)::integer as weekday,
    hour(started_at)::integer as hour,
    count(*)::bigint as count_lives,
    avg(viewers) as average_viewers,
    avg(relative_viewers) as relative_viewers,
    sum(total_interactions) filter (where viewers > 0)
        / nullif(sum(viewers) filter (where viewers > 0 and total_interactions is not null), 0)
        as interactions_per_viewer
from against_neighbours
group by all
order by relative_viewers desc nulls last, count_lives desc, weekday, hour
