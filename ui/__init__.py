"""Shared page furniture: the session's workspace, the upload box, the period, KPI tiles.

Lives at the top level, not in pages/, because Streamlit treats every file in pages/
as a page. Nothing here computes a number: that is analytics/'s job.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from datetime import date

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import charts, i18n, overview, preferences, sample, wording
from analytics.export import csv_bytes
from analytics.i18n import N_, _, ngettext
from analytics.members import TierRules
from analytics.overview import Period, default_period, shift
from analytics.preferences import Memory
from analytics.progress import Progress
from analytics.report.figures import literal_labels
from analytics.sample import demo_workspace
from analytics.store import AccountMismatch, ClientWorkspace, Store, lake
from analytics.workspace import Workspace, digest_of

UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "zip", "json"]
# analytics.overview's ready-made periods (the first is the default), and the marketer's own dates.
CUSTOM = -1
PRESETS = {**overview.PRESETS, N_("Custom"): CUSTOM}


# Session keys that survive a change of client: the picker itself, the run lock, presentation mode.
# Everything else (choices typed on a page, the period, the upload box) belongs to one client's screen.
KEPT_ACROSS_CLIENTS = {"client_choice", "ui_run_lock", "ui_presentation", "ui_notes", "csv_english_headers"}
DEMO = "demo"


@st.cache_resource(show_spinner=False)
def _open_store(settings: lake.LakeSettings) -> Store:
    """One store per server process, shared by every session (each works through cursors of its own)."""
    return Store(settings)


def store() -> Store | None:
    """The client store, or None when it cannot be opened (the app then keeps data for the session only)."""
    try:
        return _open_store(lake.settings())
    except Exception as error:  # a locked catalog, a read-only disk, a bad setting: say it, keep working
        st.session_state.store_problem = _(
            "Your clients cannot be opened ({error}), so uploads are kept for this session only. "
            "Check that no other CommunityLens uses the same folder with a DuckDB catalog."
        ).format(error=" ".join(str(error).split())[:300])
        return None


def in_language(show: Callable[[object], str]) -> Callable[[object], str]:
    """A widget's `format_func` that names options in this run's language whenever it is called
    (Streamlit and its test harness may call it outside the run, where the language is not set)."""
    language = i18n.language()

    def shown(option: object) -> str:
        with i18n.use(language):
            return show(option)

    return shown


def client_picker() -> None:
    """The sidebar's client choice: the demo brand (read-only) and every client in the store.

    The choice is in the address (`?client=<id>`), so a reload, or the same address in another browser,
    opens the same client; a session opens a client only by choosing it (or by that address).
    """
    lake_store = store()
    if lake_store is None:
        st.sidebar.caption(st.session_state.get("store_problem", ""))
        return
    names = lake_store.names()
    if "pending_client" in st.session_state:  # made by an upload on the demo, during the last run
        st.session_state.client_choice = st.session_state.pop("pending_client")
    if "client_choice" not in st.session_state:
        asked = st.query_params.get("client")
        st.session_state.client_choice = asked if asked in names and lake_store.may_open(asked) else DEMO
    if st.session_state.client_choice not in names and st.session_state.client_choice != DEMO:
        st.session_state.client_choice = DEMO  # deleted meanwhile, in another browser
    st.sidebar.selectbox(
        _("Client"),
        [DEMO, *names],
        format_func=in_language(
            lambda choice: _("Phin & Co. (demo, read-only)") if choice == DEMO else names[choice]
        ),
        key="client_choice",
        on_change=_forget_other_client,
        help=_("Each client keeps its own files, history and choices. The demo brand is never changed."),
    )
    chosen = st.session_state.client_choice
    if chosen == DEMO:
        st.query_params.pop("client", None)
    else:
        st.query_params["client"] = chosen
    with st.sidebar.popover(_("Manage clients"), width="stretch"):
        _manage_clients(lake_store, names)


def _forget_other_client() -> None:
    """A new client on screen: nothing typed or chosen for the previous one stays."""
    for key in list(st.session_state):
        if key not in KEPT_ACROSS_CLIENTS:
            del st.session_state[key]


def open_client(client_id: str) -> None:
    """Show this client; only from a widget's callback (before the picker is drawn)."""
    _forget_other_client()
    st.session_state.client_choice = client_id


def _create_client() -> None:
    try:
        open_client(store().create_client(st.session_state.get("client_new_name", "")))
    except ValueError as error:
        st.session_state.client_problem = str(error)


def _rename_client(client_id: str) -> None:
    try:
        store().rename_client(client_id, st.session_state.get(f"client_rename_{client_id}", ""))
    except ValueError as error:
        st.session_state.client_problem = str(error)


def _delete_client(client_id: str) -> None:
    store().delete_client(client_id)
    open_client(DEMO)


