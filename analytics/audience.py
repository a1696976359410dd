"""Who follows the brand: gender, territories and the hours they are on TikTok, from TikTok Studio's
Followers export (its latest download; the export is undated)."""

from __future__ import annotations

import duckdb
import pandas as pd
from babel import Locale

from analytics import i18n
from analytics.i18n import _
from analytics.timezones import follower_activity_grid, territory_name


def audience_gender(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Who follows the brand, by gender? Columns: gender, share (0 to 1), largest first."""
    return con.execute(
        "select gender, share from audience_gender where share is not null order by share desc, gender"
    ).df()


def top_territories(con: duckdb.DuckDBPyConnection, *, top: int = 10) -> pd.DataFrame:
    """Where do the brand's followers live? The `top` territories by share, named in the run's language.

    TikTok's "Others" row is kept last, as "Other territories". Columns: territory_code,
    territory, share (0 to 1).
    """
    table = con.execute(
        "select territory_code, share from audience_territories where share is not null "
        "order by share desc, territory_code"
    ).df()
    is_other = table["territory_code"].fillna("").str.strip().str.casefold().isin(["others", "other", ""])
    named = table[~is_other].head(top).copy()
    named["territory"] = named["territory_code"].map(lambda code: local_territory_name(str(code).strip()))
    others = table[is_other]
    if len(others):
        named = pd.concat(
            [
                named,
                pd.DataFrame(
                    {
                        "territory_code": ["Others"],
                        "territory": [_("Other territories")],
                        "share": [float(others["share"].sum())],
                    }
                ),
            ],
            ignore_index=True,
        )
    return named[["territory_code", "territory", "share"]].reset_index(drop=True)


def local_territory_name(code: str) -> str:
    """A territory's name in the run's language ("VN": "Vietnam", "Việt Nam", "Viêt Nam"); else its English name."""
    return Locale.parse(i18n.language()).territories.get(code.upper()) or territory_name(code)


def active_hours(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """At what time of day are followers on TikTok? One row per hour 0-23.

    Columns: hour, average_active_followers (mean over the file's days; NULL without data),
    count_days. Hours as TikTok wrote them (the file does not name its time zone).
    """
    grid = follower_activity_grid(con)
    grid = grid.assign(weighted=grid["average_active_followers"].fillna(0) * grid["count_days"])
    by_hour = grid.groupby("hour", as_index=False).agg(
        weighted=("weighted", "sum"), count_days=("count_days", "sum")
    )
    by_hour["average_active_followers"] = by_hour["weighted"] / by_hour["count_days"].where(
        by_hour["count_days"] > 0
    )
    by_hour["count_days"] = by_hour["count_days"].astype("int64")
    return by_hour[["hour", "average_active_followers", "count_days"]]
