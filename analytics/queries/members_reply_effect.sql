-- Do members whose first top-level comment got a brand reply come back to comment on another
-- video within $window_days days? One row per outcome group (is_replied true / false).
-- Members whose first comment is less than $window_days days before the newest comment in the
-- data are left out: their window is not over yet.
with member_comments as (
    select comment_id, video_id, member_id, commented_at, parent_comment_id,
        coalesce(replies_known, true) as replies_known
    from comments
    where not coalesce(is_brand, false) and member_id is not null and commented_at is not null
),

data_horizons as (
    select max(commented_at) as newest_at
    from comments
),

ranked_top_level_comments as (
    select
        *,
        row_number() over (partition by member_id order by commented_at, comment_id) as position
    from member_comments
    where parent_comment_id is null and replies_known
),

first_comments as (
    select
        ranked_top_level_comments.*,
        ranked_top_level_comments.commented_at + $window_days * interval 1 day as window_ends_at,
        ranked_top_level_comments.commented_at + $window_days * interval 1 day
            > data_horizons.newest_at as is_window_open
    from ranked_top_level_comments
    cross join data_horizons
    where ranked_top_level_comments.position = 1
),

first_comment_outcomes as (
    select
        first_comments.member_id,
        first_comments.is_window_open,
        exists (
            select 1
            from comments as brand_replies
            where brand_replies.is_brand
                and brand_replies.parent_comment_id = first_comments.comment_id
                and brand_replies.commented_at <= first_comments.window_ends_at
        ) as is_replied,
        -- Another video, so a "thanks!" under the brand's own reply is not a return.
        exists (
            select 1
            from member_comments as later_comments
            where later_comments.member_id = first_comments.member_id
                and later_comments.video_id is distinct from first_comments.video_id
                and later_comments.commented_at > first_comments.commented_at
                and later_comments.commented_at <= first_comments.window_ends_at
        ) as has_returned
    from first_comments
)

select
    is_replied,
    count(*) filter (where not is_window_open) as count_members,
    count(*) filter (where not is_window_open and has_returned) as count_returned_members,
    count(*) filter (where is_window_open) as count_too_recent_members
from first_comment_outcomes
group by is_replied
order by is_replied desc
