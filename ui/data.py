"""The Data page's sections: a client's imports, the loaded files, a file's year, unrecognised columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from analytics import wording
from analytics.i18n import _
from analytics.ingest.detect import MAPPABLE, MAPPING_REQUIRED, field_label, field_mapping
from analytics.schema import KINDS


def imports(ws) -> None:
    """A client's imports, kept between visits: each can be removed, and the last change undone."""
    st.subheader(_("Imports"))
    imports = ws.imports()
    if imports.empty:
        st.caption(_("Nothing imported into {client} yet.").format(client=ui.markdown_escape(ws.label)))
    else:
        st.caption(
            _(
                "Everything uploaded into {client}, kept between visits. "
                "A day, video or comment in several imports counts once: the newest download wins, field by field."
            ).format(client=ui.markdown_escape(ws.label))
        )
        shown = imports.assign(
            span=[
                "—" if pd.isna(start) else f"{wording.day(start)} – {wording.day(end)}"  # i18n: two dates
                for start, end in zip(imports["start_date"], imports["end_date"], strict=True)
            ]
        )
        st.dataframe(
            shown[["import_id", "imported_at", "who", "files", "rows", "span"]],  # i18n: column keys
            hide_index=True,
            width="stretch",
            column_config={
                "import_id": st.column_config.NumberColumn(_("Import"), width=70),
                "imported_at": ui.date_column(_("When"), with_time=True),
                "who": st.column_config.TextColumn(_("By"), width=110),
                "files": st.column_config.TextColumn(_("Files"), width=330),
                "rows": st.column_config.NumberColumn(_("Rows"), format="localized", width=90),
                "span": st.column_config.TextColumn(_("Dates"), width=190),
            },
        )
        with st.expander(_("Remove an import")):
            labels = {
                int(row.import_id): _("Import {number}: {files}").format(
                    number=row.import_id, files=row.files
                )
                for row in imports.itertuples()
            }
            chosen = st.selectbox(_("Import"), list(labels), format_func=labels.get, key="data_remove_import")
            if st.button(_("Remove this import"), key="data_remove_import_apply"):
                ui.attempt(ws.remove_import, chosen)
    if ws.last_change:
        # Translators: {change} is a change of the client, such as "the import of Overview.zip"
        label = _("Undo {change}").format(change=ui.markdown_escape(str(ws.last_change)))
        if st.button(label, key="data_undo", icon=":material/undo:"):
            undone = ui.attempt(ws.undo, rerun=False)
            ui.notify(_("Undone: {change}.").format(change=ui.markdown_escape(str(undone))), icon="↩️")
            st.rerun()


def loaded_files(ws, summary: pd.DataFrame) -> None:
    """Each loaded file: what it is, its rows and dates, where its year came from; then what we noticed."""
    st.subheader(_("Loaded files"))
    file, kind, rows, start, end, year = (
        _("File"),
        _("What it is"),
        _("Rows"),
        _("From"),
        _("To"),
        _("Year from"),
    )
    table = summary.assign(
        kind_label=[_(label) for label in summary["kind_label"]],
        year_label=[str(year_source(ws, name, "label")) for name in summary["file"]],
    ).rename(
        columns={
            "file": file,
            "kind_label": kind,
            "rows": rows,
            "start_date": start,
            "end_date": end,
            "year_label": year,
        }
    )
    # A snapshot (gender, territories) has no dates: a dash, never "None".
    for column in (start, end):
        table[column] = table[column].map(lambda when: "—" if pd.isna(when) else wording.day(when))
    st.dataframe(
        table[[file, kind, rows, start, end, year]],
        hide_index=True,
        width="stretch",
        column_config={
            # Widths that add up to the page at 1400 px, so "What it is" and "Year from" read whole.
            file: st.column_config.TextColumn(width=160),
            kind: st.column_config.TextColumn(width=265),
            rows: st.column_config.NumberColumn(format="localized", width=90),
            start: st.column_config.TextColumn(width=95),
            end: st.column_config.TextColumn(width=95),
            year: st.column_config.TextColumn(
                width=235,
                help=_("TikTok Studio dates have no year: where we took it from for this file."),
            ),
        },
    )
    notes = [
        f"- **{ui.markdown_escape(loaded.source)}**: {ui.markdown_escape(str(warning))}"  # i18n: a list item
        for loaded in ws.tables
        for warning in loaded.warnings
    ]
    if notes:
        st.warning(_("**What we noticed or assumed**") + "\n\n" + "\n".join(notes), icon="📝")
    for note in ws.merge_notes:
        st.info(ui.markdown_escape(str(note)), icon="🔁")


