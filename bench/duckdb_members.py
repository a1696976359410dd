"""The least a DuckDB process can do for member tiers: bench_members.py's floor for the command line.

One SQL query over an Apify comment CSV (who, on which video, when), grouped by member, with the
app's default tier rules (`TierRules`) written out by hand, written to a CSV; no recognition, no
checks, no brand detection, nothing else imported. Run side by side with `analyst_members.py`: the
ratio of this script to the analyst's is the lowest any DuckDB-based `members` command can reach on
the machine (issue 10 asks ≤ 0.5× for the app's whole command).

    python bench/duckdb_members.py comments.csv members.csv
"""

import sys

import duckdb

source, out = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("set enable_progress_bar = false")
con.execute(
    f"""
    copy (
        with comments as (
            select uid, videoWebUrl as video, cast(cast(createTimeISO as timestamptz) as date) as day
            from read_csv($source, all_varchar = true)
        ),
        members as (
            select
                uid,
                count(distinct video) as videos,
                count(distinct date_trunc('week', day)) as weeks,
                min(day) as first_day,
                max(day) as last_day
            from comments
            group by uid
        ),
        dated as (
            select *, (select max(day) from comments) - first_day as since_first,
                (select max(day) from comments) - last_day as since_last
            from members
        )
        select
            uid,
            case
                when videos >= 5 and weeks >= 4 and since_last <= 30 then 'Champion'
                when videos >= 3 and weeks >= 2 and since_last <= 30 then 'Loyal'
                when videos >= 3 and weeks >= 2 and since_last <= 90 then 'At risk'
                when videos >= 3 and weeks >= 2 then 'Lapsed'
                when since_first <= 30 then 'New'
                when videos >= 2 then 'Regular'
                else 'One-time'
            end as tier,
            videos, weeks, first_day, last_day
        from dated
    ) to '{out.replace("'", "''")}' (header)
    """,
    {"source": source},
)
print(f"members written to {out}")
