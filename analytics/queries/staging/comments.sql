-- Comments, from any layout, renamed and typed once into the canonical `comments` columns.
--
-- Reads `comment_fields`: one text column per canonical field (NULL when the file has no such
-- column); its `rowid` is the row's place in the file. Python's few lookups, made per distinct value:
--   links(video_url, link_video_id, link_handle)   the video id and account in each link
--   parsed_times(raw, parsed)                      times in a form other than ISO or Unix seconds/ms
--   parsed_likes(raw, likes, too_big)              counts other than plain digits (1.2K, 1 234...)
-- Parameters: $source_url, $source_id, $source_handle (the video a side sheet names, or NULL),
-- $replies_known (the layout has a parent comment column).
-- Every row comes out, with the flags the warnings count; the caller keeps the readable ones.
with cleaned as (
    select
        rowid as _row,
        blank_to_na(comment_id) as comment_id,
        nullif(py_strip(video_id), '') as written_video_id,
        nullif(video_url, '') as written_url,
        video_url as raw_url,
        ltrim(blank_to_na(member_handle), '@') as member_handle,
        blank_to_na(member_uid) as member_uid,
        blank_to_na(member_name) as member_name,
        coalesce("text", '') as "text",
        commented_at as raw_time,
        py_strip(commented_at) as time_text,
        likes as raw_likes,
        nullif(blank_to_na(parent_comment_id), '0') as parent_comment_id,
        lower(py_strip(owner_flag)) in ('true', '1', 'yes') as is_owner,
        lower(py_strip(label_text)) = 'creator' as is_creator
    from comment_fields
),

timed as (
    select
        cleaned.*,
        sql_time(time_text) as sql_time,
        sql_count(raw_likes) as sql_likes
    from cleaned
),

linked as (
    select
        timed.*,
        coalesce(written_video_id, links.link_video_id) as found_video_id,
        links.link_handle as url_handle,
        coalesce(sql_time, parsed_times.parsed) as any_time,
        coalesce(sql_likes, parsed_likes.likes) as likes,
        coalesce(sql_likes > 1000000000000, parsed_likes.too_big, false) as likes_too_big
    from timed
    left join links on links.video_url = coalesce(timed.raw_url, '')
    left join parsed_times on parsed_times.raw = timed.raw_time and timed.sql_time is null
    left join parsed_likes on parsed_likes.raw = timed.raw_likes and timed.sql_likes is null
)

select
    _row,
    comment_id,
    coalesce(found_video_id, $source_id) as video_id,
    coalesce(written_url, $source_url) as video_url,
    coalesce(member_uid, lower(member_handle), member_name) as member_id,
    member_handle,
    member_name,
    member_uid,
    "text",
    case
        when any_time >= timestamp '2016-01-01' and any_time < timestamp '2100-01-01' then any_time
    end as commented_at,
    likes,
    likes_too_big,
    parent_comment_id,
    coalesce(is_owner, false)
    or coalesce(is_creator, false)
    or coalesce(
        lower(member_handle) = case
            when url_handle is null and (found_video_id is null or found_video_id = $source_id)
                then $source_handle
            else url_handle
        end,
        false
    ) as is_brand,
    $replies_known::boolean as replies_known
from linked
