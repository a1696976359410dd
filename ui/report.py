"""The Report page's parts: the client's remembered deck settings, the report kept until an input
changes, and the preview of what the deck will say."""

from __future__ import annotations

import hashlib

import streamlit as st

import ui
from analytics import i18n, preferences, wording
from analytics.i18n import _, ngettext
from analytics.overview import Period
from analytics.report import build_report
from analytics.report.model import Report, section_title
from analytics.report.text import number

LANGUAGE_KEY = "report_language"


def remember(setting: str, key: str) -> None:
    """Keep a changed control's value as this client's report setting."""
    preferences.save_report_settings({setting: st.session_state[key]}, memory=ui.memory())


def remember_logo(key: str) -> None:
    upload = st.session_state.get(key)
    if upload is not None and preferences.logo_problem(upload.getvalue()) is None:
        preferences.save_report_settings({"logo": upload.getvalue()}, memory=ui.memory())


def forget_logo() -> None:
    preferences.save_report_settings({"logo": None}, memory=ui.memory())
    # A new key empties the upload box, so the forgotten logo is not taken from it again.
    st.session_state.report_logo_generation = st.session_state.get("report_logo_generation", 0) + 1


def language_picker(column) -> str:
    """The deck's and the report's own language (an agency in Vietnam makes a French deck): the
    interface language until the marketer picks another, then that one for the session."""
    if st.session_state.get(LANGUAGE_KEY) not in i18n.LANGUAGES:
        st.session_state[LANGUAGE_KEY] = i18n.language()
    return column.selectbox(
        _("Language of the deck and report"),
        list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        help=_("Headlines, notes, chart labels, definitions and numbers are written in this language."),
    )


def report_for(
    ws, *, sections: list[str], dates: Period, client: str, real_handles: bool, color: str, logo
) -> Report:
    """The report of these choices, built once and kept for this session until one of its inputs changes."""
    brand_hashtags, handle = ui.chosen_brand_hashtags()  # as the Segments page takes them
    rules, overrides = ui.format_choices()
    series = ui.format_series()
    edits = ui.sentiment_edits()
    tier_rules = ui.tier_rules()
    salt = ui.pseudonym_salt()
    options = {
        "workspace": id(ws),
        "files": tuple(upload.digest for upload in ws.uploads),
        "brand": tuple(sorted(ws.brand_handles)),
        "brand_hashtags": None if brand_hashtags is None else tuple(brand_hashtags),
        "sections": tuple(sections),
        "dates": (dates.start, dates.end),
        "client": client,
        "real_handles": real_handles,
        "salt": salt,
        "tier_rules": tier_rules,
        "color": color,
        "logo": hashlib.sha256(logo).hexdigest() if logo else None,
        "formats": repr((rules, sorted(overrides.items()), list(series.items()))),
        "sentiment": repr((sorted(edits["lexicon"].items()), sorted(edits["corrections"].items()))),
        "language": i18n.language(),  # the page builds it inside i18n.use(the deck's language)
    }
    cached = st.session_state.get("report_cache")
    if cached is None or cached[0] != options:
        with st.spinner(_("Reading the numbers…")):
            report = build_report(
                ws.con,
                period=dates,
                sections=sections,
                client=client,
                brand_label=ws.label if ui.is_demo() or not handle else f"@{handle}",  # i18n: a handle
                real_handles=real_handles,
                salt=salt,
                tier_rules=tier_rules,
                brand_color=color,
                logo=logo,
                rules=rules,
                overrides=overrides,
                series=series,
                sentiment_memo=st.session_state.setdefault("sentiment_memo", {}),
                lexicon_additions=edits["lexicon"],
                corrections=edits["corrections"],
                brand_hashtags=brand_hashtags,
                brand_handle=handle,
            )
        st.session_state.report_cache = (options, report)
    return st.session_state.report_cache[1]


def what_goes_in(report: Report) -> str:
    """What the files hold and what never leaves the app, under the download buttons."""
    return ngettext(
        "{count} finding, one per slide, between a title slide and the methodology (every definition and the data "
        "windows used). Only the sections you picked leave the app; member handles are pseudonyms unless you "
        "switch real handles on; no comment text goes in. Every chart on every page can also be downloaded as a "
        "PNG: hover it and click the camera icon at its top right.",
        "{count} findings, one per slide, between a title slide and the methodology (every definition and the "
        "data windows used). Only the sections you picked leave the app; member handles are pseudonyms unless "
        "you switch real handles on; no comment text goes in. Every chart on every page can also be downloaded "
        "as a PNG: hover it and click the camera icon at its top right.",
        len(report.findings),
    ).format(count=number(len(report.findings)))


def preview(report: Report) -> None:
    """Each finding as the deck will say it, section by section."""
    st.subheader(_("What the deck will say"))
    for section in report.sections:
        with i18n.use(report.language):
            title = section_title(section)
        st.markdown(f"### {title}")
        for finding in report.section_findings(section):
            with st.container(border=True):
                st.markdown(f"#### {ui.markdown_escape(finding.headline)}")
                st.caption(ui.markdown_escape(finding.caption))
                if finding.kpis:
                    for column, kpi in zip(st.columns(5) * 4, finding.kpis, strict=False):
                        column.metric(
                            kpi.label,
                            kpi.value,
                            delta=wording.tile_delta(kpi.change, kpi.change_basis),
                            help=kpi.definition,
                            **wording.delta_style(kpi.change),
                        )
                elif finding.table is not None:
                    st.dataframe(finding.table, hide_index=True, width="stretch")
                elif finding.figure is not None:
                    ui.chart(finding.figure, f"report_{finding.key}")
                st.markdown(ui.markdown_escape(finding.note))
