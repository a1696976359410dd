-- The definitions every query shares, as DuckDB macros (`db.query` makes them on each connection
-- before its first query). A number defined here is defined nowhere else.

-- Engagements: likes + comments + shares (metrics.md). A missing count is taken as 0, unless all
-- three are missing: then the engagements are unknown, not zero.
create or replace temp macro engagements(likes, comments, shares) as
    case
        when likes is null and comments is null and shares is null then null
        else coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0)
    end;

-- In the period: a day or a moment from the first day `start_day` to the last day `end_day`, both
-- whole days included; a NULL bound leaves that side open (all of the files).
create or replace temp macro in_period(moment, start_day, end_day) as
    (start_day is null or moment >= cast(start_day as date))
    and (end_day is null or moment < cast(end_day as date) + interval 1 day);
