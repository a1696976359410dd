"""The brand's calendar and videos: when Phin & Co. posts, in which format, and what each video earns.

The per-format multipliers in `FORMATS` plant the story the app should find (see README.md).
A video's lifetime totals are spread over time by a `Curve`; the same curve gives Content.csv
its totals as of the download and Overview.csv its daily rows, so the two files agree.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np
import texts

HANDLE = "phinco.coffee"
# Asia/Ho_Chi_Minh has had no daylight saving time since 1975: a fixed offset is exact.
LOCAL_TZ = timezone(timedelta(hours=7))
DOWNLOAD_AT = datetime(2026, 11, 22, 9, 0, tzinfo=LOCAL_TZ)
DOWNLOAD_TS = int(DOWNLOAD_AT.timestamp())  # 1795312800, the epoch in the Overview zip name
FIRST_POST_DAY = date(2026, 5, 25)
LAST_POST_DAY = date(2026, 11, 21)
DAY = 86_400
HOUR = 3_600

VIETNAMESE_MONTHS = [
    "Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai",
]  # fmt: skip


@dataclass(frozen=True)
class FormatProfile:
    """How one interaction format performs: the multipliers that plant the story."""

    count: int
    reach: float  # views multiplier
    like_rate: float  # per view
    comment_rate: float
    share_rate: float
    completion: float
    follows_per_1k: float
    saves_per_1k: float
    duration: tuple[int, int]  # seconds


FORMATS: dict[str, FormatProfile] = {
    "Tutorial": FormatProfile(18, 1.15, 0.060, 0.0045, 0.0190, 0.38, 3.5, 22.0, (45, 95)),
    "Challenge": FormatProfile(13, 1.25, 0.094, 0.0081, 0.0090, 0.33, 4.0, 6.0, (15, 35)),
    "LIVE Q&A": FormatProfile(12, 0.70, 0.084, 0.0135, 0.0050, 0.25, 3.5, 5.0, (60, 180)),
    "Mini game": FormatProfile(11, 1.05, 0.085, 0.0252, 0.0080, 0.35, 5.0, 4.0, (15, 40)),
    "Storytelling": FormatProfile(14, 1.00, 0.064, 0.0063, 0.0080, 0.48, 8.0, 9.0, (40, 90)),
    "Behind the scenes": FormatProfile(12, 0.90, 0.058, 0.0045, 0.0050, 0.34, 3.5, 6.0, (20, 50)),
    "Duet / Stitch / UGC": FormatProfile(10, 1.00, 0.062, 0.0054, 0.0060, 0.31, 3.0, 4.0, (15, 40)),
    "Collab": FormatProfile(4, 1.45, 0.072, 0.0063, 0.0070, 0.33, 5.5, 7.0, (25, 60)),
    "Product": FormatProfile(18, 0.80, 0.036, 0.0036, 0.0035, 0.20, 1.5, 5.0, (15, 40)),
}

# Two viral outliers: (format, the day it was posted nearest to, lifetime views).
VIRALS = [("Challenge", date(2026, 7, 10), 520_000), ("Tutorial", date(2026, 9, 18), 340_000)]


@dataclass(frozen=True)
class Curve:
    """Share of a video's lifetime total reached `hours` after posting (two decays)."""

    fast_share: float
    fast_hours: float
    slow_hours: float

    def share(self, hours: np.ndarray | float) -> np.ndarray:
        """Cumulative share, 0 before posting, tending to 1."""
        h = np.maximum(np.asarray(hours, dtype=float), 0.0)
        fast = self.fast_share * (1 - np.exp(-h / self.fast_hours))
        return fast + (1 - self.fast_share) * (1 - np.exp(-h / self.slow_hours))


NORMAL_CURVE = Curve(0.72, 30.0, 360.0)
VIRAL_CURVE = Curve(0.55, 60.0, 420.0)
CURVE_GRID = np.linspace(0.0, 24.0 * 240, 23_041)  # hours, every 15 minutes over 240 days


def vietnamese_date(day: date) -> str:
    """A year-less date as TikTok Studio writes it in Vietnamese: `18 tháng Tám`."""
    return f"{day.day} tháng {VIETNAMESE_MONTHS[day.month - 1]}"


