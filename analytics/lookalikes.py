"""Which of the videos the marketer tagged does this caption look most like?

Once a marketer has tagged a few videos by hand (or by a series rule), the brand's other videos that
read like one of them take its format: "like 'Tuto phin glacé' that you tagged Tutorial". Brands
repeat themselves (the same series words, hashtags, product names, the same way of opening a
caption), and a look-alike catches what the caption rules cannot know.

How alike two captions are, in words a reader can check:

- Each caption is cut into its words, its hashtags and the pieces of 3 to 5 letters of each word
  (so "tutoral" still shares most pieces with "tutorial", and "#PhinTips" with "phin tips"). Case
  and accents are folded: Vietnamese typed without accents reads the same.
- A piece counts more when the caption repeats it (1 + log of its count) and much more when few of
  the brand's own captions have it (inverse document frequency, over all the brand's videos): the
  brand's hashtag on every video or "the" counts little, a series name on four videos a lot.
- Similarity is the cosine of the two weighted lists (0: nothing shared, 1: the same caption).
- A look-alike is taken at `THRESHOLD` or more. The threshold was measured on tests/data/format_captions.csv
  (bench/eval_lookalikes.py; see the README's Development section): hand-written captions of many
  brands, so with far fewer repeats than one brand's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from analytics.captions import _word

THRESHOLD = 0.4
HASHTAG_WEIGHT = 2.0  # a hashtag names a series more surely than a word
PIECES = (3, 4, 5)  # letters per word piece
GROUPED = 300  # captions compared with each other for groups: the page offers a few groups only
COMMON = 25  # a piece on more captions than this is multiplied densely (only a matter of speed)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("đ", "d")


_TOKEN = re.compile(r"#?[^\W_]+", re.UNICODE)


def hashtags_of(caption: object) -> list[str]:
    """The distinct hashtags of a caption, lower-case with '#', in order (as `analytics.hashtags` lists them)."""
    if not isinstance(caption, str):
        return []
    found = re.findall(f"#({_word()}+)", unicodedata.normalize("NFC", caption))
    return list(dict.fromkeys("#" + tag.lower() for tag in found if not tag.isdigit()))


def pieces(caption: object) -> Counter[str]:
    """The caption's words (w:), hashtags (#) and word pieces (p:), with how often each appears."""
    return Counter(dict(_pieces(caption))) if isinstance(caption, str) else Counter()


@lru_cache(maxsize=100_000)  # every page asks again for the same captions
def _pieces(caption: str) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for token in _TOKEN.findall(_fold(caption)):
        word = token.lstrip("#")
        if word.isdigit():
            continue
        counts["#" + word if token.startswith("#") else "w:" + word] += 1
        padded = f" {word} "
        for size in PIECES:
            counts.update("p:" + padded[i : i + size] for i in range(len(padded) - size + 1))
    return tuple(counts.items())


def weights(captions: Sequence[object]) -> pd.DataFrame:
    """TF-IDF of each caption's pieces: columns doc (position in `captions`), piece, weight (each doc's weights
    have length 1), documents (how many captions have the piece). Kept for the next call with the same captions."""
    return _weights(tuple(caption if isinstance(caption, str) else "" for caption in captions))


@lru_cache(maxsize=8)
def _weights(captions: tuple[str, ...]) -> pd.DataFrame:
    found = [_pieces(caption) for caption in captions]
    frame = pd.DataFrame(
        {
            "doc": np.repeat(np.arange(len(found)), [len(items) for items in found]),
            "piece": [piece for items in found for piece, _ in items],
            "count": np.array([count for items in found for _, count in items], dtype=float),
        }
    )
    if frame.empty:
        return frame.rename(columns={"count": "weight"})
    documents = frame.groupby("piece")["doc"].transform("size").to_numpy(float)
    idf = np.log((1 + len(captions)) / (1 + documents)) + 1
    boost = np.where(frame["piece"].str.startswith("#"), HASHTAG_WEIGHT, 1.0)
    weight = (1 + np.log(frame["count"].to_numpy())) * idf * boost
    norm = np.sqrt(pd.Series(weight * weight).groupby(frame["doc"].to_numpy()).transform("sum").to_numpy())
    return frame.assign(weight=weight / norm, documents=documents).drop(columns="count")


