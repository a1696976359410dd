"""The self-contained HTML report: one file that opens offline in any browser, with interactive charts.

plotly.js is embedded once (the first figure carries it), the logo is a data: URI, styles are inline,
and a Content-Security-Policy forbids every network request, so the file shows the same on a
plane as in the office and cannot call anywhere. Every piece of text that came from a file or the
marketer (client name, headlines that name formats or hashtags, notes, table cells) goes through
html.escape; figures are JSON that plotly escapes itself, their labels made literal first (plotly
would read a `<a href>` in a territory or a format name as a link).
"""

from __future__ import annotations

import base64
from html import escape

import pandas as pd

from analytics import i18n
from analytics.charts import localize
from analytics.i18n import _
from analytics.report import text
from analytics.report.deck import BAD, GOOD, accent_text_color, luminance, safe_color
from analytics.report.figures import literal_labels
from analytics.report.model import Finding, Report, section_title

# No network at all: scripts and styles inline only, images from data: URIs (the logo, plotly's PNG export).
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "  # i18n: markup
    "img-src data: blob:; font-src data:"
)
CHART_CONFIG = {"displaylogo": False, "responsive": True}

STYLE = """
:root { --brand: %(brand)s; --on-brand: %(on_brand)s; --accent: %(accent)s; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Inter, "Noto Sans", "Segoe UI", Arial, sans-serif; color: #0F172A;
       background: #F8FAFC; line-height: 1.45; }
header { background: var(--brand); color: var(--on-brand); padding: 32px 48px; display: flex;
         align-items: center; gap: 32px; }
header img { max-height: 96px; max-width: 240px; background: white; padding: 8px; border-radius: 8px; }
header h1 { margin: 0 0 4px; font-size: 34px; }
header p { margin: 2px 0; font-size: 17px; opacity: 0.92; }
nav { padding: 12px 48px; background: white; border-bottom: 1px solid #E2E8F0; font-size: 15px; }
nav a { color: var(--accent); margin-right: 18px; text-decoration: none; font-weight: 600; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 48px; }
section > h2 { color: var(--accent); text-transform: uppercase; letter-spacing: 0.06em; font-size: 15px;
               margin: 40px 0 8px; }
article { background: white; border: 1px solid #E2E8F0; border-radius: 12px; padding: 24px 28px;
          margin: 16px 0 24px; }
article h3 { margin: 0 0 6px; font-size: 26px; line-height: 1.25; }
.caption { color: #475569; margin: 0 0 12px; font-size: 15px; }
.note { background: #F1F5F9; border-radius: 8px; padding: 12px 16px; margin: 12px 0 0; font-size: 16px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.tile { background: #F1F5F9; border-radius: 10px; padding: 12px 16px; }
.tile .label { color: #475569; font-size: 14px; }
.tile .value { font-size: 30px; font-weight: 700; }
.tile .change { font-size: 14px; color: #475569; }
.tile .change.good { color: %(good)s; } .tile .change.bad { color: %(bad)s; }
table { border-collapse: collapse; width: 100%%; font-size: 15px; }
th { background: var(--brand); color: var(--on-brand); text-align: left; padding: 8px 10px; }
td { padding: 7px 10px; border-bottom: 1px solid #E2E8F0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: 220px 1fr; gap: 6px 18px; font-size: 15px; }
dt { font-weight: 700; } dd { margin: 0; color: #334155; }
footer { color: #64748B; font-size: 13px; text-align: center; padding: 24px; }
@media print { article { break-inside: avoid; } nav { display: none; } }
"""  # i18n: markup


def _tiles(finding: Finding) -> str:
    tiles = []
    for kpi in finding.kpis:
        change = ""
        if kpi.change:
            kind = "" if kpi.is_good is None else " good" if kpi.is_good else " bad"
            basis = _(kpi.change_basis) if kpi.change_basis else ""
            change = f'<div class="change{kind}">{escape(kpi.change)} {escape(basis)}</div>'  # i18n: markup
        tiles.append(
            f'<div class="tile" title="{escape(kpi.definition)}"><div class="label">{escape(kpi.label)}</div>'  # i18n: markup
            f'<div class="value">{escape(kpi.value)}</div>{change}</div>'
        )
    return '<div class="tiles">' + "".join(tiles) + "</div>"  # i18n: markup


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(str(name))}</th>" for name in frame.columns)
    rows = []
    for row in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="number">{escape(text.number(value))}</td>'  # i18n: markup
            if isinstance(value, int)
            else f"<td>{escape(str(value))}</td>"
            for value in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _figure(finding: Finding, *, first: bool) -> str:
    config = CHART_CONFIG | {
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": finding.key},
    }
    return localize(literal_labels(finding.figure)).to_html(
        full_html=False,
        include_plotlyjs=first,  # plotly.js once, inline: no CDN, works offline
        div_id=f"chart-{finding.key}",
        config=config,
    )


