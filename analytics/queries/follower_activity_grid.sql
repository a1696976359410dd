-- When are the brand's followers on TikTok, by weekday and hour? (follower_activity_grid, timezones.py)
with newest_day as (
    select
        max(activity_date) as activity_date,
        max(hour) filter (where active_followers > 0) as last_hour
    from follower_activity
    where activity_date = (select max(activity_date) from follower_activity)
),

happened as (
    select activity.*
    from follower_activity as activity
    left join newest_day on activity.activity_date = newest_day.activity_date
    where activity.active_followers is not null
      and activity.hour between 0 and 23
      and (newest_day.activity_date is null or activity.hour <= newest_day.last_hour)
),

slots as (
    select weekday, hour
    from range(7) as weekdays(weekday), range(24) as hours(hour)
)

select
    slots.weekday::integer as weekday,
    slots.hour::integer as hour,
    count(happened.activity_date)::bigint as count_days,
    avg(happened.active_followers) as average_active_followers
from slots
left join happened
    on isodow(happened.activity_date) - 1 = slots.weekday and happened.hour = slots.hour
group by all
order by weekday, hour
