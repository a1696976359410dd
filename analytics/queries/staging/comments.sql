-- Comments, from any layout, renamed and typed once into the canonical `comments` columns.
--
-- Reads `comment_fields`: one text column per canonical field (NULL when the file has no such
-- column); its `rowid` is the row's place in the file. Its `link_video_id` and `link_handle` are
-- Python's one lookup, made once per distinct link (a million comments sit on a few hundred videos):
-- the video id and account in the row's video link.
-- Parameters: $source_url, $source_id, $source_handle (the video a side sheet names, or NULL),
-- $replies_known (the layout has a parent comment column).
-- Every row comes out, in the file's order (nothing here reorders rows). Times and counts in a form
-- SQL does not read come out NULL with their text (`unread_time`, `unread_likes`): Python reads
-- those, per distinct value.
with stripped as (
    select
        rowid as _row,
        py_strip(comment_id) as comment_id,
        py_strip(video_id) as video_id,
        video_url,
        py_strip(member_handle) as member_handle,
        py_strip(member_uid) as member_uid,
        py_strip(member_name) as member_name,
        "text",
        commented_at,
        py_strip(commented_at) as time_text,
        likes,
        py_strip(parent_comment_id) as parent_comment_id,
        lower(py_strip(owner_flag)) in ('true', '1', 'yes') as is_owner,
        lower(py_strip(label_text)) = 'creator' as is_creator,
        link_video_id,
        link_handle
    from comment_fields
),

cleaned as (
    select
        _row,
        blank_to_na(comment_id) as comment_id,
        nullif(video_url, '') as written_url,
        ltrim(blank_to_na(member_handle), '@') as member_handle,
        blank_to_na(member_uid) as member_uid,
        blank_to_na(member_name) as member_name,
        coalesce("text", '') as "text",
        commented_at as raw_time,
        sql_time(time_text) as sql_time,
        likes as raw_likes,
        sql_count(likes) as likes,
        nullif(blank_to_na(parent_comment_id), '0') as parent_comment_id,
        is_owner,
        is_creator,
        coalesce(nullif(video_id, ''), link_video_id) as found_video_id,
        link_handle as url_handle
    from stripped
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
        when sql_time >= timestamp '2016-01-01' and sql_time < timestamp '2100-01-01' then sql_time
    end as commented_at,
    case when sql_time is null then raw_time end as unread_time,
    case when likes > 1000000000000 then null else likes end as likes,
    coalesce(likes > 1000000000000, false) as likes_too_big,
    case when likes is null then raw_likes end as unread_likes,
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
from cleaned
