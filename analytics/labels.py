"""Is each comment positive, neutral or negative? Labelled once, then read, never recomputed.

A comment's words do not change, so neither does its label: the first page that needs a comment's
sentiment labels it (`analytics.sentiment`, on distinct texts) and keeps the label beside the
comments, in the table `comment_labels` of the connection the pages read. For a client kept in
the store that is the client's own schema in the lake, so every later session, the deck and the
command line read the labels instead of labelling a million comments again; for the demo or a
session's own uploads it is the session's private database, gone with the session.

- A label is the method's, without the marketer's edits: hand corrections are applied on top when
  read (cheap), and a brand lexicon re-labels only the comments that contain one of its words
  (with or without accents), in memory, for the session that asks.
- Each label is kept with a hash of the text it was computed from: a comment whose text changed
  in a newer export is labelled again. Labels of comments that are gone (an import removed) are
  dropped when the client's tables are merged again (`forget_removed`), and whenever new labels
  are written.
- `texts_labelled` counts the texts the method scored in this process: what tests watch.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, MutableMapping
from typing import Any

import duckdb
import pandas as pd

from analytics import db, sentiment

TABLE = "comment_labels"
COLUMNS = (
    "comment_id varchar, text_hash ubigint, label varchar, score double, language varchar, method varchar"
)
LABEL_COLUMNS = ["label", "score", "language", "method"]
CHUNK_TEXTS = 50_000  # distinct texts labelled and stored together
# The text a label was computed from, as DuckDB hashes it (a change of text means a new label).
_TEXT_HASH = "hash(coalesce(c.text, ''))"
# Comparison form for a brand word: lower case, no accents, đ as d, the typographic apostrophe as '.
_FOLD = "replace(strip_accents(lower(replace(nfc_normalize({}), '’', ''''))), 'đ', 'd')"

texts_labelled = 0


def _ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create table if not exists {TABLE} ({COLUMNS})")


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        con.execute(f"select 1 from {TABLE} limit 0")
    except duckdb.CatalogException:
        return False
    return True


def _score(texts: pd.Series, lexicon_additions: dict[str, float] | None = None) -> pd.DataFrame:
    global texts_labelled
    texts_labelled += int(texts.fillna("").nunique())
    return sentiment.label_comments(texts, lexicon_additions=lexicon_additions)


def _where(member_id: str | None) -> tuple[str, list[Any]]:
    return ("where c.member_id = ?", [member_id]) if member_id is not None else ("", [])


def label_missing(
    con: duckdb.DuckDBPyConnection,
    *,
    member_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Label the comments (of one member, or all) that have no stored label yet, and store them.

    Distinct texts are labelled `CHUNK_TEXTS` at a time, each batch stored in one transaction (its
    labels replace older ones of the same comments; labels of comments that are gone are dropped),
    so a page left half-way keeps what was done. `progress(done, total)` is told after each batch.
    Returns the labels that could not be stored (the store busy or read-only): the caller uses them
    this time, and they are computed again next time.
    """
    if not _has_table(con):
        _store_table(con)
    where, params = _where(member_id)
    missing = con.execute(
        f"""
        select c.comment_id, c.text, {_TEXT_HASH} as text_hash
        from comments c
        left join {TABLE} l on l.comment_id = c.comment_id and l.text_hash = {_TEXT_HASH}
        {where} {"and" if where else "where"} l.comment_id is null and c.comment_id is not null
        """,
        params,
    ).df()
    unstored = []
    missing = missing.drop_duplicates("comment_id")
    codes, distinct = pd.factorize(missing["text"].fillna(""))
    if progress and len(distinct):
        progress(0, len(distinct))
    for first in range(0, len(distinct), CHUNK_TEXTS):
        part = missing[(codes >= first) & (codes < first + CHUNK_TEXTS)]
        labelled = pd.concat([part[["comment_id", "text_hash"]], _score(part["text"])], axis=1)
        labelled = labelled[["comment_id", "text_hash", *LABEL_COLUMNS]]
        if not _write(con, labelled, forget_gone=first == 0):
            unstored.append(labelled)
        if progress:
            progress(min(first + CHUNK_TEXTS, len(distinct)), len(distinct))
    return pd.concat(unstored, ignore_index=True) if unstored else pd.DataFrame(columns=["comment_id"])


def _write(con: duckdb.DuckDBPyConnection, labelled: pd.DataFrame, *, forget_gone: bool) -> bool:
    """Store `labelled` in one transaction; whether it was stored."""
    from analytics.store import lake

    def write() -> None:
        con.execute("begin")
        try:
            con.register("new_labels", labelled)
            con.execute(f"delete from {TABLE} where comment_id in (select comment_id from new_labels)")
            if forget_gone:
                _delete_orphans(con, TABLE, "comments")
            con.execute(f"insert into {TABLE} select * from new_labels")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        finally:
            con.unregister("new_labels")

    try:
        lake.retrying(write)
    except duckdb.Error:
        return False  # read-only, busy, or a client made before labels were kept that cannot get the table
    return True


def _store_table(con: duckdb.DuckDBPyConnection) -> None:
    from analytics.store import lake

    try:
        lake.retrying(lambda: _ensure_table(con))
    except duckdb.Error:
        pass


