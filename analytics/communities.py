"""Which hashtag communities ("CommunityToks" such as #BookTok, #CoffeeTok) does the brand reach?

Hashtags that travel together in the brand's captions form a community: a co-occurrence graph
(one node per hashtag, an edge weighted by the number of videos carrying both) clustered with
networkx's Louvain method, seeded so the same videos always give the same communities.

Choices a reader would wonder about:

- Left out of the graph, and listed with the reason: hashtags on fewer than `min_videos` videos
  (one caption is not a community), generic reach tags (#fyp, #xuhuong...) and the brand's own
  hashtags. Both kinds sit on most videos and would tie every community into one.
- A community is named after the known CommunityToks it holds (#BookTok, #CoffeeTok...,
  matched ignoring case), else after its two most used hashtags. Hashtags are shown as the
  captions most often spell them (#HanoiTok, not #hanoitok).
- A video belongs to every community one of its hashtags is in, so a video tagged #CoffeeTok and
  #HanoiTok counts for both communities; totals across communities can exceed the brand's total.
- Engagement rate is a ratio of sums over the community's videos with views, as everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import duckdb
import pandas as pd

from analytics import wording
from analytics.formats import extract_hashtags
from analytics.i18n import N_, _, ngettext
from analytics.preferences import guess_brand_hashtags

KNOWN_COMMUNITYTOKS: tuple[str, ...] = (
    "#BookTok",
    "#CoffeeTok",
    "#FoodTok",
    "#CleanTok",
    "#BeautyTok",
    "#FitTok",
    "#GymTok",
    "#PlantTok",
    "#SkinCareTok",
    "#MomTok",
    "#DogTok",
    "#CatTok",
    "#WitchTok",
    "#StudyTok",
    "#FashionTok",
    "#CarTok",
    "#GamerTok",
)
GENERIC_HASHTAGS: tuple[str, ...] = (
    "#fyp",
    "#foryou",
    "#foryoupage",
    "#fypシ",
    "#viral",
    "#xuhuong",
    "#trending",
    "#tiktok",
)
_KNOWN = {tag.casefold(): tag for tag in KNOWN_COMMUNITYTOKS}

DROP_REASONS = {  # translated when a community search runs (the `dropped` table is shown as it is)
    "generic": N_("generic reach tag: on videos of every topic, it would tie all communities together"),
    "brand": N_("your brand's own hashtag: on most videos, it would tie all communities together"),
    "rare": N_("on fewer than {min_videos} videos: too rare to say which community it belongs to"),
}


@dataclass(frozen=True)
class HashtagCommunities:
    """The communities found, the graph they come from, and what was left out and why.

    hashtags: hashtag (lower-case), display (as captions spell it), community_id (1 = most
    videos), community, count_videos, is_known_communitytok. One row per hashtag in the graph.
    edges: source, target, count_videos (videos carrying both).
    dropped: hashtag, display, count_videos, reason. Hashtags left out of the graph.
    communities: community_id, community, known_communitytoks (list), hashtags (list, most videos
    first, as displayed).
    """

    hashtags: pd.DataFrame
    edges: pd.DataFrame
    dropped: pd.DataFrame
    communities: pd.DataFrame


def likely_brand_hashtags(videos: pd.DataFrame, handle: str | None) -> list[str]:
    """The captions' hashtags that look like the brand's own, guessed from its account handle."""
    tags = [tag for caption in videos["caption"] for tag in extract_hashtags(caption)]
    return guess_brand_hashtags(list(dict.fromkeys(tags)), handle)


def _fold(tag: str) -> str:
    return "#" + unicodedata.normalize("NFC", tag.strip()).lstrip("#").casefold()


def _spellings(captions: Iterable[object]) -> dict[str, str]:
    """Lower-case hashtag -> its most frequent spelling in the captions ("#hanoitok" -> "#HanoiTok")."""
    counts: Counter[str] = Counter()
    for caption in captions:
        if not isinstance(caption, str):
            continue
        text = unicodedata.normalize("NFC", caption)
        for tag in extract_hashtags(text):
            found = re.search(re.escape(tag) + r"(?!\w)", text, flags=re.IGNORECASE)
            counts[found.group(0) if found else tag] += 1
    best: dict[str, tuple[int, str]] = {}
    for spelling, count in counts.items():
        key = spelling.casefold()
        # Most used first; on a tie, the spelling with capitals (#BookTok over #booktok).
        rank = (count, spelling != key)
        if key not in best or rank > best[key][:2]:
            best[key] = (*rank, spelling)  # type: ignore[assignment]
    return {key: value[-1] for key, value in best.items()}


def _display(tag: str, spellings: dict[str, str]) -> str:
    return _KNOWN.get(tag, spellings.get(tag, tag))


def _community_name(known: list[str], ranked: list[str]) -> str:
    names = known[:2] if known else ranked[:2]
    return " & ".join(names)


def hashtag_communities(
    videos: pd.DataFrame,
    *,
    brand_hashtags: Iterable[str] = (),
    generic_hashtags: Iterable[str] = GENERIC_HASHTAGS,
    min_videos: int = 2,
    seed: int = 0,
) -> HashtagCommunities:
    """Which hashtags travel together in the brand's captions, forming communities?

    `videos` needs video_id and caption (e.g. `video_formats(con)`). Hashtags on fewer than
    `min_videos` videos, generic reach tags and `brand_hashtags` are left out of the graph and
    listed in `dropped` with the reason. Louvain clustering (`seed`) on co-occurrence counts.
    """
    spellings = _spellings(videos["caption"])
    tags_per_video = [extract_hashtags(caption) for caption in videos["caption"]]
    counts = Counter(tag for tags in tags_per_video for tag in tags)
    generic = {_fold(tag) for tag in generic_hashtags}
    brand = {_fold(tag) for tag in brand_hashtags if tag.strip().lstrip("#")}

    reasons: dict[str, str] = {}
    for tag, count in counts.items():
        if tag in generic:
            reasons[tag] = _(DROP_REASONS["generic"])
        elif tag in brand:
            reasons[tag] = _(DROP_REASONS["brand"])
        elif count < min_videos:
            reasons[tag] = _(DROP_REASONS["rare"]).format(min_videos=wording.count(min_videos))
    kept = sorted(tag for tag in counts if tag not in reasons)

    import networkx as nx  # here, not above: a quarter second, for the pages that draw communities only

    graph = nx.Graph()
    graph.add_nodes_from(kept)
    for tags in tags_per_video:
        for source, target in combinations(sorted(set(tags) - set(reasons)), 2):
            weight = graph.get_edge_data(source, target, {"weight": 0})["weight"]
            graph.add_edge(source, target, weight=weight + 1)

    found = nx.community.louvain_communities(graph, weight="weight", seed=seed) if kept else []
    # Biggest community first (videos carrying any of its hashtags), then by its top hashtag.
    sized = []
    for members in found:
        ranked = sorted(members, key=lambda tag: (-counts[tag], tag))
        reach = sum(1 for tags in tags_per_video if members & set(tags))
        sized.append((-reach, ranked[0], ranked))
    sized.sort()

    hashtag_rows, community_rows = [], []
    for community_id, (*_sizes, ranked) in enumerate(sized, start=1):
        displayed = [_display(tag, spellings) for tag in ranked]
        known = [_KNOWN[tag] for tag in ranked if tag in _KNOWN]
        name = _community_name(known, displayed)
        community_rows.append(
            {
                "community_id": community_id,
                "community": name,
                "known_communitytoks": known,
                "hashtags": displayed,
            }
        )
        for tag, shown in zip(ranked, displayed, strict=True):
            hashtag_rows.append(
                {
                    "hashtag": tag,
                    "display": shown,
                    "community_id": community_id,
                    "community": name,
                    "count_videos": counts[tag],
                    "is_known_communitytok": tag in _KNOWN,
                }
            )

    edges = pd.DataFrame(
        [
            {"source": source, "target": target, "count_videos": int(data["weight"])}
            for source, target, data in graph.edges(data=True)
        ],
        columns=["source", "target", "count_videos"],
    )
    edges = edges.sort_values(["count_videos", "source", "target"], ascending=[False, True, True])
    dropped = pd.DataFrame(
        [
            {
                "hashtag": tag,
                "display": _display(tag, spellings),
                "count_videos": counts[tag],
                "reason": reason,
            }
            for tag, reason in reasons.items()
        ],
        columns=["hashtag", "display", "count_videos", "reason"],
    ).sort_values(["count_videos", "hashtag"], ascending=[False, True])
    hashtags = pd.DataFrame(
        hashtag_rows,
        columns=["hashtag", "display", "community_id", "community", "count_videos", "is_known_communitytok"],
    )
    for frame in (hashtags, edges, dropped):
        if "count_videos" in frame:
            frame["count_videos"] = frame["count_videos"].astype("int64")
    return HashtagCommunities(
        hashtags=hashtags.reset_index(drop=True),
        edges=edges.reset_index(drop=True),
        dropped=dropped.reset_index(drop=True),
        communities=pd.DataFrame(
            community_rows, columns=["community_id", "community", "known_communitytoks", "hashtags"]
        ),
    )


def video_communities(videos: pd.DataFrame, found: HashtagCommunities) -> pd.DataFrame:
    """Which communities does each video speak to? One row per (video, community) pair.

    Columns: video_id, community_id, community. A video without any community hashtag has no row.
    """
    lookup = found.hashtags.set_index("hashtag")[["community_id", "community"]]
    pairs = videos[["video_id", "caption"]].assign(hashtag=videos["caption"].map(extract_hashtags))
    pairs = pairs.explode("hashtag").dropna(subset=["hashtag"])
    pairs = pairs.join(lookup, on="hashtag", how="inner")
    pairs = pairs.drop_duplicates(["video_id", "community_id"])
    result = pairs[["video_id", "community_id", "community"]].astype({"community_id": "int64"})
    return result.sort_values(["community_id", "video_id"]).reset_index(drop=True)


def _commenters(
    con: duckdb.DuckDBPyConnection, links: pd.DataFrame, as_of: date | None = None
) -> pd.DataFrame:
    """(member_id, video_id, community_id) for every member comment on a community's video."""
    con.register("community_links", links[["video_id", "community_id"]])
    try:
        return con.execute(
            """
            select distinct comments.member_id, comments.video_id, community_links.community_id
            from comments
            inner join community_links on community_links.video_id = comments.video_id
            where not coalesce(comments.is_brand, false)
                and comments.member_id is not null
                and ($as_of is null or comments.commented_at < $as_of::date + interval 1 day)
            """,
            {"as_of": as_of},
        ).df()
    finally:
        con.unregister("community_links")