def local_date(ts: int) -> date:
    """The Ho Chi Minh City calendar day of a Unix time."""
    return datetime.fromtimestamp(ts, LOCAL_TZ).date()


def local_midnight(day: date) -> int:
    """Unix time of 00:00 local on `day`."""
    return int(datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).timestamp())


def tiktok_id(rng: random.Random, ts: int) -> int:
    """A 19-digit TikTok id: Unix seconds in the high bits, 32 random bits below."""
    return (ts << 32) | rng.getrandbits(32)


@functools.cache
def curve_on_grid(curve: Curve) -> np.ndarray:
    """The curve's cumulative share at every point of CURVE_GRID (to invert it by interpolation)."""
    return curve.share(CURVE_GRID)


def sample_delay(nrng: np.random.Generator, curve: Curve, cap_hours: float) -> float:
    """Hours from posting to one interaction, drawn from the curve, never past `cap_hours`."""
    u = nrng.random() * float(curve.share(cap_hours))
    return float(np.interp(u, curve_on_grid(curve), CURVE_GRID))


@dataclass
class Video:
    """One video of the brand, with what it will earn over its life and as of the download."""

    posted_ts: int
    format: str
    language: str
    cluster: str
    caption: str = ""
    video_id: int = 0
    curve: Curve = NORMAL_CURVE
    lifetime_views: float = 0.0
    like_rate: float = 0.0
    comment_rate: float = 0.0
    share_rate: float = 0.0
    views: int = 0
    likes: int = 0
    shares: int = 0
    comments: int = 0
    scrape_share: float = 0.9
    duration: int = 0
    completion: float = 0.0
    watch_seconds: float = 0.0
    saves: int = 0
    reach: int = 0
    lifetime_follows: float = 0.0
    sheet_format: str = ""

    @property
    def url(self) -> str:
        """The video's public link, as in Content.csv and the comment scraper."""
        return f"https://www.tiktok.com/@{HANDLE}/video/{self.video_id}"

    @property
    def age_hours(self) -> float:
        """Hours between posting and the download."""
        return (DOWNLOAD_TS - self.posted_ts) / HOUR

    @property
    def seen_share(self) -> float:
        """Share of the lifetime totals already reached at the download."""
        return float(self.curve.share(self.age_hours))


def posting_days(rng: random.Random, total: int) -> list[date]:
    """Four or five posting days a week, the first and last day of the window included."""
    weeks = 26
    per_week = [4] * weeks
    for week in rng.sample(range(weeks), total - 4 * weeks):
        per_week[week] += 1
    days: list[date] = []
    for week in range(weeks):
        monday = FIRST_POST_DAY + timedelta(weeks=week)
        open_days = [
            monday + timedelta(days=i) for i in range(7) if monday + timedelta(days=i) <= LAST_POST_DAY
        ]
        forced = [d for d in (FIRST_POST_DAY, LAST_POST_DAY) if d in open_days]
        rest = [d for d in open_days if d not in forced]
        days += sorted(forced + rng.sample(rest, per_week[week] - len(forced)))
    return days


def posting_time(rng: random.Random, day: date) -> int:
    """Unix time of a post: mostly lunch (11-13h) or evening (19-21h), local time."""
    roll = rng.random()
    if roll < 0.45:
        hour = rng.choice([11, 11, 12, 12, 12, 13])
    elif roll < 0.9:
        hour = rng.choice([19, 19, 20, 20, 20, 21])
    else:
        hour = rng.choice([7, 8, 9, 15, 16, 17])
    return local_midnight(day) + hour * HOUR + rng.randrange(60) * 60 + rng.randrange(60)


def audience_size(day: date) -> float:
    """Median lifetime views of a video posted on `day`: growth, with an August dip."""
    progress = (day - FIRST_POST_DAY).days / (LAST_POST_DAY - FIRST_POST_DAY).days
    trend = 11_000 * (46_000 / 11_000) ** progress
    return trend * (1 - 0.42 * math.exp(-(((day - date(2026, 8, 14)).days / 11) ** 2)))


