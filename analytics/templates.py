"""Templates for the data TikTok does not export: LIVE sessions and a per-video detail sheet.

A marketer downloads one, fills it in (Excel or Google Sheets), and uploads it back;
the header is what makes the app recognise it, whatever the file is called.
"""

from __future__ import annotations

import pandas as pd

from analytics.export import csv_bytes

EXAMPLE_MARK = "EXAMPLE"
EXAMPLE_HANDLE = "yourbrand"

LIVE_COLUMNS = [
    "start_time",
    "duration_minutes",
    "viewers",
    "peak_viewers",
    "comments",
    "likes",
    "shares",
    "gifts",
    "new_followers",
    "title",
]
LIVE_EXAMPLE = [
    "2026-06-03 20:00",
    "45",
    "1200",
    "310",
    "540",
    "8200",
    "35",
    "12",
    "48",
    f"{EXAMPLE_MARK} – replace this row: Q&A with our barista",
]

VIDEO_DETAIL_COLUMNS = [
    "Video link",
    "Format",
    "Duration (s)",
    "Avg. watch time (s)",
    "Completion rate",
    "Saves",
    "Reach",
    "New followers",
]
VIDEO_DETAIL_EXAMPLE = [
    f"https://www.tiktok.com/@{EXAMPLE_HANDLE}/video/7400000000000000000",
    "Tutorial",
    "34",
    "12.5",
    "38.5%",
    "120",
    "15000",
    "25",
]


def lives_template_csv() -> bytes:
    """The LIVE sessions template: one row per broadcast, start time in your local time."""
    return csv_bytes(pd.DataFrame([LIVE_EXAMPLE], columns=LIVE_COLUMNS))


def video_details_template_csv() -> bytes:
    """The video detail template: one row per video, the link copied from TikTok."""
    return csv_bytes(pd.DataFrame([VIDEO_DETAIL_EXAMPLE], columns=VIDEO_DETAIL_COLUMNS))