def _manage_clients(lake_store: Store, names: dict[str, str]) -> None:
    chosen = st.session_state.client_choice
    if problem := st.session_state.pop("client_problem", None):
        st.error(markdown_escape(problem))
    name = st.text_input(
        _("New client"), key="client_new_name", placeholder=_("The brand's name"), max_chars=80
    )
    st.button(_("Create"), key="client_create", disabled=not name.strip(), on_click=_create_client)
    if chosen == DEMO:
        st.caption(_("Choose a client above to rename or delete it."))
        return
    name = names[chosen]
    st.divider()
    new_name = st.text_input(_("Rename"), value=name, key=f"client_rename_{chosen}", max_chars=80)
    st.button(
        _("Rename"),
        key="client_rename_apply",
        disabled=new_name.strip() == name,
        on_click=_rename_client,
        args=(chosen,),
    )
    st.divider()
    sure = st.checkbox(
        # Translators: {name} is the client's name
        _("Delete {name} for good").format(name=markdown_escape(name)),
        key=f"client_delete_sure_{chosen}",
    )
    if sure:  # what goes, counted only when asked (it takes a few queries)
        row = lake_store.clients(only=chosen).iloc[0]
        imports = ngettext("{count} import", "{count} imports", int(row["imports"])).format(
            count=wording.count(int(row["imports"]))
        )
        files = ngettext("{count} file", "{count} files", int(row["files"])).format(
            count=wording.count(int(row["files"]))
        )
        if pd.notna(row["first_date"]):
            # Translators: {imports} is "3 imports", {files} "12 files", {start} and {end} days
            words = _(
                "This deletes {imports} of {files} ({start} – {end}), every choice remembered for it and the "
                "uploaded files themselves. It cannot be undone."
            ).format(
                imports=imports,
                files=files,
                start=wording.day(row["first_date"]),
                end=wording.day(row["last_date"]),
            )
        else:
            words = _(
                "This deletes {imports} of {files}, every choice remembered for it and the uploaded files "
                "themselves. It cannot be undone."
            ).format(imports=imports, files=files)
        st.caption(words)
    st.button(
        _("Delete client"),
        key="client_delete",
        type="primary",
        disabled=not sure,
        on_click=_delete_client,
        args=(chosen,),
    )


def current_client() -> str | None:
    """The id of the client on screen, None for the demo (or when there is no store)."""
    chosen = st.session_state.get("pending_client") or st.session_state.get("client_choice", DEMO)
    return None if chosen == DEMO or store() is None else chosen


def workspace() -> Workspace:
    """This browser session's data: the chosen client's (read from the store), else the demo brand.

    A session holds its own copy; two sessions on one client each read it from the store.
    """
    chosen = current_client()
    ws = st.session_state.get("workspace")
    if chosen is None:
        if ws is None or (not is_demo() and getattr(ws, "client_id", None) is not None):
            with st.spinner(_("Opening the demo brand…")):
                st.session_state.workspace = demo_workspace()
            st.session_state.is_demo = True
    elif getattr(ws, "client_id", None) != chosen:
        with st.spinner(_("Opening the client…")):
            st.session_state.workspace = store().open(chosen)
        st.session_state.is_demo = False
        st.session_state.client_memory = st.session_state.workspace.memory
    elif not st.session_state.get("ui_refreshed") and ws.refresh():
        notify(
            # Translators: {client} is the client's name
            _("{client} was changed elsewhere (another window or the command line): updated.").format(
                client=markdown_escape(ws.label)
            )
        )
    if is_demo():  # the demo brand's name is worded in the screen's language
        st.session_state.workspace.label = _(sample.BRAND_NAME)
    st.session_state.ui_refreshed = True  # once per run: pages call workspace() many times
    return st.session_state.workspace


def kept(name: str, compute, *inputs):
    """`compute()`, kept for this session until the workspace changes (`Workspace.version`) or `inputs` do:
    a page's view is computed once, not on every rerun a widget or a tab switch makes."""
    ws = workspace()
    memo = st.session_state.setdefault("ui_kept", {})
    key = (ws.version, i18n.language(), inputs)  # a view's sentences are in the language it was made in
    held = memo.get(name)
    if held is None or held[0] is not ws or held[1] != key:
        memo[name] = held = (ws, key, compute())
    return held[2]


def is_demo() -> bool:
    return bool(st.session_state.get("is_demo"))


def memory() -> Memory:
    """Where this session's remembered choices go: the open client's own memory.

    The demo brand's choices last for the session only (a `SessionMemory`: it writes nothing);
    a client opened from the store brings its memory (`client_memory`); else the folder of
    `COMMUNITYLENS_HOME`, shared by every upload that is not a client's.
    """
    from analytics.preferences import SessionMemory, shared_memory

    workspace()
    if is_demo():
        return st.session_state.setdefault("demo_memory", SessionMemory())
    client = st.session_state.get("client_memory")
    return client if client is not None else shared_memory()


# Said on the Data page: what stays shared when every other choice is the client's own (show it with `_()`).
REMEMBERED_SPLIT = N_(
    "Column mappings you teach us are shared by every client, since they describe a tool's file layout; "
    "everything else you choose (format fixes, brand hashtags, sentiment corrections, which commenter is you, "
    "tier rules, report settings) is remembered for each client on its own."
)


def remembered_where() -> str:
    """Where the choices made on a page are kept, said in a few words."""
    from analytics.preferences import preferences_folder

    if is_demo():
        return _("for this session only (the demo brand)")
    if st.session_state.get("client_memory") is not None:
        return _("for this client")
    return _("on this computer, in {folder}").format(folder=preferences_folder())


