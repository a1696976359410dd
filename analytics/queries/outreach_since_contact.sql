-- Did the members we contacted come back? One row per contacted member, newest contact first. (contact_outcomes, outreach.py)
select contact_marks.member_id, contact_marks.contacted_date::date as contacted_date,
    count(comments.comment_id)::bigint as count_comments_since_contact,
    (select max(commented_at)::date from comments) as newest_date
from contact_marks
left join comments
    on comments.member_id = contact_marks.member_id
    and comments.commented_at >= contact_marks.contacted_date::date + interval 1 day
    and not coalesce(comments.is_brand, false)
group by all
order by contacted_date desc, contact_marks.member_id
