-- What one member has said, newest first: each comment with its video and the brand's answer.
with own_comments as (
    select *
    from comments
    where member_id = $member_id and not coalesce(is_brand, false)
),

brand_replies as (
    select
        parent_comment_id as comment_id,
        count(*) as count_brand_replies,
        min(commented_at) as first_brand_reply_at,
        arg_min(text, commented_at) as first_brand_reply_text
    from comments
    where is_brand and parent_comment_id in (select comment_id from own_comments)
    group by parent_comment_id
)

select
    own_comments.comment_id,
    own_comments.commented_at,
    own_comments.video_id,
    videos.caption as video_caption,
    coalesce(own_comments.video_url, videos.video_url) as video_url,
    own_comments.text,
    own_comments.likes,
    own_comments.parent_comment_id,
    own_comments.parent_comment_id is not null as is_reply,
    brand_replies.comment_id is not null as is_brand_replied,
    coalesce(brand_replies.count_brand_replies, 0)::bigint as count_brand_replies,
    brand_replies.first_brand_reply_at,
    brand_replies.first_brand_reply_text
from own_comments
left join videos on videos.video_id = own_comments.video_id
left join brand_replies on brand_replies.comment_id = own_comments.comment_id
order by own_comments.commented_at desc, own_comments.comment_id desc