def tier_rules() -> TierRules:
    """The tier thresholds kept for this client on the Members page (metrics.md's defaults when none)."""
    from analytics.preferences import load_tier_rules

    return load_tier_rules(memory=memory()) or TierRules()


def pseudonym_salt() -> str:
    """This client's pseudonym secret, so a member has one pseudonym on every page and in every deck."""
    from analytics.preferences import pseudonym_salt as remembered_salt

    held = st.session_state.get("pseudonym_salt")
    if held is None or held[0] is not workspace():
        held = (workspace(), remembered_salt(memory()))
        st.session_state.pseudonym_salt = held
    return held[1]


def upload_box() -> None:
    """The one uploader, in the sidebar: any mix of TikTok exports, several at once.

    The workspace follows the box: a new file is read, and a file taken out with its ✕ is taken out
    of every page. Files are told apart by their bytes, not their names: two different
    `Overview.csv` downloads are two files. Uploading on the demo makes a new client, kept in the
    store, so nothing is lost on a reload.
    """
    files = (
        st.sidebar.file_uploader(
            _("Add TikTok exports"),
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key=uploader_key(),
            help=_(
                "TikTok Studio CSV/XLSX/ZIP downloads, comment exports, your video tracking sheet, the LIVE template. "
                "Files are recognised by their columns, whatever their name. The ✕ on a file removes its data too."
            ),
        )
        or []
    )
    # uploader file id -> digest of its bytes, for the files this box handed to the workspace
    held: dict[str, str] = st.session_state.setdefault("upload_digests", {})
    new = {file.file_id: file for file in files if file.file_id not in held}
    contents = {file_id: file.getvalue() for file_id, file in new.items()}  # one copy each, hashed once
    arriving = {file_id: digest_of(data) for file_id, data in contents.items()}
    current = {file.file_id for file in files}
    gone = {held.pop(file_id) for file_id in list(held) if file_id not in current}
    removed = gone - set(held.values()) - set(arriving.values())  # the same bytes may be in the box twice
    if removed and not is_demo():
        names = [upload.name for upload in workspace().uploads if upload.digest in removed]
        for digest in removed:
            workspace().remove_file(digest)
        if names:
            notify(
                _("Removed {files}.").format(files=", ".join(markdown_escape(name) for name in names)),
                icon="🗑️",
            )
    if not new:
        return
    batch = [(file.name, contents[file_id]) for file_id, file in new.items()]
    if is_demo():
        # The first upload replaces the demo: a marketer's numbers never mix with Phin & Co.'s.
        _leave_demo()
    with upload_progress(batch) as progress:
        results = add_to_workspace(batch, progress=progress)
    st.session_state.upload_digests = {**st.session_state.get("upload_digests", {}), **arriving}
    _tell_results(results)
    if "pending_client" in st.session_state:
        st.rerun()  # the picker, drawn before the upload, now shows the new client


def _leave_demo() -> None:
    """Uploads on the demo go to a new client (kept in the store), or to the session when there is none."""
    lake_store = store()
    if lake_store is None:
        st.session_state.workspace = Workspace(brand_answer=preferences.load_brand_answer(memory()))
        st.session_state.is_demo = False
        return
    taken = {name.casefold() for name in lake_store.names().values()}
    for number in range(1, 10_000):
        # Translators: the name of a client made by an upload ("New client 2" when "New client" exists)
        name = _("New client {number}").format(number=number) if number > 1 else _("New client")
        if name.casefold() in taken:
            continue
        try:
            client_id = lake_store.create_client(name)
            break
        except ValueError:  # another session uploading at the same moment took this name: the next one
            continue
    st.session_state.pending_client = client_id
    st.session_state.named_after_upload = client_id
    workspace()


@contextmanager
def upload_progress(files: list[tuple[str, bytes]]) -> Iterator[Progress]:
    """A status box in the sidebar with a bar that moves through the upload's stages (reading each
    file, recognising it, storing, computing, saving); yields the callback the workspace reports to.

    When the upload is done the box closes to one line saying so, for this run (the toast says what loaded).
    """
    several = ngettext("{count} file", "{count} files", len(files)).format(count=wording.count(len(files)))
    names = markdown_escape(files[0][0] if len(files) == 1 else several)
    # Translators: {files} is a file's name or "3 files"
    with st.sidebar.status(_("Adding {files}…").format(files=names), expanded=True) as status:
        bar = st.progress(0.0, text=_("Starting…"))

        def progress(words: str, fraction: float) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=markdown_escape(words))

        try:
            yield progress
        except Exception:
            status.update(label=_("{files} could not be added.").format(files=names), state="error")
            raise
        bar.progress(1.0, text=_("Done."))
        status.update(label=_("Added {files}.").format(files=names), state="complete", expanded=False)


def add_to_workspace(
    files: list[tuple[str, bytes]], *, any_account: bool = False, progress: Progress | None = None
) -> list:
    """Add files to the workspace on screen: one import for a client (files of another account held back)."""
    ws = workspace()
    if isinstance(ws, ClientWorkspace):
        results = ws.add_files(files, who="app", any_account=any_account, progress=progress)
        for note in ws.skipped:
            notify(markdown_escape(note), icon="ℹ️")
        if ws.held:
            st.session_state.held_files = ws.held
        if st.session_state.pop("named_after_upload", None) == ws.client_id and ws.account:
            results = _name_after_account(ws, files, progress) or results
        return results
    before = len(ws.uploads)
    results = ws.add_files(files, progress=progress)
    if len(ws.uploads) == before:
        notify(_("These files are loaded already: nothing new in them."), icon="ℹ️")
    return results


