"""What a report holds: findings (one idea each), computed once and drawn by the deck and the HTML.

A finding is a slide: a headline that states it, the chart that shows it (a plotly figure for the HTML
report and the PNG, plus a native chart spec for PowerPoint where one exists), a short note, and the
metrics it uses (their definitions go on the methodology slide).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from analytics import i18n
from analytics.i18n import N_, _
from analytics.overview import Period
from analytics.preferences import image_kind as image_type

SECTIONS: dict[str, str] = {
    "overview": N_("Overview"),
    "formats": N_("Interaction formats"),
    "members": N_("Members"),
    "segments": N_("Community segments"),
    "live": N_("LIVE"),
}


def section_title(name: str) -> str:
    """A section's name in this run's language ("formats" → "Formats d'interaction")."""
    return _(SECTIONS[name])


@dataclass
class NativeChart:
    """A chart PowerPoint can draw (and the client can edit): bar, column, line or doughnut.

    `series` is (name, values) pairs over `categories`; `number_format` is Excel's ("0.0%", "#,##0");
    `point_colors` colours the points of a one-series chart (greyed small groups, doughnut slices).
    """

    kind: str  # "bar" (horizontal), "column", "stacked_column", "line", "doughnut"
    categories: Sequence[object]
    series: Sequence[tuple[str, Sequence[float | None]]]
    number_format: str = "#,##0"
    point_colors: list[str] | None = None
    data_labels: bool = True
    legend: bool = False


@dataclass
class Kpi:
    label: str
    value: str
    change: str | None = None
    is_good: bool | None = None  # None: a change that is neither good nor bad news
    definition: str = ""
    change_basis: str = "vs previous period"  # what the change is measured against, after it  # i18n: a stored basis, translated where shown


@dataclass
class Finding:
    section: str
    key: str
    headline: str
    caption: str  # what the chart shows and how its number is defined
    note: str
    figure: go.Figure | None = None
    native: NativeChart | None = None
    kpis: list[Kpi] = field(default_factory=list)
    table: pd.DataFrame | None = None
    metrics: tuple[str, ...] = ()

    @property
    def needs_image(self) -> bool:
        """The deck shows a PNG: there is a figure and no native form for it."""
        return self.figure is not None and self.native is None and not self.kpis and self.table is None


@dataclass
class Report:
    title: str
    client: str
    brand_label: str
    period: Period
    generated_on: date
    sections: list[str]
    findings: list[Finding]
    windows: list[tuple[str, str]]
    definitions: list[tuple[str, str]]
    skipped: list[str] = field(default_factory=list)
    real_handles: bool = False
    brand_color: str = "#0F766E"
    logo: bytes | None = None
    language: str = field(default_factory=i18n.language)  # the deck's and the HTML's words and numbers

    def section_findings(self, section: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.section == section]

    @property
    def logo_type(self) -> str | None:
        return image_type(self.logo)
