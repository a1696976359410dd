-- How often does each member comment in the months they are around? (interaction_frequency, segments.py)
select
    member_id,
    count(*) as count_comments,
    count(distinct date_trunc('month', commented_at)) as count_active_months
from comments
where not coalesce(is_brand, false)
    and member_id is not null
    and commented_at is not null
    and ($as_of is null or commented_at < $as_of::date + interval 1 day)
group by member_id
order by member_id
