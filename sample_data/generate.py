"""Write the Phin & Co. demo brand: fictional TikTok exports in the real byte formats.

Run `python sample_data/generate.py`: it rewrites every data file beside this script. All
randomness comes from `random.Random(42)` and `numpy.random.default_rng(42)` and no clock
is read (zip entries carry a fixed timestamp), so a re-run reproduces the same bytes.

Modules: story.py (calendar, formats, videos), community.py (members and comments),
texts.py (every word), and this file (daily series and the file writers). Why one run builds
everything: the files must agree with each other the way real
exports do. Each video's views, likes and shares are spread over the days after posting
(the same decay curve feeds Content.csv's lifetime totals and Overview.csv's daily rows),
and every scraped comment is one TikTok also counted, so the Overview's daily comments are
never below the comment file's. The story planted in the numbers is told in README.md.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import texts
from community import Comment, CommentBuilder, settle_comment_totals
from story import (
    DOWNLOAD_AT,
    DOWNLOAD_TS,
    FIRST_POST_DAY,
    HANDLE,
    HOUR,
    LAST_POST_DAY,
    Video,
    add_captions,
    add_performance,
    add_sheet_formats,
    audience_size,
    local_date,
    local_midnight,
    plan_videos,
    vietnamese_date,
)

OUT_DIR = Path(__file__).resolve().parent
ZIP_TIMESTAMP = (2026, 11, 22, 9, 0, 0)
FIRST_STAT_DAY = date(2026, 5, 26)
LAST_STAT_DAY = date(2026, 11, 21)  # the day before the download, as in real Overview files
STAT_DAYS = [FIRST_STAT_DAY + timedelta(days=i) for i in range((LAST_STAT_DAY - FIRST_STAT_DAY).days + 1)]
COMMENTS_FILE = "dataset_tiktok-comments-scraper_2026-11-22_02-15-33-120.csv"

# Headers exactly as the real files (and the app's LIVE template) write them.
OVERVIEW_HEADER = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
CONTENT_HEADER = [
    "Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views",
]  # fmt: skip
VIEWERS_HEADER = ["Date", "Total Viewers", "New Viewers", "Returning Viewers"]
HISTORY_HEADER = ["Date", "Followers", "Difference in followers from previous day"]
COMMENTS_HEADER = [
    "avatarThumbnail", "cid", "createTime", "createTimeISO", "diggCount", "input", "likedByAuthor",
    "pinnedByAuthor", "repliesToId", "replyCommentTotal", "submittedVideoUrl", "text", "uid", "uniqueId",
    "videoWebUrl",
]  # fmt: skip
TRACKING_HEADER = (
    "Video link;Format;Duration (s);Avg. watch time (s);Completion rate;Saves;Reach;New followers"
)
LIVES_HEADER = [
    "start_time", "duration_minutes", "viewers", "peak_viewers", "comments", "likes", "shares", "gifts",
    "new_followers", "title",
]  # fmt: skip


def iso_utc(ts: int) -> str:
    """Apify's createTimeISO: `2026-05-25T00:14:25.000Z`."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def js_number(value: float) -> str:
    """A fraction the way TikTok's JavaScript prints it: `0.581`, `0.01`, `0`."""
    value = round(value, 3)
    return str(int(value)) if value == int(value) else repr(value)


def daily_video_series(videos: list[Video], amount: str) -> np.ndarray:
    """Per stat day, what the videos earned that day (lifetime total x curve increment)."""
    starts = np.array([local_midnight(day) for day in STAT_DAYS], dtype=float)
    series = np.zeros(len(STAT_DAYS))
    for video in videos:
        hours = (starts - video.posted_ts) / HOUR
        increments = video.curve.share(hours + 24) - video.curve.share(hours)
        lifetime = {
            "views": video.lifetime_views,
            "likes": video.lifetime_views * video.like_rate,
            "shares": video.lifetime_views * video.share_rate,
            "follows": video.lifetime_follows,
        }[amount]
        series += lifetime * increments
    return series


