"""The community: who comments on which video, when, with what words, and whom the brand answers.

Planted groups (a loyal core, members who went quiet, a lapsed group, recent loyal members) are
placed first; casual commenters then fill each video up to its scraped comment count, most of
them once, some coming back (recently active ones, and a little more often when the brand
answered them). Videos are built in posting order so that a brand reply can change who returns.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import texts
from story import (
    DAY,
    DOWNLOAD_TS,
    FIRST_POST_DAY,
    FORMATS,
    HANDLE,
    HOUR,
    LOCAL_TZ,
    VIRAL_CURVE,
    Video,
    local_date,
    local_midnight,
    sample_delay,
    tiktok_id,
)

TARGET_MEMBERS = 3_500
# First-timers placed on the last 30 days' videos; a few more arrive through late comments on
# older videos, which brings the "New" tier to about 250.
TARGET_NEW_MEMBERS = 175
SCRAPE_CAP = 1_500  # the scraper's "comments per post" limit: viral videos are sampled
BRAND_REPLY_SHARE = 0.31  # brand replies per member comment, to size the member comments


@dataclass
class Member:
    """One commenter (or the brand itself), with what drives their behaviour."""

    handle: str
    uid: str
    avatar: str
    language: str
    cluster: str
    group: str  # core, at_risk, lapsed, loyal, casual, conversation, brand
    joined_ts: int = 0
    left_ts: int = DOWNLOAD_TS
    last_ts: int = 0
    video_count: int = 0
    got_reply: bool = False


def new_member(rng: random.Random, taken: set[str], group: str, language: str, cluster: str) -> Member:
    """A fictional member with a unique handle, a 19-digit uid and a fake avatar URL."""
    handle = texts.handle(rng, language)
    while handle in taken or handle == HANDLE:
        handle = f"{handle}{rng.randrange(10)}"
    taken.add(handle)
    uid = str(rng.randrange(6_700_000_000_000_000_000, 7_450_000_000_000_000_000))
    avatar = f"https://example.com/avatars/{rng.getrandbits(48):012x}.jpeg"
    return Member(handle, uid, avatar, language, cluster, group)


def member_language(rng: random.Random, video_language: str | None = None) -> str:
    """A commenter's language: mostly Vietnamese, a French-speaking audience, some English."""
    weights = {"vi": [0.8, 0.1, 0.1], "fr": [0.25, 0.6, 0.15], "en": [0.35, 0.2, 0.45]}
    return rng.choices(["vi", "fr", "en"], weights=weights.get(video_language or "", [0.6, 0.27, 0.13]))[0]


def member_cluster(rng: random.Random) -> str:
    """The hashtag community a member prefers."""
    return rng.choices(["coffee", "book", "city"], weights=[0.5, 0.25, 0.25])[0]


@dataclass(frozen=True)
class PlannedGroup:
    """A planted slice of the community: when its members join, go quiet, and how active they are."""

    name: str
    size: int
    joined_days: tuple[int, int]  # joined this many days after the first video
    quiet_days: tuple[int, int] | None  # went quiet this many days before the download (None: still active)
    video_share: tuple[float, float]  # share of the videos in their window they comment on
    min_videos: int
    chattiness: float  # chance of a second comment on the same video


PLANNED_GROUPS = [
    PlannedGroup("core", 60, (0, 75), None, (0.55, 0.9), 6, 0.6),
    PlannedGroup("at_risk", 80, (0, 55), (37, 80), (0.35, 0.6), 6, 0.4),
    PlannedGroup("lapsed", 50, (0, 18), (100, 150), (0.35, 0.6), 5, 0.4),
    PlannedGroup("loyal", 45, (120, 150), None, (0.05, 0.1), 3, 0.3),
]