def community_summary(
    con: duckdb.DuckDBPyConnection, videos: pd.DataFrame, found: HashtagCommunities
) -> pd.DataFrame:
    """How big is each hashtag community: its videos, views, engagement rate and members?

    `videos` as for `hashtag_communities`, plus total_views and total_engagements. One row per
    community, in community order. Columns: community_id, community, known_communitytoks
    (joined, "" when none), hashtags (joined), count_videos, total_views, engagement_rate (ratio
    of sums over its videos with views), count_members (people who commented on its videos).
    """
    links = video_communities(videos, found)
    stats = links.merge(videos[["video_id", "total_views", "total_engagements"]], on="video_id", how="left")
    rated = (stats["total_views"] > 0).fillna(False) & stats["total_engagements"].notna()
    stats = stats.assign(
        rated_views=stats["total_views"].where(rated, 0).astype(float),
        rated_engagements=stats["total_engagements"].where(rated, 0).astype(float),
    )
    by_community = stats.groupby("community_id").agg(
        count_videos=("video_id", "nunique"),
        total_views=("total_views", "sum"),
        rated_views=("rated_views", "sum"),
        rated_engagements=("rated_engagements", "sum"),
    )
    members = _commenters(con, links).groupby("community_id")["member_id"].nunique()
    table = (
        found.communities.set_index("community_id").join(by_community).join(members.rename("count_members"))
    )
    table = table.reset_index()
    return pd.DataFrame(
        {
            "community_id": table["community_id"].astype("int64"),
            "community": table["community"],
            "known_communitytoks": table["known_communitytoks"].map(", ".join),
            "hashtags": table["hashtags"].map(" ".join),
            "count_videos": table["count_videos"].fillna(0).astype("int64"),
            "total_views": table["total_views"].fillna(0).astype("int64"),
            "engagement_rate": (
                table["rated_engagements"] / table["rated_views"].where(table["rated_views"] > 0)
            ),
            "count_members": table["count_members"].fillna(0).astype("int64"),
        }
    )