def _name_after_account(
    ws: ClientWorkspace, files: list[tuple[str, bytes]], progress: Progress | None = None
) -> list | None:
    """A client made by an upload takes its account's name; when a client of that account exists
    already, the files go there instead (this month's exports uploaded from the demo)."""
    lake_store = store()
    clients = lake_store.clients()
    owner = clients[(clients["account"] == ws.account) & (clients["client_id"] != ws.client_id)]
    if len(owner):
        target = owner.iloc[0]
        lake_store.delete_client(ws.client_id)
        st.session_state.pending_client = target["client_id"]
        st.session_state.workspace = lake_store.open(target["client_id"])
        st.session_state.client_memory = st.session_state.workspace.memory
        results = st.session_state.workspace.add_files(files, who="app", progress=progress)
        notify(
            # Translators: {account} is a TikTok handle without its @, {client} the client's name
            _("These files are @{account}'s: added to your client {client}.").format(
                account=markdown_escape(ws.account), client=markdown_escape(target["name"])
            ),
            icon="🗂️",
        )
        return results
    try:
        lake_store.rename_client(ws.client_id, f"@{ws.account}")
    except ValueError:
        return None  # a client of that name exists: keep "New client"
    ws.label = f"@{ws.account}"
    notify(
        _("Your files are kept in a new client, {client}: rename it under Manage clients.").format(
            client=markdown_escape(ws.label)
        ),
        icon="🗂️",
    )
    return None


def attempt(action, *args, rerun: bool = True):
    """Run a change of the client (a removal, an undo, a fix); a refusal is said in a sentence, never a
    traceback, and the page stops there. Reruns the page after it unless `rerun` is False."""
    try:
        result = action(*args)
    except ValueError as refusal:
        st.error(markdown_escape(str(refusal)), icon="🚫")
        st.stop()
    if rerun:
        st.rerun()
    return result


def notify(message: str, icon: str | None = None) -> None:
    """A short note for the marketer, shown at the end of this run, or of the next when this one reruns."""
    st.session_state.setdefault("ui_notes", []).append((message, icon))


def show_notes() -> None:
    for message, icon in st.session_state.pop("ui_notes", []):
        st.toast(message, icon=icon)


def _tell_results(results: list) -> None:
    if not results:
        return
    st.session_state.last_results = results
    loaded = sum(len(result.tables) for result in results)
    problems = sum(len(result.problems) for result in results)
    pending = sum(len(result.pending) for result in results)
    tables = ngettext("{count} table", "{count} tables", loaded).format(count=wording.count(loaded))
    if problems or pending:
        message = ngettext(
            "Loaded {tables}; {count} needs a look on the Data page.",
            "Loaded {tables}; {count} need a look on the Data page.",
            problems + pending,
        ).format(tables=tables, count=wording.count(problems + pending))
    else:
        message = _("Loaded {tables}.").format(tables=tables)
    notify(message, icon="📥" if not problems else "⚠️")


def held_files() -> None:
    """Files of another TikTok account than the client's: never merged silently, the marketer decides."""
    waiting: list[AccountMismatch] = st.session_state.get("held_files") or []
    if not waiting:
        return
    lake_store = store()
    names = lake_store.names() if lake_store else {}
    with st.container(border=True, key="held_files_box"):
        st.warning(
            # Translators: {files} is one sentence per file held back ("Overview.csv is @phin's, not @co's.")
            ngettext(
                "Not added yet: {files} Where should it go?",
                "Not added yet: {files} Where should they go?",
                len(waiting),
            ).format(files=" ".join(markdown_escape(item.words()) for item in waiting)),
            icon="🔀",
        )
        others = {item.other_client for item in waiting if item.other_client in names}
        columns = st.columns(len(others) + 3)
        for column, other in zip(columns, sorted(others), strict=False):
            if column.button(_("Put in {client}").format(client=names[other]), key=f"held_to_{other}"):
                _move_held([item for item in waiting if item.other_client == other], other)
        account = waiting[0].account
        if columns[len(others)].button(
            _("Put in a new client @{account}").format(account=account), key="held_to_new"
        ):
            _move_held(waiting, None)
        if columns[len(others) + 1].button(_("Add here anyway"), key="held_add_anyway"):
            st.session_state.held_files = []
            _tell_results(add_to_workspace([(item.name, item.data) for item in waiting], any_account=True))
            st.rerun()
        if columns[len(others) + 2].button(_("Leave them out"), key="held_drop"):
            st.session_state.held_files = []
            st.rerun()


def _move_held(items: list[AccountMismatch], client_id: str | None) -> None:
    lake_store = store()
    if client_id is None:
        name = f"@{items[0].account}"
        existing = lake_store.find_client(name)
        client_id = existing or lake_store.create_client(name)
    target = lake_store.open(client_id)
    target.add_files([(item.name, item.data) for item in items], who="app", any_account=True)
    st.session_state.held_files = [item for item in st.session_state.held_files if item not in items]
    notify(
        _("Added to {client}: choose it under Client to see it.").format(
            client=markdown_escape(target.label)
        ),
        icon="🗂️",
    )
    st.rerun()