def plan_loyal_members(
    rng: random.Random, nrng: np.random.Generator, videos: list[Video], taken: set[str]
) -> dict[int, list[tuple[Member, int]]]:
    """The planted core, at-risk, lapsed and loyal members, and which videos each comments on."""
    visits: dict[int, list[tuple[Member, int]]] = {i: [] for i in range(len(videos))}
    for group in PLANNED_GROUPS:
        for _ in range(group.size):
            member = new_member(rng, taken, group.name, member_language(rng), member_cluster(rng))
            member.joined_ts = local_midnight(FIRST_POST_DAY) + rng.randint(*group.joined_days) * DAY
            if group.quiet_days:
                member.left_ts = DOWNLOAD_TS - rng.randint(*group.quiet_days) * DAY
            share = rng.uniform(*group.video_share)
            for index in member_videos(rng, nrng, member, videos, share, group.min_videos):
                extra = (rng.random() < group.chattiness) + (rng.random() < group.chattiness / 2.5)
                visits[index].append((member, 1 + extra))
    return visits


def member_videos(
    rng: random.Random,
    nrng: np.random.Generator,
    member: Member,
    videos: list[Video],
    share: float,
    least: int,
) -> list[int]:
    """Indexes of the videos a planned member comments on, the last one near when they go quiet."""
    still_active = member.left_ts == DOWNLOAD_TS
    window = [
        i
        for i, v in enumerate(videos)
        if v.posted_ts >= member.joined_ts and (still_active or v.posted_ts <= member.left_ts - 36 * HOUR)
    ]
    weights = np.array([video_pull(videos[i], member) for i in window])
    k = min(len(window), max(least, round(share * len(window))))
    chosen = set(nrng.choice(window, size=k, replace=False, p=weights / weights.sum()).tolist())
    chosen.add(rng.choice(window[-3:]))  # so the last comment falls when the member goes quiet
    return sorted(chosen)


def video_pull(video: Video, member: Member) -> float:
    """How likely a member is to comment on a video: format pull, community and language match."""
    pull = FORMATS[video.format].comment_rate / 0.008
    pull *= 1.5 if video.cluster == member.cluster else 1.0
    return pull * (1.3 if video.language == member.language else 1.0)


@dataclass
class Comment:
    """One scraped comment (a member's or the brand's)."""

    cid: int
    video: Video
    member: Member
    created_ts: int
    sentiment: str
    text: str = ""
    parent: Comment | None = None
    digg: int = 0
    liked_by_author: bool = False
    pinned: bool = False
    reply_count: int = 0