def year_source(ws, source: str, part: str) -> str:
    """Where a table's year came from (`words` or its short `label`), in this run's language: read from the
    table itself, as a table of the summary holds the English words."""
    found = next(
        (table.year_source for table in ws.tables if table.source == source and table.year_source), None
    )
    return str(getattr(found, part)) if found else ""


def year_fix(ws, summary: pd.DataFrame) -> None:
    """Set the year of a file whose dates have none (TikTok Studio's)."""
    yearless = summary[summary["has_yearless_dates"]]
    if not yearless.empty:
        with st.expander(_("Fix the year of a file (TikTok Studio dates have no year)")):
            st.caption(
                _(
                    "TikTok Studio writes dates without a year. We take it from the file itself first (the first day or "
                    "download time in its name, or its video ids), then from another file of the same account uploaded "
                    "with it; with neither, we assume the most recent year that fits. The \u201cYear from\u201d column "
                    "and the notes above say which for each file. If a year is wrong, set the year of the file's last date: files that took "
                    "their year from it are re-read too."
                )
            )
            # Files others took their year from come first: fixing one fixes its followers too.
            files = sorted(yearless["file"], key=lambda name: not ws.tables_taking_their_year_from(name))
            source = st.selectbox(_("File"), files, key="data_year_file")
            chosen = yearless[yearless["file"] == source].iloc[0]
            end = chosen["end_date"]
            followers = ws.tables_taking_their_year_from(source)
            st.caption(
                ui.markdown_escape(
                    _("Its year now comes from {source}. Re-read with it: {files}.").format(
                        source=year_source(ws, source, "words"), files=", ".join(followers)
                    )
                    if followers
                    else _("Its year now comes from {source}.").format(
                        source=year_source(ws, source, "words")
                    )
                )
            )
            year = st.number_input(
                _("Year of its last date"),
                min_value=2016,
                max_value=2100,
                value=int(end.year) if end else 2026,
                key="data_year_value",
            )
            if st.button(_("Re-read with this year"), key="data_year_apply"):
                ui.attempt(ws.set_last_year, source, int(year), rerun=False)
                st.rerun()


def column_mapping(ws, index: int, pending) -> None:
    """A file whose columns we did not recognise: the marketer says which is which, once."""
    with st.container(border=True):
        st.markdown(
            _(
                "**{file}**: we did not recognise these columns. Tell us which is which once; we remember it for files shaped the same."
            ).format(file=ui.markdown_escape(pending.source))
        )
        st.dataframe(pending.raw.frame.head(5), hide_index=True)
        kinds = {_(KINDS[kind].label): kind for kind in MAPPABLE}
        kind = kinds[st.selectbox(_("What is this file?"), list(kinds), key=f"data_map_kind_{index}")]
        guess = field_mapping(kind, pending.header)
        options = ["—", *pending.header]
        mapping = {}
        columns = st.columns(3)
        for position, name in enumerate(MAPPABLE[kind]):
            field = _(field_label(name))
            picked = columns[position % 3].selectbox(
                _("{field} (required)").format(field=field) if name in MAPPING_REQUIRED[kind] else field,
                options,
                index=options.index(guess[name]) if name in guess else 0,
                key=f"data_map_{index}_{kind}_{name}",
            )
            if picked != "—":
                mapping[name] = picked
        if st.button(_("Load with these columns"), key=f"data_map_apply_{index}"):
            problem = ui.attempt(ws.map_columns, pending, kind, mapping, rerun=False)
            if problem:
                st.error(ui.markdown_escape(str(problem.message)))
            else:
                st.rerun()