def uploader_key() -> str:
    """The upload box's widget key; a new one empties the box (Streamlit cannot take one file out of it)."""
    generation = st.session_state.get("upload_generation", 0)
    return "upload_files" if not generation else f"upload_files_{generation}"


def remove_upload(digest: str) -> None:
    """Take one file out of the workspace (the Data page's "Remove"), and empty the upload box.

    Emptied, because the box cannot drop a single file and must never show a file whose data is
    gone; the other files stay loaded, listed on the Data page.
    """
    workspace().remove_file(digest)
    st.session_state.upload_generation = st.session_state.get("upload_generation", 0) + 1
    st.session_state.upload_digests = {}


def upload_choices(uploads: list) -> dict[str, str]:
    """digest -> how the Data page names an upload; files sharing a name get their dates to tell them apart."""
    names = [upload.name for upload in uploads]
    choices = {}
    for upload in uploads:
        label = upload.name
        if names.count(upload.name) > 1:
            ranges = [table.date_range() for table in (upload.result.tables if upload.result else [])]
            starts = [start for start, _end in ranges if start]
            ends = [end for _, end in ranges if end]
            label = (
                # Translators: a file's name with the first and last days it covers
                _("{name} ({start} – {end})").format(
                    name=label, start=wording.day(min(starts)), end=wording.day(max(ends))
                )
                if starts and ends
                # Translators: a file's name and its place in the uploads ("Overview.csv (file 2)")
                else _("{name} (file {number})").format(name=label, number=upload.order + 1)
            )
        choices[upload.digest] = label
    return choices


def data_source_note() -> None:
    ws = workspace()
    if is_demo():
        st.sidebar.info(
            _(
                "You are looking at **{brand}**. Upload your own exports above: they are kept as a client of "
                "your own, there the next time you open the app."
            ).format(brand=ws.label),
            icon="☕",
        )
    else:
        st.sidebar.caption(
            ngettext(
                "{count} file loaded · see the Data page",
                "{count} files loaded · see the Data page",
                len(ws.uploads),
            ).format(count=wording.count(len(ws.uploads)))
        )


def period_control() -> Period | None:
    """The date range every page uses, anchored on the data's last day (exports are often a few days old)."""
    ws = workspace()
    span = default_period(ws.con)
    if span is None:
        return None
    # The choice is kept as its English name (a stored code), shown in the reader's language.
    choice = st.sidebar.selectbox(
        _("Period"),
        list(PRESETS),
        format_func=in_language(_),
        key="period_preset",
        help=_("Applies to every page."),
    )
    if PRESETS[choice] == CUSTOM:
        picked = st.sidebar.date_input(
            _("From – to"),
            value=(span.start, span.end),
            min_value=shift(span.start, -366),
            max_value=span.end,
            key="period_custom",
            format=wording.DATE_INPUT_FORMAT,
        )
        start, end = (
            (picked[0], picked[-1]) if isinstance(picked, tuple | list) and picked else (span.start, span.end)
        )
        period = Period(start, end)
    else:
        period = overview.preset_period(span, PRESETS[choice])
    st.sidebar.caption(period_caption(period))
    return period


def period_caption(period: Period) -> str:
    """Both periods in words: "October 2026 (1 Oct – 31 Oct 2026, 31 days), compared with September 2026
    (1 Sep – 30 Sep 2026)." A run of days keeps its short form: "…, compared with the 28 days before."."""
    if period.name is None:
        # Translators: {period} is "1 Aug 2026 – 28 Aug 2026 (28 days)"
        return ngettext(
            "{period}, compared with the {count} day before.",
            "{period}, compared with the {count} days before.",
            period.days,
        ).format(period=period.describe(), count=wording.count(period.days))
    # Translators: {period} is "October 2026 (1 Oct – 31 Oct 2026, 31 days)", {compared} "September 2026 (1 Sep – 30 Sep 2026)"
    caption = _("{period}, compared with {compared}.").format(
        period=period.describe(), compared=period.compared_with()
    )
    if period.previous().days != period.days:
        caption += " " + _("Months differ in length, so counts are compared as daily averages.")
    return caption[:1].upper() + caption[1:]  # "octobre 2026 (…)" starts a sentence here


def current_period() -> Period | None:
    return st.session_state.get("period")


def format_value(value: float | None, unit: str) -> str:
    return wording.value(value, unit)


def format_change(change: float | None, unit: str) -> str | None:
    return wording.change(change, unit)


def kpi_tiles(kpis: pd.DataFrame, columns: int = 4) -> None:
    """One tile per metric, worded by `account_kpis`: value, change (or its basis), definition on hover."""
    rows = [kpis.iloc[i : i + columns] for i in range(0, len(kpis), columns)]
    for chunk in rows:
        for column, (_index, kpi) in zip(st.columns(columns), chunk.iterrows(), strict=False):
            help_text = kpi["definition"]
            if kpi["previous_text"] is not None:
                help_text += " " + _("Previous period: {value}.").format(value=kpi["previous_text"])
            tile(
                column,
                kpi["label"],
                kpi["value_text"],
                wording.tile_delta(kpi["change_text"], kpi["change_basis"]),
                help_text,
            )


