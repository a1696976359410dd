"""Reports that go straight into the client meeting: a PowerPoint deck and a self-contained HTML file.

`build_report` computes every finding once (sections.py, community.py, live.py); `deck.build_deck`
and `html.build_html` draw the same findings; `images.figure_png` renders a figure with kaleido.
"""

from analytics.report.model import SECTIONS, Finding, Kpi, NativeChart, Report
from analytics.report.sections import build_report, default_report_period

__all__ = [
    "SECTIONS",
    "Finding",  # i18n: a name
    "Kpi",  # i18n: a name
    "NativeChart",
    "Report",  # i18n: a name
    "build_report",
    "default_report_period",
]