def daily_counts(times: list[int]) -> np.ndarray:
    """How many of `times` fall on each stat day (local calendar)."""
    index = {day: i for i, day in enumerate(STAT_DAYS)}
    counts = np.zeros(len(STAT_DAYS))
    for ts in times:
        i = index.get(local_date(ts))
        if i is not None:
            counts[i] += 1
    return counts


def overview_rows(
    nrng: np.random.Generator, videos: list[Video], comment_times: list[int]
) -> list[list[str]]:
    """Overview.csv: the videos' daily earnings plus the older catalogue's baseline."""
    n = len(STAT_DAYS)
    weekend = np.array([1.12 if day.weekday() >= 5 else 1.0 for day in STAT_DAYS])
    baseline = 4_200 * weekend * nrng.lognormal(0.0, 0.12, n)
    views = daily_video_series(videos, "views") + baseline
    likes = daily_video_series(videos, "likes") + baseline * 0.055
    shares = daily_video_series(videos, "shares") + baseline * 0.006
    comments = daily_counts(comment_times) + nrng.poisson(6, n)
    profile = views * nrng.uniform(0.011, 0.019, n)
    columns = [views, profile, likes, comments, shares]
    return [
        [vietnamese_date(day), *(str(int(round(col[i]))) for col in columns)]
        for i, day in enumerate(STAT_DAYS)
    ]


def viewers_rows(nrng: np.random.Generator, overview: list[list[str]]) -> list[list[str]]:
    """Viewers.csv: unique viewers, returning share growing; the first 5 days `undefined`."""
    rows = []
    for i, row in enumerate(overview):
        if i < 5:
            rows.append([row[0], "undefined", "0", "0"])
            continue
        total = round(int(row[1]) * nrng.uniform(0.45, 0.55))
        returning = round(total * (0.2 + 0.16 * i / len(overview) + nrng.normal(0, 0.015)))
        rows.append([row[0], str(total), str(total - returning), str(returning)])
    return rows


def follower_path(nrng: np.random.Generator, videos: list[Video]) -> list[int]:
    """Daily follower totals, ~18,000 to ~31,000, with an unfollow wave in mid-August."""
    gains = daily_video_series(videos, "follows") * nrng.lognormal(0.0, 0.1, len(STAT_DAYS))
    churn = nrng.lognormal(0.0, 0.25, len(STAT_DAYS))
    wave = {date(2026, 8, 12): 520, date(2026, 8, 13): 380, date(2026, 8, 14): 240, date(2026, 10, 2): 150}
    extra = np.array([wave.get(day, 0) for day in STAT_DAYS], dtype=float)

    def path(baseline: float) -> list[int]:
        followers, totals = 18_000.0, []
        for i in range(len(STAT_DAYS)):
            followers += gains[i] + baseline - 0.0012 * followers * churn[i] - extra[i]
            totals.append(round(followers))
        return totals

    low, high = -100.0, 200.0
    for _ in range(50):  # bisection on the baseline gain so the last day lands near 31,000
        middle = (low + high) / 2
        low, high = (middle, high) if path(middle)[-1] < 31_000 else (low, middle)
    return path(low)


def follower_history_rows(totals: list[int]) -> list[list[str]]:
    """FollowerHistory.csv: running total and the difference from the day before."""
    previous = [18_000, *totals[:-1]]
    return [
        [vietnamese_date(day), str(total), str(total - before)]
        for day, total, before in zip(STAT_DAYS, totals, previous, strict=True)
    ]


HOURLY_ACTIVITY = [
    0.10, 0.07, 0.05, 0.04, 0.04, 0.06, 0.11, 0.19, 0.21, 0.18, 0.14, 0.15,
    0.16, 0.14, 0.12, 0.12, 0.13, 0.14, 0.16, 0.21, 0.24, 0.24, 0.20, 0.14,
]  # fmt: skip