class CommentBuilder:
    """Builds the scraped comments video by video, in posting order.

    The order matters: a brand reply on one video makes the member a little more likely to
    come back on a later one.
    """

    def __init__(self, rng: random.Random, nrng: np.random.Generator, videos: list[Video]) -> None:
        self.rng, self.nrng, self.videos = rng, nrng, videos
        self.taken: set[str] = set()
        self.brand = Member(
            HANDLE, "6912345678901234567", "https://example.com/avatars/phinco.jpeg", "vi", "", "brand"
        )
        self.planned = plan_loyal_members(rng, nrng, videos, self.taken)
        self.casual: list[Member] = []
        self.comments: list[Comment] = []
        self.used_cids: set[int] = set()

    def member_targets(self) -> list[int]:
        """Member comments to scrape per video: TikTok's count x the scraped share, minus brand replies."""
        targets = []
        for video in self.videos:
            expected = video.views * video.comment_rate
            video.scrape_share = min(self.rng.uniform(0.8, 0.95), SCRAPE_CAP / max(expected, 1.0))
            targets.append(round(expected * video.scrape_share / (1 + BRAND_REPLY_SHARE)))
        return targets

    def casual_visits(self, targets: list[int]) -> list[list[int]]:
        """Per video, the sizes of the casual commenters' visits (comments each) that fill the gap."""
        plans = []
        for index, target in enumerate(targets):
            gap = target - sum(n for _, n in self.planned[index])
            sizes: list[int] = []
            while gap > 0:
                size = min(gap, self.rng.choices([1, 2, 3], weights=[0.5, 0.3, 0.2])[0])
                sizes.append(size)
                gap -= size
            plans.append(sizes)
        return plans

    def new_member_odds(self, plans: list[list[int]]) -> tuple[float, float]:
        """Chance that a casual visit is a first-timer, before and during the last 30 days."""
        recent_from = DOWNLOAD_TS - 29 * DAY
        recent = sum(len(p) for p, v in zip(plans, self.videos, strict=True) if v.posted_ts >= recent_from)
        earlier = sum(len(p) for p in plans) - recent
        planned = sum(group.size for group in PLANNED_GROUPS) + 1
        early_odds = (TARGET_MEMBERS - planned - TARGET_NEW_MEMBERS) / max(earlier, 1)
        return min(early_odds, 0.95), min(TARGET_NEW_MEMBERS / max(recent, 1), 0.95)

    def build(self) -> list[Comment]:
        """All scraped comments, video by video."""
        plans = self.casual_visits(self.member_targets())
        early_odds, recent_odds = self.new_member_odds(plans)
        conversation_video = self.conversation_video()
        for index, video in enumerate(self.videos):
            odds = recent_odds if video.posted_ts >= DOWNLOAD_TS - 29 * DAY else early_odds
            visits = self.planned[index] + self.casual_for(video, plans[index], odds)
            video_comments = self.visit_comments(video, visits)
            if index == conversation_video:
                video_comments += self.conversation(video)
            self.finish_video(video, video_comments)
        return self.comments

    def conversation_video(self) -> int:
        """A Vietnamese mini game posted at lunch 45-85 days ago: one member chats there all afternoon."""
        for index, video in enumerate(self.videos):
            age_days = (DOWNLOAD_TS - video.posted_ts) / DAY
            hour = datetime.fromtimestamp(video.posted_ts, LOCAL_TZ).hour
            if video.format == "Mini game" and 45 <= age_days <= 85 and hour < 14 and video.language == "vi":
                return index
        raise ValueError("no mini game fits the conversation: change the seed or the window")

    def casual_for(self, video: Video, sizes: list[int], odds: float) -> list[tuple[Member, int]]:
        """Fill a video's gap with first-timers and returning casual members."""
        fresh, returning = [], []
        for size in sizes:
            (returning if self.casual and self.rng.random() >= odds else fresh).append(size)
        visits = []
        if returning:
            pool = self.casual_weights(video)
            picks = self.nrng.choice(len(self.casual), size=len(returning), p=pool)
            visits += [(self.casual[p], size) for p, size in zip(picks.tolist(), returning, strict=True)]
        visits += [(self.new_casual(video), size) for size in fresh]
        return visits

    def new_casual(self, video: Video) -> Member:
        """A first-time commenter drawn to this video."""
        language = member_language(self.rng, video.language)
        member = new_member(self.rng, self.taken, "casual", language, member_cluster(self.rng))
        self.casual.append(member)
        return member

    def casual_weights(self, video: Video) -> np.ndarray:
        """Who comes back: recently active members, those the brand answered (x1.5), matching ones.

        Each video already commented on makes a casual member less likely to return, so most
        returns make a "Regular" (two videos) and few drift into the loyal tiers by chance.
        """
        weights = np.empty(len(self.casual))
        for i, member in enumerate(self.casual):
            idle_days = max(video.posted_ts - member.last_ts, 0) / DAY
            weight = math.exp(-idle_days / 25) * 0.05 ** max(member.video_count - 1, 0)
            weight *= 1.5 if member.got_reply else 1.0
            weight *= 1.3 if member.cluster == video.cluster else 1.0
            weights[i] = weight * (1.5 if member.language == video.language else 1.0)
        return weights / weights.sum()

    def visit_comments(self, video: Video, visits: list[tuple[Member, int]]) -> list[Comment]:
        """The comments of each visit: the first after the video's decay curve, the rest minutes later."""
        comments = []
        for member, size in visits:
            cap_ts = min(DOWNLOAD_TS, member.left_ts)
            hours = sample_delay(self.nrng, video.curve, (cap_ts - video.posted_ts) / HOUR)
            ts = self.awake(video.posted_ts + round(hours * HOUR), cap_ts)
            for _ in range(size):
                comments.append(self.member_comment(video, member, ts))
                ts += self.rng.randint(120, 3 * HOUR)
                if ts > cap_ts:
                    break
        return comments

    def awake(self, ts: int, cap_ts: int) -> int:
        """Move most comments that fall in the small hours to the day (people sleep)."""
        hour = datetime.fromtimestamp(ts, LOCAL_TZ).hour
        if 1 <= hour <= 5 and self.rng.random() < 0.85:
            moved = ts + (7 - hour) * HOUR + self.rng.randrange(14 * HOUR)
            return moved if moved <= cap_ts else ts
        return ts

    def member_comment(self, video: Video, member: Member, ts: int) -> Comment:
        """A member's comment with a sentiment drawn for the video's format."""
        negative = 0.2 if video.format == "Product" else 0.06
        negative *= 0.4 if member.group == "core" else 1.0
        question = 0.2 if video.format in ("Product", "LIVE Q&A", "Storytelling") else 0.14
        roll = self.rng.random()
        sentiment = (
            "negative" if roll < negative else "question" if roll < negative + question else "positive"
        )
        return Comment(self.new_cid(ts), video, member, ts, sentiment)

    def new_cid(self, ts: int) -> int:
        """A unique comment id (TikTok stamps it a few seconds before the comment's time)."""
        cid = tiktok_id(self.rng, ts - self.rng.randint(3, 20))
        while cid in self.used_cids:
            cid = tiktok_id(self.rng, ts - self.rng.randint(3, 20))
        self.used_cids.add(cid)
        return cid

    def conversation(self, video: Video) -> list[Comment]:
        """One member's 30 comments on one video in one afternoon: a conversation, not loyalty."""
        member = new_member(self.rng, self.taken, "conversation", "vi", "coffee")
        start = local_midnight(local_date(video.posted_ts) + timedelta(days=1)) + 14 * HOUR
        times = sorted(start + self.rng.randrange(4 * HOUR) for _ in range(30))
        return [Comment(self.new_cid(ts), video, member, ts, "conversation") for ts in times]

    def finish_video(self, video: Video, comments: list[Comment]) -> None:
        """Threads, texts, brand replies and likes for one video, then remember who was answered."""
        comments.sort(key=lambda c: (c.created_ts, c.cid))
        self.thread_replies(comments)
        for comment in comments:
            comment.text = self.member_text(comment)
        brand = self.brand_replies(comments) + self.pinned_rules(video)
        for comment in comments:
            self.add_reactions(comment)
        for comment in [*comments, *brand]:
            if comment.parent:
                comment.parent.reply_count += 1
        self.comments += comments + brand
        for member in {c.member.handle: c.member for c in comments}.values():
            member.video_count += 1
        for comment in comments:
            comment.member.last_ts = max(comment.member.last_ts, comment.created_ts)

    def thread_replies(self, comments: list[Comment]) -> None:
        """Some member comments answer an earlier top-level comment of someone else."""
        for i, comment in enumerate(comments):
            odds = {"core": 0.25, "conversation": 0.5}.get(comment.member.group, 0.13)
            if i == 0 or self.rng.random() >= odds:
                continue
            earlier = [c for c in comments[:i] if c.parent is None and c.member is not comment.member]
            if earlier:
                comment.parent = self.rng.choice(earlier[-40:])
                comment.sentiment = "reply" if comment.sentiment != "conversation" else "conversation"

    def member_text(self, comment: Comment) -> str:
        """The words of a member's comment, in the member's language."""
        friend = self.rng.choice(self.casual or [comment.member]).handle
        if comment.sentiment == "conversation":
            return texts.conversation_line(self.rng, friend)
        fmt = comment.video.format
        return texts.member_comment(self.rng, comment.member.language, comment.sentiment, fmt, friend)

    def brand_replies(self, comments: list[Comment]) -> list[Comment]:
        """The brand answers about a third of top-level member comments, loyal members more often."""
        replies = []
        for comment in comments:
            if comment.parent is not None or self.rng.random() >= self.reply_odds(comment):
                continue
            ts = self.brand_reply_time(comment.created_ts)
            if ts > DOWNLOAD_TS:
                continue
            text = texts.brand_reply(self.rng, comment.member.language, comment.sentiment)
            reply = Comment(self.new_cid(ts), comment.video, self.brand, ts, "brand", text, parent=comment)
            replies.append(reply)
            comment.member.got_reply = True
        return replies

    def reply_odds(self, comment: Comment) -> float:
        """How likely the brand is to answer: loyal members and questions more, complaints less."""
        base = {"core": 0.5, "at_risk": 0.4, "lapsed": 0.4, "loyal": 0.4, "conversation": 0.25}.get(
            comment.member.group, 0.2
        )
        if comment.member.group == "casual" and comment.member.video_count >= 2:
            base = 0.3
        factor = {"question": 1.45, "negative": 0.55}.get(comment.sentiment, 1.0)
        return min(base * factor, 0.95)

    def brand_reply_time(self, ts: int) -> int:
        """1-12 hours later typically, faster on weekdays; the team answers 7:00-23:00 local."""
        weekend = datetime.fromtimestamp(ts, LOCAL_TZ).weekday() >= 5
        hours = min(max(self.nrng.lognormal(math.log(6.0 if weekend else 2.5), 0.75), 0.25), 30.0)
        reply = ts + round(hours * HOUR)
        local = datetime.fromtimestamp(reply, LOCAL_TZ)
        if local.hour >= 23 or local.hour < 7:
            morning = local.replace(hour=7, minute=0, second=0) + timedelta(days=local.hour >= 23)
            reply = int(morning.timestamp()) + self.rng.randrange(3 * HOUR)
        return reply

    def pinned_rules(self, video: Video) -> list[Comment]:
        """Mini games carry the brand's pinned rules comment, posted right after the video."""
        if video.format != "Mini game":
            return []
        ts = video.posted_ts + self.rng.randint(60, 300)
        text = texts.pinned_rules(video.language)
        return [Comment(self.new_cid(ts), video, self.brand, ts, "brand", text, pinned=True)]

    def add_reactions(self, comment: Comment) -> None:
        """Likes on the comment, and whether the brand liked it."""
        loyal = comment.member.group in ("core", "at_risk", "lapsed", "loyal")
        digg = int(math.exp(self.rng.gauss(0.3 if loyal else -0.2, 1.1))) - 1
        comment.digg = max(digg, 0) * (8 if comment.video.curve is VIRAL_CURVE else 1)
        liked = {"positive": 0.2, "question": 0.1, "reply": 0.08, "negative": 0.03}.get(
            comment.sentiment, 0.05
        )
        comment.liked_by_author = self.rng.random() < liked * (1.8 if loyal else 1.0)


def unscraped_times(nrng: np.random.Generator, video: Video, count: int) -> list[int]:
    """Times of the comments TikTok counted but the scraper did not return."""
    return [
        video.posted_ts + round(sample_delay(nrng, video.curve, video.age_hours) * HOUR) for _ in range(count)
    ]


def settle_comment_totals(
    nrng: np.random.Generator, videos: list[Video], comments: list[Comment]
) -> list[int]:
    """TikTok's comment count per video (scraped / scraped share) and every counted comment's time."""
    scraped: dict[int, int] = {}
    for comment in comments:
        scraped[comment.video.video_id] = scraped.get(comment.video.video_id, 0) + 1
    all_times = [c.created_ts for c in comments]
    for video in videos:
        count = scraped.get(video.video_id, 0)
        video.comments = max(round(count / video.scrape_share), count)
        all_times += unscraped_times(nrng, video, video.comments - count)
    return all_times
