-- Who keeps coming back to the brand's LIVEs? (returning_live_members, lives.py)
with live_comments as (
    select *
    from comments
    where video_id in (select unnest(cast($video_ids as varchar[])))
      and member_id is not null
      and not coalesce(is_brand, false)
)

select
    member_id,
    arg_max(member_handle, commented_at) as member_handle,
    count(distinct video_id)::bigint as count_live_videos,
    count(*)::bigint as count_comments,
    min(commented_at) as first_commented_at,
    max(commented_at) as last_commented_at
from live_comments
group by member_id
having count(distinct video_id) >= $min_videos
order by count_live_videos desc, count_comments desc, member_id
