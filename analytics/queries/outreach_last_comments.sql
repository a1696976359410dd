-- Each listed member's newest comment (the brand's own left out) and its video's account (member_links, outreach.py)
with last_comments as (
    select comments.member_id, comments.video_id, comments.video_url
    from comments
    join listed_members using (member_id)
    where not coalesce(comments.is_brand, false)
        and ($as_of is null or comments.commented_at::date <= $as_of)
    qualify row_number() over (
        partition by comments.member_id
        order by comments.commented_at desc, comments.comment_id desc
    ) = 1
),
accounts as (
    select video_id, min(account_handle) as account_handle
    from videos
    where account_handle is not null
    group by video_id
)
select last_comments.member_id, last_comments.video_id, last_comments.video_url,
    accounts.account_handle
from last_comments
left join accounts using (video_id)
