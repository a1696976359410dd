-- How does each member feel, going by the sentiment labels of their comments?
-- comment_labels is a relation (comment_id, label) registered by the caller.
with labelled_comments as (
    select comments.member_id, comment_labels.label
    from comments
    inner join comment_labels on comment_labels.comment_id = comments.comment_id
    where not coalesce(comments.is_brand, false)
        and comments.member_id is not null
        and comment_labels.label in ('positive', 'neutral', 'negative')
),

member_counts as (
    select
        member_id,
        count(*) as count_labelled_comments,
        count(*) filter (where label = 'positive') as count_positive_comments,
        count(*) filter (where label = 'negative') as count_negative_comments
    from labelled_comments
    group by member_id
)

select
    member_id,
    count_labelled_comments,
    count_positive_comments,
    count_negative_comments,
    count_positive_comments / count_labelled_comments as positive_response_rate,
    case
        when count_positive_comments > count_negative_comments then 'Promoter'
        when count_positive_comments < count_negative_comments then 'Detractor'
        else 'Neutral'
    end as sentiment_segment
from member_counts
order by member_id