def _delete_orphans(con: duckdb.DuckDBPyConnection, labels: str, comments: str) -> None:
    con.execute(
        f"delete from {labels} where not exists "
        f"(select 1 from {comments} c where c.comment_id = {labels}.comment_id)"
    )


def forget_removed(cur: duckdb.DuckDBPyConnection, schema: str) -> None:
    """Inside a change's transaction: drop the labels of the comments `schema`'s merged table no longer has.

    `schema` is the client's qualified schema name (checked by `store.schema_of`, never input)."""
    database, _, name = schema.partition(".")
    # Looked up, not tried: a failed statement would spoil the change's transaction.
    if not db.scalar(
        cur,
        "select count(*) from duckdb_tables() where database_name = ? and schema_name = ? and table_name = ?",
        [database, name, TABLE],
    ):
        return  # a client made before labels were kept: nothing to forget
    _delete_orphans(cur, f"{schema}.{TABLE}", f"{schema}.comments")


def comments_with_labels(
    con: duckdb.DuckDBPyConnection,
    columns: list[str],
    *,
    member_id: str | None = None,
    lexicon_additions: dict[str, float] | None = None,
    memo: MutableMapping[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """The comments (`columns`), each with its label, score, language and method.

    Comments without a stored label are labelled first (`label_missing`); with a brand lexicon, the
    comments it can change are read as it says (`lexicon_labels`); a comment with no id, which
    cannot be stored, is labelled here each time.
    """
    unstored = label_missing(con, member_id=member_id, progress=progress)
    where, params = _where(member_id)
    selected = ", ".join(f"c.{column}" for column in columns)
    relabelled = lexicon_labels(con, lexicon_additions or {}, memo=memo)
    stored = _has_table(con)
    picked = ", ".join(
        f"coalesce(x.{column}, l.{column}) as {column}" if stored else f"x.{column}"
        for column in LABEL_COLUMNS
    )
    con.register("lexicon_labels", relabelled)
    try:
        frame = (
            con.execute(
                f"""
            select {selected}, {picked}
            from comments c
            {f"left join {TABLE} l on l.comment_id = c.comment_id and l.text_hash = {_TEXT_HASH}" if stored else ""}
            left join lexicon_labels x on x.text = c.text
            {where}
            order by c.comment_id
            """,
                params,
            )
            .to_arrow_table()
            .to_pandas()
        )  # Arrow's strings: seconds faster than `.df()` on a million rows
    finally:
        con.unregister("lexicon_labels")
    unlabelled = frame["label"].isna()
    if unlabelled.any() and len(unstored):  # labelled just now, but the store would not keep them
        kept = unstored.set_index("comment_id")
        for column in LABEL_COLUMNS:
            frame.loc[unlabelled, column] = frame.loc[unlabelled, "comment_id"].map(kept[column]).to_numpy()
        unlabelled = frame["label"].isna()
    if unlabelled.any():  # comments without an id: never stored
        frame.loc[unlabelled, LABEL_COLUMNS] = _score(frame.loc[unlabelled, "text"]).to_numpy()
    return frame.astype({"score": float})


def _folded_key(key: str) -> str:
    """A brand word as `_FOLD` writes texts: the scorer's own form (NFC, lower case), without accents."""
    key = unicodedata.normalize("NFC", key.strip().lower()).replace("’", "'")
    if sentiment._EMOJI.fullmatch(key[:1] or "x") and len(key) <= 2:
        return key[0]  # an emoji counts on its own, whatever selector follows it
    return key


def lexicon_labels(
    con: duckdb.DuckDBPyConnection,
    lexicon_additions: dict[str, float],
    *,
    memo: MutableMapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The comment texts a brand lexicon can change, labelled with it: text, label, score, language, method.

    A word, phrase or emoji can only change the label of a comment that contains it, so only those
    (compared without case or accents: "deja" also finds "déjà") are scored again, with the lexicon.
    `memo`: a dict of the session's, so the same lexicon on the same comments is scored once.
    """
    empty = pd.DataFrame({column: pd.Series(dtype=object) for column in ["text", *LABEL_COLUMNS]})
    keys = sorted({_folded_key(key) for key in lexicon_additions if key.strip()})
    if not keys:
        return empty.astype({"score": float})
    lexicon = tuple(sorted(lexicon_additions.items()))
    memo_key = (lexicon, _fingerprint(con))
    if memo is not None and memo.get("key") == memo_key:
        return memo["labels"]
    folded = [db.scalar(con, f"select {_FOLD.format('?')}", [key]) for key in keys]
    contains = " or ".join([f"contains({_FOLD.format('c.text')}, ?)"] * len(folded))
    affected = con.execute(
        f"select distinct c.text from comments c where c.text is not null and ({contains})", folded
    ).df()
    relabelled = (
        pd.concat([affected[["text"]], _score(affected["text"], dict(lexicon))], axis=1)
        if len(affected)
        else empty.astype({"score": float})
    )
    if memo is not None:
        memo.clear()
        memo.update(key=memo_key, labels=relabelled)
    return relabelled


def _fingerprint(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Every comment's id and text in two numbers: they change when the comments do."""
    return db.one(con, "select count(*), bit_xor(hash(comment_id, text)) from comments")
