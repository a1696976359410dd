"""Data: what each uploaded file held, what we assumed, and how to fix it."""

import pandas as pd
import streamlit as st

import ui
from analytics import wording
from analytics.ingest.detect import MAPPABLE, MAPPING_REQUIRED, field_mapping
from analytics.schema import KINDS
from analytics.store import ClientWorkspace
from analytics.templates import lives_template_csv, video_details_template_csv

st.title("Data")
st.caption(
    "Every file you uploaded, what we recognised in it, and anything we had to assume. Files are recognised by their columns, never by their name."
)

ws = ui.workspace()
if ui.is_demo():
    st.info(
        "These are the demo brand's files, in the real TikTok export formats. Upload your own in the sidebar: "
        "they become a client of your own, kept for your next visit.",
        icon="☕",
    )

for problem in ws.problems:
    st.error(ui.markdown_escape(problem.message), icon="🚫")

if isinstance(ws, ClientWorkspace):
    st.subheader("Imports")
    imports = ws.imports()
    if imports.empty:
        st.caption(f"Nothing imported into {ui.markdown_escape(ws.label)} yet.")
    else:
        st.caption(
            f"Everything uploaded into {ui.markdown_escape(ws.label)}, kept between visits. "
            "A day, video or comment in several imports counts once: the newest download wins, field by field."
        )
        shown = imports.assign(
            span=[
                "—" if pd.isna(start) else f"{wording.day(start)} – {wording.day(end)}"
                for start, end in zip(imports["start_date"], imports["end_date"], strict=True)
            ]
        )
        st.dataframe(
            shown[["import_id", "imported_at", "who", "files", "rows", "span"]],
            hide_index=True,
            width="stretch",
            column_config={
                "import_id": st.column_config.NumberColumn("Import", width=70),
                "imported_at": ui.date_column("When", with_time=True),
                "who": st.column_config.TextColumn("By", width=110),
                "files": st.column_config.TextColumn("Files", width=330),
                "rows": st.column_config.NumberColumn("Rows", format="localized", width=90),
                "span": st.column_config.TextColumn("Dates", width=190),
            },
        )
        with st.expander("Remove an import"):
            labels = {
                int(row.import_id): f"Import {row.import_id}: {row.files}" for row in imports.itertuples()
            }
            chosen = st.selectbox("Import", list(labels), format_func=labels.get, key="data_remove_import")
            if st.button("Remove this import", key="data_remove_import_apply"):
                ws.remove_import(chosen)
                st.rerun()
    if ws.last_change:
        if st.button(f"Undo {ui.markdown_escape(ws.last_change)}", key="data_undo", icon=":material/undo:"):
            undone = ws.undo()
            ui.notify(f"Undone: {ui.markdown_escape(undone)}.", icon="↩️")
            st.rerun()

summary = ws.summary()
if summary.empty and not ws.pending:
    ui.no_data(
        "Nothing loaded yet. Drop your TikTok exports in the box on the left: several at once, ZIPs included."
    )
else:
    st.subheader("Loaded files")
    table = summary.rename(
        columns={
            "file": "File",
            "kind_label": "What it is",
            "rows": "Rows",
            "start_date": "From",
            "end_date": "To",
            "year_label": "Year from",
        }
    )
    # A snapshot (gender, territories) has no dates: a dash, never "None".
    for column in ("From", "To"):
        table[column] = table[column].map(lambda when: "—" if pd.isna(when) else wording.day(when))
    st.dataframe(
        table[["File", "What it is", "Rows", "From", "To", "Year from"]],
        hide_index=True,
        width="stretch",
        column_config={
            # Widths that add up to the page at 1400 px, so "What it is" and "Year from" read whole.
            "File": st.column_config.TextColumn(width=160),
            "What it is": st.column_config.TextColumn(width=265),
            "Rows": st.column_config.NumberColumn(format="localized", width=90),
            "From": st.column_config.TextColumn(width=95),
            "To": st.column_config.TextColumn(width=95),
            "Year from": st.column_config.TextColumn(
                width=235,
                help="TikTok Studio dates have no year: where we took it from for this file.",
            ),
        },
    )
    notes = [
        f"- **{ui.markdown_escape(loaded.source)}**: {ui.markdown_escape(warning)}"
        for loaded in ws.tables
        for warning in loaded.warnings
    ]
    if notes:
        st.warning("**What we noticed or assumed**\n\n" + "\n".join(notes), icon="📝")
    for note in ws.merge_notes:
        st.info(ui.markdown_escape(note), icon="🔁")

    yearless = summary[summary["has_yearless_dates"]]
    if not yearless.empty:
        with st.expander("Fix the year of a file (TikTok Studio dates have no year)"):
            st.caption(
                "TikTok Studio writes dates without a year. We take it from the file itself first (the first day or "
                "download time in its name, or its video ids), then from another file of the same account uploaded "
                "with it; with neither, we assume the most recent year that fits. The \u201cYear from\u201d column "
                "and the notes above say which for each file. If a year is wrong, set the year of the file's last date: files that took "
                "their year from it are re-read too."
            )
            # Files others took their year from come first: fixing one fixes its followers too.
            files = sorted(yearless["file"], key=lambda name: not ws.tables_taking_their_year_from(name))
            source = st.selectbox("File", files, key="data_year_file")
            chosen = yearless[yearless["file"] == source].iloc[0]
            end = chosen["end_date"]
            followers = ws.tables_taking_their_year_from(source)
            st.caption(
                ui.markdown_escape(
                    f"Its year now comes from {chosen['year_source']}."
                    + (f" Re-read with it: {', '.join(followers)}." if followers else "")
                )
            )
            year = st.number_input(
                "Year of its last date",
                min_value=2016,
                max_value=2100,
                value=int(end.year) if end else 2026,
                key="data_year_value",
            )
            if st.button("Re-read with this year", key="data_year_apply"):
                ws.set_last_year(source, int(year))
                st.rerun()

