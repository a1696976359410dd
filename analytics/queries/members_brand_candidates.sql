-- Which commenters could be the brand's own account? Those on the most videos, brand first. (brand_candidates, members.py)
with videos as (select count(distinct video_id) as count_videos from comments)
select member_id, member_handle, member_name, authors.count_videos, count_comments, is_brand,
    authors.count_videos > 1 and authors.count_videos >= $share * videos.count_videos as could_be_brand
from (
select member_id,
    arg_max(member_handle, commented_at) filter (where member_handle is not null) as member_handle,
    arg_max(member_name, commented_at) filter (where member_name is not null) as member_name,
    count(distinct video_id) as count_videos,
    count(*) as count_comments,
    bool_or(coalesce(is_brand, false)) as is_brand
from comments where member_id is not null
group by member_id
) as authors cross join videos
order by is_brand desc, authors.count_videos desc, count_comments desc, member_id
limit $limit
