-- Who the members are, as of a date: one row per member (the brand's own account excluded).
-- $start_at / $end_before: the period (NULL = unbounded; $end_before is exclusive).
-- $as_of: a DATE, or NULL for the newest comment's date; comments after it are ignored.
-- $decay, $score_months: the Orbit-style score, sum of active days x decay ^ (30-day months ago).
with comments_in_period as (
    select *
    from comments
    where commented_at is not null
        and ($start_at is null or commented_at >= $start_at)
        and ($end_before is null or commented_at < $end_before)
),

as_of_dates as (
    select coalesce($as_of::date, max(commented_at)::date) as as_of_date
    from comments_in_period
),

visible_comments as (
    select comments_in_period.*
    from comments_in_period
    cross join as_of_dates
    where comments_in_period.commented_at < as_of_dates.as_of_date + interval 1 day
),

member_comments as (
    select *
    from visible_comments
    where not coalesce(is_brand, false) and member_id is not null
),

-- The brand's replies, counted on the comment they answer (which may itself be a reply).
brand_replies as (
    select parent_comment_id as comment_id, count(*) as count_brand_replies
    from visible_comments
    where is_brand and parent_comment_id is not null
    group by parent_comment_id
),

member_totals as (
    select
        member_comments.member_id,
        arg_max(member_comments.member_handle, member_comments.commented_at) as member_handle,
        arg_max(member_comments.member_name, member_comments.commented_at) as member_name,
        count(*) as count_comments,
        count(*) filter (where member_comments.parent_comment_id is null) as count_top_level_comments,
        count(distinct member_comments.video_id) as count_videos,
        count(distinct member_comments.commented_at::date) as active_days,
        -- A week is identified by its Monday, so ISO week 1 of two different years never merges.
        count(distinct date_trunc('week', member_comments.commented_at)) as active_weeks,
        min(member_comments.commented_at) as first_seen_at,
        max(member_comments.commented_at) as last_seen_at,
        try_cast(coalesce(sum(member_comments.likes), 0) as bigint) as total_likes_received,
        coalesce(sum(brand_replies.count_brand_replies), 0)::bigint as count_brand_replies_received
    from member_comments
    left join brand_replies on brand_replies.comment_id = member_comments.comment_id
    group by member_comments.member_id
),

member_active_dates as (
    select distinct member_id, commented_at::date as active_date
    from member_comments
),

member_scores as (
    select
        member_active_dates.member_id,
        -- Rounded so that equal scores tie exactly, whatever order the threads added them in.
        round(sum(power($decay, (as_of_dates.as_of_date - member_active_dates.active_date) // 30)), 6) as score
    from member_active_dates
    cross join as_of_dates
    where as_of_dates.as_of_date - member_active_dates.active_date < 30 * $score_months
    group by member_active_dates.member_id
)

select
    member_totals.member_id,
    member_totals.member_handle,
    member_totals.member_name,
    member_totals.count_comments,
    member_totals.count_top_level_comments,
    member_totals.count_videos,
    member_totals.active_days,
    member_totals.active_weeks,
    member_totals.first_seen_at,
    member_totals.last_seen_at,
    (as_of_dates.as_of_date - member_totals.first_seen_at::date)::bigint as days_since_first,
    (as_of_dates.as_of_date - member_totals.last_seen_at::date)::bigint as days_since_last,
    member_totals.total_likes_received,
    member_totals.count_brand_replies_received,
    coalesce(member_scores.score, 0.0)::double as score,
    as_of_dates.as_of_date
from member_totals
cross join as_of_dates
left join member_scores on member_scores.member_id = member_totals.member_id
order by member_totals.member_id