def tile(column, label: str, value: str, change: str | None, help_text: str, border: bool = True) -> None:
    """A number with its worded change: no colour and no arrow when nothing changed."""
    column.metric(label, value, delta=change, help=help_text, border=border, **wording.delta_style(change))


def chart(fig: go.Figure, key: str) -> None:
    """A figure on the page, its numbers written as the reader's language writes them (1 234,5 in French)."""
    charts.localize(fig)
    st.plotly_chart(
        literal_labels(fig),  # uploaded text in a label shows as typed, never as a link
        key=key,
        config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key}},
    )


# Table columns wide enough for their whole value in the tables' 14 px font, so a date is never cut
# to "21 Nov 202(" when the other columns take the room (Streamlit's "small" is 75 px).
DATE_WIDTH = 110  # "21 Nov 2026"
DATE_TIME_WIDTH = 150  # "21 Nov 2026, 20:00"
COUNT_WIDTH = 100  # "12,345,678"


def table_date_format(with_time: bool = False) -> str:
    """ "21 Nov 2026" in English; day-first digits elsewhere ("29/11/2026"), as tables name months in English only."""
    day = "D MMM YYYY" if i18n.language() == i18n.DEFAULT else "DD/MM/YYYY"  # i18n: a date format code
    return f"{day}, HH:mm" if with_time else day  # i18n: a date format code


def date_column(label: str | None = None, *, with_time: bool = False, **options):
    """A table column of dates ("21 Nov 2026") or moments ("21 Nov 2026, 20:00"), never cut."""
    if with_time:
        return st.column_config.DatetimeColumn(
            label, format=table_date_format(with_time=True), width=DATE_TIME_WIDTH, **options
        )
    return st.column_config.DateColumn(label, format=table_date_format(), width=DATE_WIDTH, **options)


def timestamp_date_column(label: str | None = None, **options):
    """A table column of moments shown as their day only ("21 Nov 2026"), never cut."""
    return st.column_config.DatetimeColumn(label, format=table_date_format(), width=DATE_WIDTH, **options)


def count_column(label: str | None = None, **options):
    """A table column of counts with thousands separators ("12,345,678"), never cut."""
    return st.column_config.NumberColumn(label, format="localized", width=COUNT_WIDTH, **options)


# The session's choice of English column headers in downloads (an analyst's scripts read them).
ENGLISH_HEADERS = "csv_english_headers"


def csv_frame(frame: pd.DataFrame, headers: Mapping[str, str] | None = None, *, english: bool = False):
    """`frame` as a CSV download writes it: headers in this run's language (English when `english`),
    values untouched (raw numbers, ISO dates), so a spreadsheet or a script reads them as they are.

    `frame`'s headers are English display names, or stored names that `headers` names in English
    (`charts.LABELS`, `definitions.COLUMN_LABELS`).
    """
    named = frame.rename(columns=headers) if headers else frame
    if english:
        return named
    return named.rename(columns=lambda column: _(column) if isinstance(column, str) and column else column)


