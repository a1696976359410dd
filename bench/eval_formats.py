"""How often do the caption rules name the right interaction format on real-looking captions?

Reads tests/data/format_captions.csv (hand-written brand captions in six languages, each with its
true format, a difficulty and a note on the label), classifies every caption with the app's current
rules (analytics.captions.classify_caption with DEFAULT_RULES) and prints accuracy and macro-F1
overall, per language and per format, the confusion matrix (rows: true format, columns: predicted),
how many hard negatives for LIVE Q&A were wrongly called LIVE Q&A, and the first misclassified hard
captions. Run from the repository root: `python bench/eval_formats.py [path/to/set.csv] [how many mistakes to list]
[--markdown]` (tables as Markdown, for the README).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics.captions import CONFIDENCES, DEFAULT_RULES, FORMATS, classify  # noqa: E402

SET = ROOT / "tests" / "data" / "format_captions.csv"
LIVE = "LIVE Q&A"


def f1(true: pd.Series, predicted: pd.Series, label: str) -> float:
    """F1 of one format: how well the rules find it (recall) without claiming it wrongly (precision)."""
    tp = int(((true == label) & (predicted == label)).sum())
    fp = int(((true != label) & (predicted == label)).sum())
    fn = int(((true == label) & (predicted != label)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


def macro_f1(true: pd.Series, predicted: pd.Series) -> float:
    """Mean of each format's F1, over the formats present in `true` or `predicted`."""
    labels = sorted(set(true) | set(predicted))
    return sum(f1(true, predicted, label) for label in labels) / len(labels) if labels else float("nan")


def scores_by(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Count, accuracy and macro-F1 (over the formats seen in the group) for each value of `column`."""
    rows = []
    for value, group in frame.groupby(column, sort=True):
        rows.append(
            {
                column: value,
                "captions": len(group),
                "accuracy": round(float(group["right"].mean()), 3),
                "macro_f1": round(macro_f1(group["format"], group["predicted"]), 3),
                "hard_accuracy": round(float(group.loc[group["difficulty"] == "hard", "right"].mean()), 3),
            }
        )
    return pd.DataFrame(rows).set_index(column)


def markdown(table: pd.DataFrame) -> str:
    """A DataFrame as a Markdown table (for the README), index first."""
    header = [table.index.name or "", *map(str, table.columns)]

    def cell(value: object) -> str:
        return (
            str(int(value)) if isinstance(value, float) and value.is_integer() and value > 1 else str(value)
        )

    rows = [[str(index), *map(cell, row)] for index, row in table.iterrows()]
    lines = [header, ["---"] + ["---:"] * (len(header) - 1), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def main(path: Path = SET) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    unknown = sorted(set(frame["format"]) - set(FORMATS))
    if unknown:
        sys.exit(f"{path}: formats not in analytics.captions.FORMATS: {unknown}")
    verdicts = [classify(caption, DEFAULT_RULES) for caption in frame["caption"]]
    frame["predicted"] = [found.format for found in verdicts]
    frame["confidence"] = [found.confidence for found in verdicts]
    frame["reason"] = [found.reason for found in verdicts]
    frame["right"] = frame["predicted"] == frame["format"]

    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 90)
    print(f"{len(frame)} captions from {path.name}")
    print(
        f"Overall: accuracy {frame['right'].mean():.3f}, macro-F1 {macro_f1(frame['format'], frame['predicted']):.3f}"
    )
    for difficulty, group in frame.groupby("difficulty"):
        print(f"  {difficulty}: {len(group)} captions, accuracy {group['right'].mean():.3f}")

    print("\nPer confidence (a 'sure' should nearly always be right; 'guess' is for the marketer to check)")
    for level in CONFIDENCES:
        group = frame[frame["confidence"] == level]
        if len(group):
            print(f"  {level}: {len(group)} captions, accuracy {group['right'].mean():.3f}")

    print("\nPer language")
    show = markdown if MARKDOWN else pd.DataFrame.to_string
    print(show(scores_by(frame, "language")))
    order = [name for name in FORMATS if name in set(frame["format"]) | set(frame["predicted"])]
    print("\nPer format (accuracy = share of that format's captions found; f1 also counts wrong claims)")
    per_format = (
        scores_by(frame, "format")
        .drop(columns="macro_f1")
        .reindex([n for n in order if n in set(frame["format"])])
    )
    per_format["f1"] = [round(f1(frame["format"], frame["predicted"], name), 3) for name in per_format.index]
    print(show(per_format))

    print("\nConfusion matrix (rows: true format, columns: predicted)")
    matrix = pd.crosstab(frame["format"], frame["predicted"]).reindex(
        index=order, columns=order, fill_value=0
    )
    print(show(matrix))

    negatives = frame[
        (frame["difficulty"] == "hard")
        & (frame["format"] != LIVE)
        & frame["note"].str.contains(r"not a (?:TikTok )?LIVE", regex=True)
    ]
    false_live = negatives[negatives["predicted"] == LIVE]
    print(
        f"\nHard negatives for {LIVE} (captions whose note says a LIVE-like word is not a LIVE): "
        f"{len(false_live)} of {len(negatives)} wrongly called {LIVE}"
        + (f" ({len(false_live) / len(negatives):.0%})" if len(negatives) else "")
    )

    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    wrong = frame[(frame["difficulty"] == "hard") & ~frame["right"]].head(shown)
    print(f"\nFirst {shown} misclassified hard captions")
    for row in wrong.itertuples():
        print(
            f"- [{row.language}] {row.caption!r}\n    true {row.format}, predicted {row.predicted} ({row.reason})"
        )


MARKDOWN = "--markdown" in sys.argv  # tables as Markdown, for the README
if MARKDOWN:
    sys.argv.remove("--markdown")

if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SET)