def member_communities(
    con: duckdb.DuckDBPyConnection,
    videos: pd.DataFrame,
    found: HashtagCommunities,
    *,
    as_of: date | None = None,
) -> pd.DataFrame:
    """Which hashtag communities does each member engage with (comment on their videos)?

    One row per member who commented on a community's video up to `as_of` (all comments when
    None). Columns: member_id, communities (list of names, most videos first, then community
    order), count_community_videos (list, the videos they commented on in each).
    """
    links = video_communities(videos, found)
    pairs = _commenters(con, links, as_of)
    if pairs.empty:
        return pd.DataFrame({"member_id": [], "communities": [], "count_community_videos": []})
    counts = pairs.groupby(["member_id", "community_id"]).size().rename("count_videos").reset_index()
    counts = counts.merge(found.communities[["community_id", "community"]], on="community_id")
    counts = counts.sort_values(["member_id", "count_videos", "community_id"], ascending=[True, False, True])
    grouped = counts.groupby("member_id", sort=True).agg(
        communities=("community", list), count_community_videos=("count_videos", list)
    )
    grouped["count_community_videos"] = grouped["count_community_videos"].map(
        lambda values: [int(v) for v in values]
    )
    return grouped.reset_index()


# The biggest community's sentence: led by members (or views, without comments), then how its engagement
# rate compares. Whole sentences, so each language orders its words its own way.
BIGGEST_SENTENCES: dict[tuple[str, str], str] = {
    ("members", "alone"): N_("{community} brings the most members ({members} who comment, on {videos})."),
    ("members", "best"): N_(
        "{community} brings the most members ({members} who comment, on {videos}) and the highest "
        "engagement rate ({rate})."
    ),
    ("members", "close"): N_(
        "{community} brings the most members ({members} who comment, on {videos}); engagement rates are "
        "close across communities ({low} to {high})."
    ),
    ("members", "other"): N_(
        "{community} brings the most members ({members} who comment, on {videos}); {best} earns the highest "
        "engagement rate ({best_rate} against {rate})."
    ),
    ("views", "alone"): N_("{community} draws the most views ({views} on {videos})."),
    ("views", "best"): N_(
        "{community} draws the most views ({views} on {videos}) and the highest engagement rate ({rate})."
    ),
    ("views", "close"): N_(
        "{community} draws the most views ({views} on {videos}); engagement rates are close across "
        "communities ({low} to {high})."
    ),
    ("views", "other"): N_(
        "{community} draws the most views ({views} on {videos}); {best} earns the highest engagement rate "
        "({best_rate} against {rate})."
    ),
}


