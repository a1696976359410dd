-- How many members comment on the LIVE videos, and how many come back? (live_commenters_summary, lives.py)
with live_comments as (
    select video_id, member_id
    from comments
    where video_id in (select unnest(cast($video_ids as varchar[])))
      and member_id is not null
      and not coalesce(is_brand, false)
),

per_member as (
    select member_id, count(distinct video_id) as count_live_videos
    from live_comments
    group by member_id
)

select
    (select count(distinct video_id) from live_comments)::bigint,
    (select count(*) from per_member)::bigint,
    (select count(*) from per_member where count_live_videos >= $min_videos)::bigint
