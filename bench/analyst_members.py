"""The plain pandas script an analyst would write for member tiers: bench_members.py's baseline.

Reads the 3 columns it needs from an Apify comment CSV (who, on which video, when), groups by
member and applies the app's default tier rules (`TierRules`), written out by hand. No file
recognition, no checks, no brand detection, no merge with other files, no reasons: the least
work that gives the same tiers on a clean export.

    python bench/analyst_members.py comments.csv members.csv
"""

import sys

import numpy as np
import pandas as pd

source, out = sys.argv[1], sys.argv[2]
comments = pd.read_csv(source, usecols=["uid", "videoWebUrl", "createTimeISO"], dtype={"uid": str})
day = pd.to_datetime(comments["createTimeISO"], utc=True).dt.tz_localize(None).dt.normalize()
comments["day"] = day
comments["week"] = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
as_of = day.max()

members = comments.groupby("uid").agg(
    videos=("videoWebUrl", "nunique"), weeks=("week", "nunique"), first=("day", "min"), last=("day", "max")
)
since_first = (as_of - members["first"]).dt.days
since_last = (as_of - members["last"]).dt.days
videos, weeks = members["videos"], members["weeks"]
loyal = (videos >= 3) & (weeks >= 2)
members["tier"] = np.select(
    [
        (videos >= 5) & (weeks >= 4) & (since_last <= 30),
        loyal & (since_last <= 30),
        loyal & (since_last > 30) & (since_last <= 90),
        loyal & (since_last > 90),
        since_first <= 30,
        videos >= 2,
    ],
    ["Champion", "Loyal", "At risk", "Lapsed", "New", "Regular"],
    default="One-time",
)
members[["tier", "videos", "weeks", "first", "last"]].to_csv(out)
print(f"{len(members):,} members written to {out}")