def download_csv(frame: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    """A CSV download of `frame`, written when the button is clicked (not on every run of the page).

    `frame` has English headers (`charts.LABELS`, `definitions.COLUMN_LABELS`); the file has them in the
    reader's language, and outside English a box next to the button keeps them in English (ticked once,
    for the whole session: it is the analyst's habit, not one table's).
    """
    english = i18n.language() == i18n.DEFAULT or english_headers(key)
    st.download_button(
        label,
        lambda: csv_bytes(csv_frame(frame, english=english)),
        file_name=file_name,
        mime="text/csv",
        key=key,
    )


def english_headers(key: str) -> bool:
    """The "Keep English column headers" box under the download `key`, ticked as the session last chose."""
    box = f"{key}_english_headers"
    st.session_state[box] = bool(st.session_state.get(ENGLISH_HEADERS, False))
    return st.checkbox(
        _("Keep English column headers (for analysts)"),
        key=box,
        on_change=lambda: st.session_state.update({ENGLISH_HEADERS: st.session_state[box]}),
        help=_("The downloaded file's column names in English, for scripts and shared spreadsheets."),
    )


def no_data(message: str) -> None:
    st.info(message, icon="📂")
    st.page_link("pages/data.py", label=_("Go to the Data page"), icon=":material/upload_file:")


def today() -> date:
    return date.today()


# Static CSS only: no uploaded text ever goes into this HTML.
# KPI tiles: a row of tiles becomes two per row (three for rows of five or more) when its width
# runs short, and the number is sized to its tile (container query units), so no number is ever
# cut to "2...." at any width. Below 640 px Streamlit stacks the tiles one per row itself.
PAGE_CSS = """
<style>
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
  container-type: inline-size; flex-wrap: wrap;
}
@container (max-width: 40rem) {
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:has([data-testid="stMetric"]) {
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important;
  }
}
@container (min-width: 40rem) and (max-width: 64rem) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]:nth-child(5))
    > [data-testid="stColumn"]:has([data-testid="stMetric"]) {
    flex: 1 1 calc(33% - 1rem) !important; min-width: calc(33% - 1rem) !important;
  }
}
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: clamp(1.25rem, 20cqi, 2.25rem); }
[data-testid="stMetricValue"] > div, [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] {
  overflow: visible; text-overflow: clip;
}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { white-space: normal; }
</style>
"""  # i18n: CSS

PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 4.5rem 3rem 3rem !important; }
[data-testid="stHeader"] [data-testid="stTopNavLink"] p { font-size: 1.1rem !important; }
[data-testid="stMain"] h1 { font-size: 3.2rem !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2.1rem !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 1.3rem !important; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.1rem !important; }
[data-testid="stMain"] [data-baseweb="tab"] p { font-size: 1.2rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"] { font-size: clamp(1.5rem, 22cqi, 3.4rem) !important; line-height: 1.15; }
[data-testid="stMain"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: inherit !important; }
[data-testid="stMain"] [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p { font-size: 1.15rem !important; }
[data-testid="stMain"] .st-key-ui_presentation_period [data-testid="stMarkdownContainer"] p {
  font-size: 2.4rem !important; font-weight: 600; line-height: 1.25;
}
[data-testid="stMain"] .st-key-ui_presentation_period [data-testid="stCaptionContainer"] p { font-size: 1.25rem !important; }
[data-testid="stMain"] .st-key-ui_presentation_exit [data-testid="stMarkdownContainer"] p { font-size: 1rem !important; }
[data-testid="stDownloadButton"], [data-testid="stFileUploader"], [data-testid="stSelectbox"],
[data-testid="stMultiSelect"], [data-testid="stTextInput"], [data-testid="stDateInput"],
[data-testid="stNumberInput"], [data-testid="stColorPicker"], [data-testid="stCheckbox"],
[data-testid="stRadio"], [data-testid="stSlider"], [data-testid="stButton"], [data-testid="stPageLink"],
[data-testid="stExpander"] { display: none !important; }
.st-key-ui_presentation_exit [data-testid="stButton"] { display: block !important; text-align: right; }
</style>
"""  # i18n: CSS


def page_style() -> None:
    """The app's own CSS, on every page (KPI tiles that never cut their numbers)."""
    st.html(PAGE_CSS)


def presenting() -> bool:
    """Whether presentation mode is on (read before the navigation is built: it moves to the top)."""
    return bool(st.session_state.get("ui_presentation"))


def presentation_mode(period: Period | None) -> None:
    """A sidebar switch for screen shares: the sidebar and controls hide, the page's text grows.

    The page navigation moves to the top bar (app.py), so the marketer changes page without leaving
    the mode, and the period every number covers stays on screen in large type. The page's own
    content (charts, tables, the what-if planner's table) stays; an "Exit" button next to the
    period turns the mode off again, since the switch itself is hidden with the sidebar.
    """
    st.sidebar.toggle(
        _("Presentation mode"),
        key="ui_presentation",
        help=_(
            "For a screen share: hides the sidebar and the controls, moves the pages to the top "
            "and enlarges text, numbers and the period. An “Exit presentation mode” button brings them back."
        ),
    )
    if not presenting():
        return
    st.html(PRESENTATION_CSS)
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left.container(key="ui_presentation_period"):
        if period is None:
            st.markdown(_("No data loaded yet"))
        else:
            st.markdown(
                _("{start} – {end}").format(start=wording.day(period.start), end=wording.day(period.end))
            )
            days = overview.days_count(period.days)
            compared = period.compared_with()
            st.caption(
                # Translators: {name} is "October 2026", {days} "31 days", {compared} "September 2026 (1 Sep – 30 Sep 2026)"
                _("{name}, {days}; changes are against {compared}").format(
                    name=period.name[:1].upper() + period.name[1:], days=days, compared=compared
                )
                if period.name
                else _("{days}; changes are against {compared}").format(days=days, compared=compared)
            )
    right.button(
        _("Exit presentation mode"),
        key="ui_presentation_exit",
        icon=":material/close_fullscreen:",
        type="tertiary",
        on_click=lambda: st.session_state.update(ui_presentation=False),
    )


_LOCKS_GUARD = threading.Lock()


def run_lock(state: MutableMapping) -> threading.RLock:
    """The lock that lets one run of the script at a time use this browser session's workspace.

    Why: when the marketer clicks another page during a long computation, Streamlit starts the new
    run at once and only asks the old one to stop at its next Streamlit call; meanwhile the old one
    may still be inside a DuckDB query, and DuckDB refuses a second call on the same connection
    ("connection is busy"). With the lock the new run waits for the old one to stop.
    """
    with _LOCKS_GUARD:
        return state.setdefault("ui_run_lock", threading.RLock())


@contextmanager
def one_run_at_a_time() -> Iterator[None]:
    """Hold the session's lock for this run, saying so while an earlier run still holds it."""
    lock = run_lock(st.session_state)
    waiting = None
    if not lock.acquire(blocking=False):
        waiting = st.empty()
        waiting.caption(_("Finishing the previous step first…"))
        lock.acquire()
    try:
        if waiting is not None:
            waiting.empty()
        yield
    finally:
        lock.release()


# Shown with `_(PAGE_FAILED)`; {what} is one of the PAGE_FAILURES.
PAGE_FAILED = N_(
    "This page could not be drawn: {what}. Your files and choices are kept, and the other pages still "
    "work. Try another period in the sidebar or reload the page; if it happens again, send the details "
    "below to whoever runs CommunityLens for you."
)

STORE_REFUSED = N_("the data store refused one of its questions")
ANALYSIS_FAILED = N_("a step of its analysis failed on this data")


@contextmanager
def page_errors() -> Iterator[None]:
    """Every page's error boundary: an error becomes a sentence and an expander with the details (for a
    bug report), never a bare traceback. Streamlit's own stop and rerun pass through (BaseException)."""
    try:
        yield
    except Exception as error:
        logging.getLogger("communitylens").exception("a page failed")
        what = STORE_REFUSED if isinstance(error, duckdb.Error) else ANALYSIS_FAILED
        st.error(_(PAGE_FAILED).format(what=_(what)), icon="⚠️")
        with st.expander(_("Details, for a bug report")):
            st.exception(error)


# Characters that make Markdown anywhere in a line in Streamlit: emphasis and strikethrough, links and
# images, code, HTML and autolinks, LaTeX, tables. A heading, list or quote needs the start of a line.
MARKDOWN_INLINE = "\\`*_[]<>$~|"


def markdown_escape(text: object) -> str:
    """Uploaded text (file names, handles, captions, comments, format names) shown as text, never as Markdown.

    Line breaks and tabs become spaces, so the text cannot start a line of its own; Markdown characters
    get a backslash (`#`, `-`, `+` and `1.` only at the start, `&` only where it spells an entity);
    an invisible word joiner after a colon and `www` and before an `@` keeps `:fire:`,
    `:material/home:`, `:red[...]`, `https://x.com`, `www.x.com` or `me@x.com` from becoming an emoji,
    an icon, a colour or a link. A plain sentence comes out unchanged.
    """
    flat = " ".join(str(text).split())
    escaped = "".join("\\" + char if char in MARKDOWN_INLINE else char for char in flat)
    escaped = re.sub(r"&(?=#?\w+;)", r"\\&", escaped)  # &lt; &#42;
    escaped = re.sub(r"^([#+-])", r"\\\1", escaped)  # a heading or a list
    escaped = re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)  # a numbered list
    escaped = re.sub(r":(?=\S)", ":\u2060", escaped)  # emoji, icons, colours, https:// links
    escaped = re.sub(r"(?i)(www)(?=\.)", "\\1\u2060", escaped)  # www. links
    return re.sub(r"(?<=[\w.+-])@", "\u2060@", escaped)  # e-mail addresses


def format_choices() -> tuple[dict, dict]:
    """The format rules and hand-set formats in force, so every page agrees with the Interaction formats page.

    The session's own edits first (the formats page keeps them in `formats_preferences`),
    else what is remembered for this client (`memory()`; the demo brand starts from the defaults).
    """
    from analytics import preferences
    from analytics.formats import DEFAULT_RULES

    state = st.session_state.get("formats_preferences")
    if state is not None and state["workspace"] is workspace():
        return state["rules"], state["overrides"]
    remembered = memory()
    return (
        preferences.load_format_rules(memory=remembered) or DEFAULT_RULES,
        preferences.load_format_overrides(memory=remembered),
    )


def format_series() -> dict[str, str]:
    """The series rules in force ("#phintips" -> "Tutorial"), as `format_choices` gives the rules and fixes:
    the session's own edits first, else what is remembered for this client."""
    from analytics import preferences

    state = st.session_state.get("formats_preferences")
    if state is not None and state["workspace"] is workspace():
        return state["series"]
    return preferences.load_series_rules(memory=memory())


def use_all_data() -> None:
    """A button callback: switch the sidebar period to all the data."""
    st.session_state.period_preset = "All data"  # i18n: a stored period code (shown translated)


def chosen_brand_hashtags() -> tuple[list[str] | None, str | None]:
    """The brand's own hashtags as typed on the Interaction formats page, else saved (None: neither), and
    the brand's handle, which the analytics guess them from when none is chosen."""
    from analytics import preferences

    handles = workspace().detected_brand_handles()
    handle = handles[0] if handles else None
    typed = st.session_state.get("formats_brand_hashtags")
    if typed is not None:
        return preferences.parse_hashtags(typed), handle
    return preferences.load_brand_hashtags(handle, memory=memory()) or None, handle


def brand_hashtags(videos: pd.DataFrame) -> list[str]:
    """The brand's own hashtags: as typed on the Interaction formats page, else saved, else guessed from the handle."""
    from analytics import communities

    chosen, handle = chosen_brand_hashtags()
    return chosen if chosen is not None else communities.likely_brand_hashtags(videos, handle)


def sentiment_edits() -> dict:
    """This workspace's label corrections and brand lexicon, shared by every page.

    Loaded from this client's memory once per workspace; `save_sentiment_edits()` writes them back
    after a change.
    """
    from analytics import preferences

    edits = st.session_state.get("sentiment_edits")
    if edits is None or edits["workspace"] is not workspace():
        stored = preferences.load_sentiment_edits(memory=memory())
        edits = {"workspace": workspace(), **stored, "version": 0}
        st.session_state.sentiment_edits = edits
    return edits


def save_sentiment_edits() -> None:
    from analytics import preferences

    edits = sentiment_edits()
    edits["version"] += 1
    preferences.save_sentiment_edits(edits["corrections"], edits["lexicon"], memory=memory())