def _videos(count: int) -> str:
    return ngettext("{count} video", "{count} videos", count).format(count=wording.count(count))


def community_takeaway(summary: pd.DataFrame) -> str:
    """One sentence a marketer can say to a client about the hashtag communities."""
    if summary.empty:
        return _("No hashtag is shared by enough videos to form a community yet.")
    if len(summary) == 1:
        row = summary.iloc[0]
        if not row["count_members"]:
            return _(
                "Your captions form one hashtag community, {community}: {videos}. Upload a comments export to "
                "see who comments on them."
            ).format(community=row["community"], videos=_videos(row["count_videos"]))
        # Translators: {videos} is "3 videos", {members} is "2 members".
        return _(
            "Your captions form one hashtag community, {community}: {videos} and {members} who comment on them."
        ).format(
            community=row["community"],
            videos=_videos(row["count_videos"]),
            members=ngettext("{count} member", "{count} members", row["count_members"]).format(
                count=wording.count(row["count_members"])
            ),
        )
    # No comments loaded: "brings the most members (0 who comment)" claimed what no file shows.
    lead = "members" if summary["count_members"].fillna(0).any() else "views"
    ranked_by = "count_members" if lead == "members" else "total_views"
    biggest = summary.sort_values([ranked_by, "community_id"], ascending=[False, True]).iloc[0]
    said = {
        "community": biggest["community"],
        "members": wording.count(biggest["count_members"]),
        "views": wording.count(biggest["total_views"]),
        "videos": _videos(biggest["count_videos"]),
        "rate": wording.percent(biggest["engagement_rate"])
        if not pd.isna(biggest["engagement_rate"])
        else "—",
    }
    clause = "alone"
    rated = summary.dropna(subset=["engagement_rate"])
    if len(rated) > 1:
        best = rated.sort_values(["engagement_rate", "community_id"], ascending=[False, True]).iloc[0]
        said |= {
            "best": best["community"],
            "best_rate": wording.percent(best["engagement_rate"]),
            "low": wording.percent(rated["engagement_rate"].min()),
            "high": wording.percent(rated["engagement_rate"].max()),
        }
        if best["community_id"] == biggest["community_id"]:
            clause = "best"
        elif best["engagement_rate"] < 1.15 * biggest["engagement_rate"]:
            # A few tenths of a point between communities is within what luck moves a rate.
            clause = "close"
        else:
            clause = "other"
    sentences = [
        ngettext(
            "Your captions gather {count} hashtag community.",
            "Your captions gather {count} hashtag communities.",
            len(summary),
        ).format(count=wording.count(len(summary))),
        _(BIGGEST_SENTENCES[lead, clause]).format(**said),
    ]
    if lead == "views":
        sentences.append(_("Upload a comments export to see who comments in each."))
    return " ".join(sentences)