def similarity_matrix(vectors: pd.DataFrame, asked: Sequence[int], against: Sequence[int]) -> np.ndarray:
    """Cosine similarity of each `asked` doc (rows) with each `against` doc (columns), of `weights()`.

    Pieces on many captions are multiplied as dense matrices, the others joined piece by piece: the
    same sums, without a join of every common piece with every other caption.
    """
    rows = pd.Series(np.arange(len(asked)), index=list(asked))
    columns = pd.Series(np.arange(len(against)), index=list(against))
    left = vectors[vectors["doc"].isin(rows.index)]
    right = vectors[vectors["doc"].isin(columns.index)]
    result = np.zeros((len(asked), len(against)))
    common = left["documents"] > COMMON
    shared = pd.Index(left.loc[common, "piece"].unique())
    if len(shared):
        dense_left = np.zeros((len(asked), len(shared)), dtype=np.float32)
        dense_right = np.zeros((len(against), len(shared)), dtype=np.float32)
        on_left = left[common]
        dense_left[rows[on_left["doc"]].to_numpy(), shared.get_indexer(on_left["piece"])] = on_left["weight"]
        on_right = right[right["piece"].isin(shared)]
        dense_right[columns[on_right["doc"]].to_numpy(), shared.get_indexer(on_right["piece"])] = on_right[
            "weight"
        ]
        result += dense_left @ dense_right.T
    pairs = left[~common].merge(right, on="piece", suffixes=("_asked", "_against"))
    np.add.at(
        result,
        (rows[pairs["doc_asked"]].to_numpy(), columns[pairs["doc_against"]].to_numpy()),
        pairs["weight_asked"].to_numpy() * pairs["weight_against"].to_numpy(),
    )
    return result


def similarities(vectors: pd.DataFrame, asked: Sequence[int], against: Sequence[int]) -> pd.DataFrame:
    """Cosine similarity of each `asked` doc with each `against` doc that shares a piece with it:
    columns asked, against, similarity (pairs of a doc with itself left out)."""
    asked, against = list(asked), list(against)
    matrix = similarity_matrix(vectors, asked, against)
    row, column = np.nonzero(matrix > 1e-12)
    table = pd.DataFrame(
        {
            "asked": np.asarray(asked, dtype=int)[row],
            "against": np.asarray(against, dtype=int)[column],
            "similarity": matrix[row, column],
        }
    )
    return table[table["asked"] != table["against"]].reset_index(drop=True)


def nearest(captions: Sequence[object], asked: Sequence[int], tagged: Sequence[int]) -> pd.DataFrame:
    """For each `asked` caption (a position in `captions`), the most similar `tagged` one.

    Columns asked, against (the tagged caption's position), similarity; one row per asked caption
    that shares anything with a tagged one. Ties go to the tagged caption listed first. The weights
    are learnt from all of `captions` (the brand's own videos).
    """
    if not len(asked) or not len(tagged):
        return pd.DataFrame(columns=["asked", "against", "similarity"])
    table = similarities(weights(captions), asked, tagged)
    rank = {doc: index for index, doc in enumerate(tagged)}
    table = table.assign(rank=table["against"].map(rank))
    table = table.sort_values(["asked", "similarity", "rank"], ascending=[True, False, True])
    return table.drop_duplicates("asked")[["asked", "against", "similarity"]].reset_index(drop=True)


def groups(captions: Sequence[object], among: Sequence[int], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of 2 or more of the `among` captions that read alike (positions in `captions`).

    Taken in the order of `among` (the page gives the most viewed first), its first GROUPED only: each
    caption not yet in a group gathers the others at `threshold` or more from it, so every member of a
    group is like its first caption, and a caption is in one group at most.
    """
    among = list(among)[:GROUPED]
    if len(among) < 2:
        return []
    table = similarities(weights(captions), among, among)
    table = table[table["similarity"] >= threshold]
    alike: dict[int, set[int]] = {}
    for asked, against in zip(table["asked"], table["against"], strict=True):
        alike.setdefault(int(asked), set()).add(int(against))
    taken: set[int] = set()
    found = []
    for doc in among:
        if doc in taken:
            continue
        members = [doc, *(other for other in among if other in alike.get(doc, ()) and other not in taken)]
        if len(members) >= 2:
            found.append(members)
            taken.update(members)
    return found


def short(caption: object, limit: int = 40) -> str:
    """A caption shortened to quote it in a reason: its first `limit` characters on one line."""
    text = " ".join(str(caption).split()) if isinstance(caption, str) else ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
