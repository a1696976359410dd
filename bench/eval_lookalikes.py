"""How often is a nearest look-alike right, and from which similarity should the app take it?

Simulates a marketer per language of tests/data/format_captions.csv (one brand writes in one
language): 2 captions per format are "tagged by hand" (drawn at random, `ROUNDS` draws), and each
other caption the caption rules are unsure of (a guess or likely) takes the format of its nearest
tagged caption (analytics.lookalikes, weights learnt on that language's captions). For each
threshold: how many unsure captions take a look-alike (coverage), how often its format is right
(precision), and the accuracy on the unsure captions with look-alikes at that threshold against
the rules alone. Run from the repository root: `python bench/eval_lookalikes.py [rounds]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics import lookalikes  # noqa: E402
from analytics.captions import classify  # noqa: E402

SET = ROOT / "tests" / "data" / "format_captions.csv"
THRESHOLDS = [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
PER_FORMAT = 2


def simulate(frame: pd.DataFrame, rounds: int, seed: int = 0) -> pd.DataFrame:
    """One row per (round, unsure caption): language, truth, rules' format, look-alike format, similarity."""
    rng = np.random.default_rng(seed)
    found = [classify(caption) for caption in frame["caption"]]
    frame = frame.assign(
        rules=[f.format for f in found], confidence=[f.confidence for f in found]
    ).reset_index(drop=True)
    rows = []
    for language, group in frame.groupby("language"):
        captions = group["caption"].tolist()
        positions = np.arange(len(group))
        vectors = lookalikes.weights(captions)
        for round_ in range(rounds):
            tagged = [
                int(i)
                for _, same in group.assign(at=positions).groupby("format")
                for i in rng.choice(same["at"].to_numpy(), min(PER_FORMAT, len(same)), replace=False)
            ]
            asked = [int(i) for i in positions if i not in tagged and group["confidence"].iloc[i] != "sure"]
            table = lookalikes.similarities(vectors, asked, tagged)
            best = table.sort_values(["asked", "similarity"], ascending=[True, False]).drop_duplicates(
                "asked"
            )
            nearest = dict(
                zip(best["asked"], zip(best["against"], best["similarity"], strict=True), strict=True)
            )
            for i in asked:
                against, similarity = nearest.get(i, (None, 0.0))
                rows.append(
                    {
                        "round": round_,
                        "language": language,
                        "truth": group["format"].iloc[i],
                        "rules": group["rules"].iloc[i],
                        "lookalike": group["format"].iloc[against] if against is not None else None,
                        "similarity": similarity,
                    }
                )
    return pd.DataFrame(rows)


def by_threshold(runs: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for threshold in THRESHOLDS:
        taken = runs["similarity"] >= threshold
        taken &= runs["lookalike"].notna()
        final = runs["lookalike"].where(taken, runs["rules"])
        rows.append(
            {
                "threshold": threshold,
                "coverage": round(float(taken.mean()), 3),
                "precision": round(float((runs["lookalike"] == runs["truth"])[taken].mean()), 3),
                "rules_right_where_taken": round(float((runs["rules"] == runs["truth"])[taken].mean()), 3),
                "accuracy_rules_alone": round(float((runs["rules"] == runs["truth"]).mean()), 3),
                "accuracy_with_lookalikes": round(float((final == runs["truth"]).mean()), 3),
            }
        )
    return pd.DataFrame(rows).set_index("threshold")


def pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Every pair of captions of one language: how often a pair at or above each threshold shares its format."""
    rows = []
    for _, group in frame.groupby("language"):
        captions = group["caption"].tolist()
        table = lookalikes.similarities(
            lookalikes.weights(captions), range(len(captions)), range(len(captions))
        )
        table = table[table["asked"] < table["against"]]
        truth = group["format"].to_numpy()
        rows.append(table.assign(same=truth[table["asked"]] == truth[table["against"]]))
    table = pd.concat(rows)
    return pd.DataFrame(
        [
            {
                "threshold": threshold,
                "pairs": int((table["similarity"] >= threshold).sum()),
                "same_format": round(float(table.loc[table["similarity"] >= threshold, "same"].mean()), 3),
            }
            for threshold in THRESHOLDS
        ]
    ).set_index("threshold")


def main(rounds: int = 20) -> None:
    frame = pd.read_csv(SET, dtype=str, keep_default_na=False)
    runs = simulate(frame, rounds)
    print(
        f"{len(frame)} captions; per language, {PER_FORMAT} tagged per format, {rounds} draws; "
        f"{len(runs) // rounds} unsure captions asked per draw"
    )
    pd.set_option("display.width", 200)
    print(by_threshold(runs).to_string())
    print("\nEvery pair of captions of one language, at or above each similarity:")
    print(pairs(frame).to_string())
    at = runs[runs["similarity"] >= lookalikes.THRESHOLD]
    print(f"\nAt the app's threshold {lookalikes.THRESHOLD}, per language:")
    print(
        at.assign(right=at["lookalike"] == at["truth"])
        .groupby("language")["right"]
        .agg(["size", "mean"])
        .rename(columns={"size": "taken", "mean": "precision"})
        .round(3)
        .to_string()
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
