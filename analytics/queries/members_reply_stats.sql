-- How often, and how fast, the brand answers its members' top-level comments.
-- One row per group. $by picks the key each comment is grouped by ('format': its video_id,
-- 'tier': its member_id, anything else: no key, so one group). reply_groups is a relation
-- (group_key, group_name) registered by the caller; a key it does not name falls in $unknown_group.
-- A reply counts whenever it came (even after $end_before): the question is whether the
-- period's comments were answered. Only comments from exports that show replies (a parent
-- comment column: replies_known) count: in the others every comment looks unanswered.
with top_level_comments as (
    select comment_id, video_id, member_id, commented_at
    from comments
    where not coalesce(is_brand, false)
        and coalesce(replies_known, true)
        and parent_comment_id is null
        and commented_at is not null
        and ($start_at is null or commented_at >= $start_at)
        and ($end_before is null or commented_at < $end_before)
),

-- Only direct children: a brand reply deeper in the thread answers someone else.
first_brand_replies as (
    select parent_comment_id as comment_id, min(commented_at) as first_reply_at
    from comments
    where is_brand and parent_comment_id is not null
    group by parent_comment_id
),

grouped_comments as (
    select
        top_level_comments.commented_at,
        first_brand_replies.first_reply_at,
        case $by
            when 'format' then top_level_comments.video_id
            when 'tier' then top_level_comments.member_id
        end as group_key
    from top_level_comments
    left join first_brand_replies on first_brand_replies.comment_id = top_level_comments.comment_id
)

select
    coalesce(reply_groups.group_name, $unknown_group) as group_name,
    count(*) as count_top_level_comments,
    count(grouped_comments.first_reply_at) as count_replied_comments,
    count(grouped_comments.first_reply_at) / count(*) as reply_rate,
    median(epoch(grouped_comments.first_reply_at - grouped_comments.commented_at) / 3600.0)
        as median_hours_to_first_reply
from grouped_comments
left join reply_groups on reply_groups.group_key = grouped_comments.group_key
group by all
order by count_top_level_comments desc, group_name
