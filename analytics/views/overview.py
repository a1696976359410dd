"""Overview: how did the account do in the period, against the period before?

The page's tiles and the deck's first slide are the same `OverviewView`: the same numbers, the same
changes in the same words, the same sentence about what they are compared with.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics import wording
from analytics.i18n import _
from analytics.overview import Period, account_kpis, daily_trend


@dataclass(frozen=True)
class OverviewView:
    period: Period
    kpis: pd.DataFrame  # account_kpis: every metric, shown or not
    shown: pd.DataFrame  # the metrics the files give a value for, in tile order
    missing: pd.DataFrame  # the metrics they do not, with the file that would give each
    comparison: str  # what the changes are against, in a sentence (or that there is nothing before)
    trend: pd.DataFrame  # daily_trend: one row a day

    @property
    def compares(self) -> bool:
        """Whether any number has one of the period before to compare with."""
        return bool(self.shown["previous_value"].notna().any())

    @property
    def has_trend(self) -> bool:
        return bool(self.trend["video_views"].notna().any() or self.trend["followers"].notna().any())


def overview_view(con: duckdb.DuckDBPyConnection, period: Period) -> OverviewView:
    kpis = account_kpis(con, period)
    shown = kpis[kpis["value"].notna()]
    missing = kpis[kpis["value"].isna()]
    return OverviewView(period, kpis, shown, missing, _comparison(shown, period), daily_trend(con, period))


def _comparison(shown: pd.DataFrame, period: Period) -> str:
    if shown["previous_value"].isna().all():
        return _("No data before {day} to compare with.").format(day=wording.day(period.start))
    # Translators: {compared} is "the 28 days before (4 Jul – 31 Jul 2026)" or "September 2026 (1 Sep – 30 Sep 2026)"
    sentence = _("Changes are against {compared}.").format(compared=period.compared_with())
    if (shown["change_basis"] == wording.DAILY_AVERAGE_BASIS).any():
        sentence += " " + _(
            "The files cover a different number of days in the two periods, so counts are compared as daily averages."
        )
    return sentence
