"""The DuckDB helpers: a query that must return one row says which query came back empty."""

from __future__ import annotations

import pytest

from analytics import db


def test_one_and_scalar_read_the_single_row_of_an_aggregate():
    con = db.connect()
    assert db.one(con, "select count(*), min(video_id) from videos") == (0, None)
    assert db.scalar(con, "select $n + 1", {"n": 41}) == 42


def test_a_query_that_returns_no_row_is_named_in_the_error_not_a_none_subscript():
    con = db.connect()
    with pytest.raises(LookupError, match="select video_id from videos"):
        db.one(con, "select video_id   from videos")