def _link(anchor: str, label: str) -> str:
    return f'<a href="#{anchor}">{escape(label)}</a>'  # i18n: markup


def build_html(report: Report) -> str:
    """The report as one HTML document (a string), in the report's language: open it in any browser, offline."""
    with i18n.use(report.language):
        return _document(report)


def _document(report: Report) -> str:
    brand = safe_color(report.brand_color)
    style = STYLE % {
        "brand": brand,
        "on_brand": "#FFFFFF" if luminance(brand) < 0.6 else "#0F172A",
        "accent": accent_text_color(brand),
        "good": GOOD,
        "bad": BAD,
    }
    who = report.client or report.brand_label
    logo = ""
    if report.logo is not None and report.logo_type:
        encoded = base64.b64encode(report.logo).decode("ascii")
        logo = f'<img alt="{escape(_("Logo"))}" src="data:image/{report.logo_type};base64,{encoded}">'  # i18n: markup
    details = report.period.describe()
    if report.client and report.client != report.brand_label:
        details = f"{report.brand_label} · {details}"
    parts = [
        "<!DOCTYPE html>",  # i18n: markup
        f'<html lang="{report.language.replace("_", "-")}"><head><meta charset="utf-8">',  # i18n: markup
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',  # i18n: markup
        '<meta name="viewport" content="width=device-width, initial-scale=1">',  # i18n: markup
        f"<title>{escape(report.title)}: {escape(who)}</title>",  # i18n: markup
        f"<style>{style}</style></head><body>",
        f"<header>{logo}<div><h1>{escape(report.title)}</h1><p><strong>{escape(who)}</strong></p>"
        f"<p>{escape(details)}</p></div></header>",
        "<nav>"
        + "".join(_link(name, section_title(name)) for name in report.sections)
        + f'<a href="#methodology">{escape(_("Methodology"))}</a></nav>',  # i18n: markup
        "<main>",
        '<p class="caption">'  # i18n: markup
        + escape(
            _(
                "Charts are interactive: hover for the numbers, drag to zoom, double-click to reset; the camera "
                "icon above each chart downloads it as a PNG."
            )
        )
        + "</p>",
    ]
    first = True
    for name in report.sections:
        parts.append(f'<section id="{name}"><h2>{escape(section_title(name))}</h2>')  # i18n: markup
        for finding in report.section_findings(name):
            parts.append(
                f'<article id="{escape(finding.key)}"><h3>{escape(finding.headline)}</h3>'  # i18n: markup
                f'<p class="caption">{escape(finding.caption)}</p>'
            )
            if finding.kpis:
                parts.append(_tiles(finding))
            elif finding.table is not None:
                parts.append(_table(finding.table))
            elif finding.figure is not None:
                parts.append(_figure(finding, first=first))
                first = False
            parts.append(f'<p class="note">{escape(finding.note)}</p></article>')  # i18n: markup
        parts.append("</section>")
    parts.append(
        f'<section id="methodology"><h2>{escape(_("Methodology"))}</h2>'  # i18n: markup
        f"<article><h3>{escape(_('How these numbers were made'))}</h3>"
    )
    parts.append(
        f"<h4>{escape(_('Data used'))}</h4><dl>"
        + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in report.windows)
        + f"</dl><h4>{escape(_('Definitions'))}</h4><dl>"
        + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in report.definitions)
        + "</dl>"
    )
    if report.skipped:
        left_out = _("Left out: {reasons}").format(reasons=" ".join(report.skipped))
        parts.append(f'<p class="caption">{escape(left_out)}</p>')  # i18n: markup
    parts.append("</article></section></main>")
    prepared = _("Prepared on {day} with CommunityLens, from the brand's TikTok exports.").format(
        day=text.day(report.generated_on)
    )
    offline = _("This file works offline and loads nothing from the internet.")
    parts.append(f"<footer>{escape(prepared)} {escape(offline)}</footer></body></html>")  # i18n: markup
    return "\n".join(parts)
