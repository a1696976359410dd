-- Which hashtag communities does each member comment in? Their most frequent caption hashtags,
-- counted once per video they commented on. Same period and as-of rules as members_stats.sql.
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

member_videos as (
    select distinct comments_in_period.member_id, comments_in_period.video_id
    from comments_in_period
    cross join as_of_dates
    where comments_in_period.commented_at < as_of_dates.as_of_date + interval 1 day
        and not coalesce(comments_in_period.is_brand, false)
        and comments_in_period.member_id is not null
),

video_hashtags as (
    select
        video_id,
        unnest(list_distinct(regexp_extract_all(lower(caption), '#([\p{L}\p{N}_]+)', 1))) as hashtag
    from videos
    where caption is not null
),

member_hashtag_counts as (
    select member_videos.member_id, video_hashtags.hashtag, count(*) as count_videos
    from member_videos
    inner join video_hashtags on video_hashtags.video_id = member_videos.video_id
    group by member_videos.member_id, video_hashtags.hashtag
),

ranked_hashtags as (
    select
        *,
        row_number() over (partition by member_id order by count_videos desc, hashtag) as position
    from member_hashtag_counts
)

select
    member_id,
    list('#' || hashtag order by position) as top_hashtags,
    list(count_videos order by position) as top_hashtag_count_videos
from ranked_hashtags
where position <= $top
group by member_id
order by member_id