def follower_activity_rows(nrng: np.random.Generator, followers: int) -> list[list[str]]:
    """FollowerActivity.csv: last 7 days x 24 hours; the last day is zero after 17h, as in real files."""
    rows = []
    for offset in range(6, -1, -1):
        day = LAST_STAT_DAY - timedelta(days=offset)
        factor = (1.08 if day.weekday() >= 5 else 1.0) * nrng.lognormal(0.0, 0.04)
        for hour, share in enumerate(HOURLY_ACTIVITY):
            value = round(followers * share * factor * nrng.lognormal(0.0, 0.03))
            rows.append([vietnamese_date(day), str(hour), str(0 if offset == 0 and hour >= 18 else value)])
    return rows


GENDERS = [("Female", 0.62), ("Male", 0.36), ("Other", 0.02)]
TERRITORIES = [
    ("VN", 0.581), ("FR", 0.168), ("US", 0.061), ("BE", 0.031), ("CA", 0.029), ("AU", 0.021),
    ("DE", 0.018), ("JP", 0.012), ("KR", 0.011), ("SG", 0.010), ("Others", 0.058),
]  # fmt: skip


def studio_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """TikTok Studio bytes: UTF-8 BOM, every field quoted, `\\n`, no newline after the last row."""
    lines = [",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in [header, *rows]]
    return ("\ufeff" + "\n".join(lines)).encode("utf-8")


def write_zip(name: str, files: dict[str, bytes]) -> None:
    """A zip whose bytes depend only on its content (fixed timestamp and attributes)."""
    with zipfile.ZipFile(OUT_DIR / name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for inner, data in files.items():
            info = zipfile.ZipInfo(inner, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def content_rows(videos: list[Video]) -> list[list[str]]:
    """Content.csv rows, newest video first; `Time` is the download day on every row."""
    downloaded = vietnamese_date(DOWNLOAD_AT.date())
    return [
        [downloaded, v.caption, v.url, vietnamese_date(local_date(v.posted_ts)),
         str(v.likes), str(v.comments), str(v.shares), str(v.views)]
        for v in sorted(videos, key=lambda v: v.posted_ts, reverse=True)
    ]  # fmt: skip


def write_comments(videos: list[Video], comments: list[Comment]) -> None:
    """The Apify all-fields CSV: alphabetical columns, True/False, empty ids for top level."""
    order = {v.video_id: i for i, v in enumerate(sorted(videos, key=lambda v: v.posted_ts, reverse=True))}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COMMENTS_HEADER)
    for c in sorted(comments, key=lambda c: (order[c.video.video_id], c.created_ts, c.cid)):
        writer.writerow(
            [c.member.avatar, str(c.cid), c.created_ts, iso_utc(c.created_ts), c.digg, c.video.url,
             str(c.liked_by_author), str(c.pinned), str(c.parent.cid) if c.parent else "",
             "" if c.parent else c.reply_count, c.video.url, c.text, c.member.uid, c.member.handle, c.video.url]
        )  # fmt: skip
    (OUT_DIR / COMMENTS_FILE).write_bytes(buffer.getvalue().encode("utf-8"))


def french_decimal(value: float, digits: int = 1) -> str:
    """A number as French Excel writes it: `38,5`."""
    return f"{value:.{digits}f}".replace(".", ",")


def write_tracking_sheet(videos: list[Video]) -> None:
    """video_tracking.csv: the marketer's sheet saved from a French Excel (`;`, `38,5%`, CRLF)."""
    lines = [TRACKING_HEADER]
    for v in sorted(videos, key=lambda v: v.posted_ts):
        follows = round(v.lifetime_follows * v.seen_share)
        lines.append(
            f"{v.url};{v.sheet_format};{v.duration};{french_decimal(v.watch_seconds)};"
            f"{french_decimal(100 * v.completion)}%;{v.saves};{v.reach};{follows}"
        )
    (OUT_DIR / "video_tracking.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def write_lives(rng: random.Random) -> int:
    """lives.csv: the app's LIVE template filled in, one evening LIVE most weeks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LIVES_HEADER)
    skipped = {11, rng.choice([4, 19])}  # mid-August holiday and one busy week
    rows = 0
    for week in range(26):
        if week in skipped:
            continue
        monday = FIRST_POST_DAY + timedelta(weeks=week)
        day = monday + timedelta(days=rng.choices([2, 5, 4, 6], weights=[0.5, 0.4, 0.05, 0.05])[0])
        if day > LAST_POST_DAY:
            day = LAST_POST_DAY
        writer.writerow(live_row(rng, day))
        rows += 1
    (OUT_DIR / "lives.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    return rows


def live_row(rng: random.Random, day: date) -> list[str | int]:
    """One LIVE: audience grows with the account; comments, likes and gifts follow viewers."""
    start = f"{day.isoformat()} {rng.choice(['19:30', '20:00', '20:00', '20:00', '20:30', '21:00'])}"
    viewers = round(audience_size(day) / 11 * rng.lognormvariate(0.0, 0.2))
    duration = rng.choice([35, 40, 45, 50, 55, 60, 60, 75, 90])
    return [
        start, duration, viewers, round(viewers * rng.uniform(0.22, 0.38)), round(viewers * rng.uniform(0.4, 0.8)),
        round(viewers * rng.uniform(6, 12)), round(viewers * rng.uniform(0.01, 0.03)),
        round(viewers * rng.uniform(0.02, 0.08)), round(viewers * rng.uniform(0.02, 0.05)),
        rng.choice(texts.LIVE_TITLES),
    ]  # fmt: skip


def write_studio_files(nrng: np.random.Generator, videos: list[Video], comment_times: list[int]) -> None:
    """The four TikTok Studio zips."""
    overview = overview_rows(nrng, videos, comment_times)
    overview_zip = f"Overview_{FIRST_STAT_DAY.isoformat()}_{DOWNLOAD_TS}_{HANDLE}.zip"
    write_zip(overview_zip, {"Overview.csv": studio_csv(OVERVIEW_HEADER, overview)})
    write_zip(f"Content_{HANDLE}.zip", {"Content.csv": studio_csv(CONTENT_HEADER, content_rows(videos))})
    viewers = studio_csv(VIEWERS_HEADER, viewers_rows(nrng, overview))
    write_zip(f"Viewers_{HANDLE}.zip", {"Viewers.csv": viewers})
    totals = follower_path(nrng, videos)
    activity = follower_activity_rows(nrng, totals[-1])
    followers = {
        "FollowerActivity.csv": studio_csv(["Date", "Hour", "Active followers"], activity),
        "FollowerGender.csv": studio_csv(["Gender", "Distribution"], [[g, js_number(s)] for g, s in GENDERS]),
        "FollowerHistory.csv": studio_csv(HISTORY_HEADER, follower_history_rows(totals)),
        "FollowerTopTerritories.csv": studio_csv(
            ["Top territories", "Distribution"], [[t, js_number(s)] for t, s in TERRITORIES]
        ),
    }
    write_zip(f"Followers_{HANDLE}.zip", followers)


def main() -> None:
    """Generate every file of the demo brand beside this script."""
    rng = random.Random(42)
    nrng = np.random.default_rng(42)
    videos = plan_videos(rng)
    add_performance(rng, nrng, videos)
    add_captions(rng, videos)
    add_sheet_formats(rng, videos)
    comments = CommentBuilder(rng, nrng, videos).build()
    comment_times = settle_comment_totals(nrng, videos, comments)
    write_studio_files(nrng, videos, comment_times)
    write_comments(videos, comments)
    write_tracking_sheet(videos)
    lives = write_lives(rng)
    members = len({c.member.handle for c in comments if c.member.group != "brand"})
    print(f"{len(videos)} videos, {len(comments)} comments by {members} members, {lives} LIVEs")


if __name__ == "__main__":
    main()