def pick_cluster(rng: random.Random, fmt: str) -> str:
    """The hashtag community a video speaks to (coffee/food, book/cozy, travel/city)."""
    weights = {"coffee": 0.5, "book": 0.2, "city": 0.3}
    if fmt in ("Tutorial", "Product", "Challenge"):
        weights = {"coffee": 0.65, "book": 0.2, "city": 0.15}
    elif fmt in ("Storytelling", "Behind the scenes"):
        weights = {"coffee": 0.35, "book": 0.2, "city": 0.45}
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def plan_videos(rng: random.Random) -> list[Video]:
    """Every video of the six months: when, which format, language and community."""
    formats = [name for name, profile in FORMATS.items() for _ in range(profile.count)]
    rng.shuffle(formats)
    days = posting_days(rng, len(formats))
    videos = []
    for day, fmt in zip(days, formats, strict=True):
        language = rng.choices(["vi", "fr", "en"], weights=[0.5, 0.27, 0.23])[0]
        videos.append(Video(posting_time(rng, day), fmt, language, pick_cluster(rng, fmt)))
    return videos


def add_performance(rng: random.Random, nrng: np.random.Generator, videos: list[Video]) -> None:
    """Lifetime views and rates per video (format multipliers x noise), then as-of totals."""
    for video in videos:
        profile = FORMATS[video.format]
        day = local_date(video.posted_ts)
        views = audience_size(day) * profile.reach * nrng.lognormal(0.0, 0.55)
        video.lifetime_views = float(np.clip(views, 3_500, 250_000))
        shared = nrng.lognormal(0.0, 0.14)
        video.like_rate = profile.like_rate * shared * nrng.lognormal(0.0, 0.10)
        video.comment_rate = profile.comment_rate * shared * nrng.lognormal(0.0, 0.15)
        video.share_rate = profile.share_rate * shared * nrng.lognormal(0.0, 0.15)
    for fmt, near, views in VIRALS:
        candidates = [v for v in videos if v.format == fmt]
        video = min(candidates, key=lambda v: abs((local_date(v.posted_ts) - near).days))
        video.lifetime_views, video.curve = float(views), VIRAL_CURVE
        video.comment_rate *= 0.6  # a viral audience watches and likes, but rarely talks
    for video in videos:
        video.views = round(video.lifetime_views * video.seen_share)
        video.likes = round(video.views * video.like_rate)
        video.shares = round(video.views * video.share_rate)
        add_watch_details(rng, nrng, video)


def add_watch_details(rng: random.Random, nrng: np.random.Generator, video: Video) -> None:
    """What only the marketer's tracking sheet knows: duration, completion, saves, reach."""
    profile = FORMATS[video.format]
    video.duration = rng.randint(*profile.duration)
    video.completion = float(np.clip(nrng.normal(profile.completion, 0.035), 0.08, 0.8))
    partial = rng.uniform(0.25, 0.4)
    video.watch_seconds = video.duration * (video.completion + (1 - video.completion) * partial)
    video.saves = round(video.views * profile.saves_per_1k / 1000 * nrng.lognormal(0.0, 0.2))
    video.reach = round(video.views * rng.uniform(0.72, 0.92))
    video.lifetime_follows = video.lifetime_views * profile.follows_per_1k / 1000 * nrng.lognormal(0.0, 0.2)


# The captions' own words (plain days, prices, handles) come from a stream of their own, so rewriting
# them never moves the rest of the demo.
CAPTION_SEED = 2019


def add_captions(rng: random.Random, videos: list[Video]) -> None:
    """Captions as a small brand writes them, with clustered hashtags; a few videos have none."""
    words = random.Random(CAPTION_SEED)
    used_ids: set[int] = set()
    for video in videos:
        video.caption = texts.caption(rng, words, video.format, video.language, video.cluster)
        video.video_id = tiktok_id(rng, video.posted_ts)
        assert video.video_id not in used_ids
        used_ids.add(video.video_id)
    for video in rng.sample([v for v in videos if v.format != "Collab"], 3):
        video.caption = ""


def add_sheet_formats(rng: random.Random, videos: list[Video]) -> None:
    """The marketer filled the Format column for about 70% of videos (always for videos without a caption)."""
    for video in videos:
        video.sheet_format = video.format
    blank_candidates = [v for v in videos if v.caption]
    for video in rng.sample(blank_candidates, round(0.3 * len(videos))):
        video.sheet_format = ""