for index, pending in enumerate(ws.pending):
    with st.container(border=True):
        st.markdown(
            f"**{ui.markdown_escape(pending.source)}**: we did not recognise these columns. Tell us which is which once; we remember it for files shaped the same."
        )
        st.dataframe(pending.raw.frame.head(5), hide_index=True)
        kinds = {KINDS[kind].label: kind for kind in MAPPABLE}
        kind = kinds[st.selectbox("What is this file?", list(kinds), key=f"data_map_kind_{index}")]
        guess = field_mapping(kind, pending.header)
        options = ["—", *pending.header]
        mapping = {}
        columns = st.columns(3)
        for position, name in enumerate(MAPPABLE[kind]):
            required = " (required)" if name in MAPPING_REQUIRED[kind] else ""
            picked = columns[position % 3].selectbox(
                name.replace("_", " ").capitalize() + required,
                options,
                index=options.index(guess[name]) if name in guess else 0,
                key=f"data_map_{index}_{kind}_{name}",
            )
            if picked != "—":
                mapping[name] = picked
        if st.button("Load with these columns", key=f"data_map_apply_{index}"):
            problem = ws.map_columns(pending, kind, mapping)
            if problem:
                st.error(ui.markdown_escape(problem.message))
            else:
                st.rerun()

st.subheader("Your account")
detected = ws.detected_brand_handles()
handles = st.text_input(
    "Your TikTok handle(s), comma-separated",
    value=", ".join(sorted(ws.brand_handles) or detected[:1]),
    key="data_brand_handles",
    help="Comments written by these accounts are your brand's replies, not community members.",
)
chosen = {handle.strip().lstrip("@").lower() for handle in handles.split(",") if handle.strip()}
if chosen and chosen != ws.brand_handles:
    ws.set_brand_handles(chosen)

st.subheader("Data TikTok does not export")
st.markdown(
    "TikTok Studio has no export for **LIVE sessions**, and none for **completion rate, watch time or saves** per video. "
    "Download a template, fill it in (Excel or Google Sheets), and upload it back in the sidebar."
)
left, right = st.columns(2)
left.download_button(
    "LIVE sessions template (CSV)",
    lives_template_csv(),
    "communitylens_lives_template.csv",
    "text/csv",
    key="data_live_template",
)
right.download_button(
    "Video detail template (CSV)",
    video_details_template_csv(),
    "communitylens_video_details_template.csv",
    "text/csv",
    key="data_video_template",
)

with st.expander("Where to find your TikTok exports"):
    st.markdown(
        "- **TikTok Studio** (web): Analytics → pick a tab (Overview, Content, Viewers, Followers) → **Download data**; choose CSV or XLSX. Upload the ZIP as it is.\n"
        "- **Comments**: TikTok exports none; use a comment export tool (Apify's TikTok comments scraper, an Excel comment exporter) and upload its CSV, XLSX or JSON.\n"
        "- **Business Suite**: Analytics → Export; daily and per-video files are both recognised."
    )

if ws.uploads and not ui.is_demo():
    with st.expander("Remove a file"):
        choices = ui.upload_choices(ws.uploads)
        digest = st.selectbox("File", list(choices), format_func=choices.get, key="data_remove_file")
        if st.button("Remove", key="data_remove_apply"):
            ui.remove_upload(digest)
            st.rerun()

counts = {
    table: ws.con.execute(f'select count(*) from "{table}"').fetchone()[0]
    for table in ("daily_stats", "videos", "comments", "lives")
}
st.caption(
    "In all, once your files are merged: "
    + ", ".join(
        [
            wording.plural(counts["daily_stats"], "day") + " of daily numbers",
            wording.plural(counts["videos"], "video"),
            wording.plural(counts["comments"], "comment"),
            wording.plural(counts["lives"], "LIVE session"),
        ]
    )
    + "."
)
