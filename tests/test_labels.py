"""Each comment's sentiment, labelled once and kept with the client (analytics/labels.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from analytics import labels, segments
from analytics.sentiment import label_comments
from analytics.store import open_store
from tests.test_comment_layouts import apify_csv, community

TODAY = date(2026, 11, 22)


def stored_count(ws) -> int:
    return ws.con.execute("select count(*) from comment_labels").fetchone()[0]


def test_a_clients_labels_are_computed_once_kept_in_its_schema_and_read_by_the_next_session(store):
    comments = community()
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("comments.csv", apify_csv(comments))])
    assert stored_count(ws) == 0  # importing labels nothing: the pages label on first need

    before = labels.texts_labelled
    first = segments.comment_sentiment(ws.con)
    assert labels.texts_labelled - before == comments["text"].nunique()
    assert stored_count(ws) == len(comments)
    # The same labels as the method gives, comment by comment.
    expected = label_comments(first.set_index("comment_id")["text"])
    assert first.set_index("comment_id")["label"].to_dict() == expected["label"].to_dict()

    # Another session (a new store, as after a restart) reads them: nothing is labelled again.
    again = open_store().open(client, today=TODAY)
    labelled = labels.texts_labelled
    second = segments.comment_sentiment(again.con)
    assert labels.texts_labelled == labelled
    pd.testing.assert_frame_equal(
        first.sort_values("comment_id", ignore_index=True),
        second.sort_values("comment_id", ignore_index=True),
    )


def test_a_correction_and_a_brand_word_still_change_the_kept_labels_and_only_where_the_word_is(store):
    comments = community()
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("comments.csv", apify_csv(comments))])
    plain = segments.comment_sentiment(ws.con).set_index("comment_id")
    one = plain.index[0]
    wrong = next(label for label in ("positive", "negative") if label != plain.loc[one, "label"])
    corrected = segments.comment_sentiment(ws.con, corrections={one: wrong}).set_index("comment_id")
    assert corrected.loc[one, "label"] == wrong and corrected.loc[one, "method"] == "correction"

    # A brand word re-labels the comments containing it (with or without accents), as labelling every
    # comment with the lexicon would.
    word = plain["text"].str.split().explode().value_counts().index[0].lower()
    lexicon = {word: -4.0}
    memo: dict = {}
    labelled = labels.texts_labelled
    with_word = segments.comment_sentiment(ws.con, lexicon_additions=lexicon, memo=memo).set_index(
        "comment_id"
    )
    contains = plain["text"].str.lower().str.contains(word, regex=False)
    assert labels.texts_labelled - labelled == plain.loc[contains, "text"].nunique()
    everything = label_comments(plain["text"], lexicon_additions=lexicon)
    assert with_word["label"].sort_index().to_dict() == everything["label"].sort_index().to_dict()
    assert (with_word.loc[contains, "label"] != plain.loc[contains, "label"]).any()
    assert with_word.loc[~contains, "label"].equals(plain.loc[~contains, "label"])
    # The kept labels stay the method's own; the same lexicon again is not scored again.
    kept = segments.comment_sentiment(ws.con).set_index("comment_id")["label"]
    assert kept.sort_index().equals(plain["label"].sort_index())
    labelled = labels.texts_labelled
    segments.comment_sentiment(ws.con, lexicon_additions=lexicon, memo=memo)
    assert labels.texts_labelled == labelled


def test_a_brand_word_finds_the_comments_that_write_it_with_or_without_accents():
    from analytics import db

    con = db.connect()
    texts = ["C'est déjà fini", "deja vu", "DÉJÀ!", "rien à voir", "Đỉnh quá", "dinh qua", None]
    frame = pd.DataFrame({"comment_id": [str(i) for i in range(len(texts))], "text": texts})
    con.register("incoming", frame)
    con.execute("insert into comments (comment_id, text) select comment_id, text from incoming")
    for word in ("déjà", "deja", "đỉnh"):
        lexicon = {word: 3.0}
        found = labels.lexicon_labels(con, lexicon)
        everything = label_comments(frame["text"], lexicon_additions=lexicon)
        plain = label_comments(frame["text"])
        changed = set(frame.loc[everything["label"] != plain["label"], "text"])
        assert changed <= set(found["text"]), word


def test_removing_an_import_forgets_the_labels_of_its_comments(store):
    comments = community()
    july = comments[comments["at"] < "2026-08-01"]
    august = comments[comments["at"] >= "2026-08-01"]
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("july.csv", apify_csv(july))])
    ws.add_files([("august.csv", apify_csv(august))])
    segments.comment_sentiment(ws.con)
    assert stored_count(ws) == len(comments)
    [august_import] = ws.imports().loc[lambda i: i["files"] == "august.csv", "import_id"]
    ws.remove_import(august_import)
    kept = set(ws.con.execute("select comment_id from comment_labels").fetchdf()["comment_id"])
    assert kept == set(july["cid"])
    # Deleting the client drops its labels with its schema.
    store.delete_client(client)
    assert client not in store.names()


def test_the_first_labelling_is_stored_batch_by_batch_and_says_how_far_it_is(store, monkeypatch):
    comments = community()
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("comments.csv", apify_csv(comments))])
    monkeypatch.setattr(labels, "CHUNK_TEXTS", 40)
    told: list[tuple[int, int]] = []
    before = labels.texts_labelled
    segments.comment_sentiment(ws.con, progress=lambda done, total: told.append((done, total)))
    distinct = comments["text"].nunique()
    assert labels.texts_labelled - before == distinct  # each text once, whatever the batches
    assert told[0] == (0, distinct) and told[-1] == (distinct, distinct)
    assert len(told) == 1 + -(-distinct // 40)
    assert stored_count(ws) == len(comments)


def test_a_client_made_before_labels_were_kept_gets_its_label_table_on_first_need(store):
    comments = community()
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("july.csv", apify_csv(comments[comments["at"] < "2026-08-01"]))])
    ws.con.execute(f"drop table {labels.TABLE}")  # as a client stored by an older version has none
    ws.add_files([("august.csv", apify_csv(comments[comments["at"] >= "2026-08-01"]))])  # merges without it
    segments.comment_sentiment(ws.con)
    assert stored_count(ws) == len(comments)
