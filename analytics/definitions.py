"""The definition of every number the app shows, in a marketer's words.

Written once here (from the project's metrics specification) and shown next to the
number on every page, in decks and in the command line's output, so a client never
has to guess which of the tools' many "engagement rates" this is.
"""

from __future__ import annotations

DEFINITIONS: dict[str, tuple[str, str]] = {
    "video_views": (
        "Video views",
        "Views of all your videos on these days, as TikTok counts them (daily Overview export).",
    ),
    "profile_views": ("Profile views", "Visits to your TikTok profile on these days."),
    "engagements": (
        "Engagements",
        "Likes + comments + shares on these days. Saves are not included (TikTok Studio does not export them per day).",
    ),
    "engagement_rate": (
        "Engagement rate",
        "Engagements ÷ video views, as a ratio of sums over the period (not an average of daily or per-video rates). "
        "It counts every view and engagement on the period's days, old videos included; the Interaction formats "
        "page divides the lifetime numbers of the videos posted in the period, so its rate differs.",
    ),
    "follower_growth": (
        "Follower growth",
        "Followers on the last day minus followers on the first day of the period; the % is that change as a share "
        "of the first day's followers.",
    ),
    "new_viewers": (
        "New viewers",
        "People who watched your videos for the first time in the last year, summed over days (one person on three days counts three times).",
    ),
    "returning_viewers": ("Returning viewers", "People who had watched before, summed over days."),
    "new_viewer_share": ("Share of new viewers", "New viewers ÷ (new + returning viewers), over the period."),
    "completion_rate": (
        "Completion rate",
        "Share of views that watched the whole video, weighted by views, over videos posted in the period (from your video detail sheet).",
    ),
    "average_watch_seconds": (
        "Average watch time",
        "Seconds watched per view, weighted by views, over videos posted in the period (from your video detail sheet).",
    ),
    "shares_per_1000_views": ("Shares per 1,000 views", "Shares ÷ views × 1,000."),
    "follows_per_1000_views": (
        "Follows per 1,000 views",
        "New followers attributed to the videos ÷ their views × 1,000.",
    ),
    "positive_response_rate": (
        "Positive response rate",
        "Positive comments ÷ all comments with a sentiment label (positive + neutral + negative).",
    ),
    "reply_rate": (
        "Reply rate",
        "Top-level member comments that got a reply from the brand ÷ all top-level member comments.",
    ),
    "time_to_first_reply": (
        "Time to first reply",
        "Median (not mean) hours from a member's comment to the brand's first reply.",
    ),
    "change": (
        "Change",
        "Against the period before the chosen one: the same number of days just before (the 28 days before a "
        "28-day period), the month before a calendar month, the same days of the month before a month so far. "
        "Counts over periods the files cover for different numbers of days (months differ in length) are "
        "compared as daily averages.",
    ),
}


def label(metric: str) -> str:
    return DEFINITIONS[metric][0]


def definition(metric: str) -> str:
    return DEFINITIONS[metric][1]


# Every column a marketer sees, by its stored name: the same header on a page's table, in its CSV
# download and in the deck's tables. Stored names stay stable English codes.
COLUMN_LABELS: dict[str, str] = {
    "member": "Member",
    "tier": "Tier",
    "reason": "Why this tier",
    "count_comments": "Comments",
    "count_videos": "Videos",
    "active_weeks": "Active weeks",
    "active_days": "Active days",
    "first_seen_at": "First seen",
    "last_seen_at": "Last seen",
    "days_since_last": "Days since last comment",
    "total_likes_received": "Likes received",
    "count_brand_replies_received": "Brand replies received",
    "positive_response_rate": "Positive comments",
    "communities": "Hashtag communities",
    "usual_format": "Format they usually answer",
    "last_comment_text": "Last comment",
    "ambassador_score": "Ambassador score",
    "likes_per_comment": "Likes per comment",
    "profile_link": "Profile",
    "video_link": "Last video",
    "contact_status": "Follow-up",
    "format": "Format",
    "total_views": "Views",
    "engagement_rate": "Engagement rate",
    "median_engagement_rate": "Typical video",
    "shares_per_1000_views": "Shares /1k",
    "comments_per_1000_views": "Comments /1k",
    "completion_rate": "Completion",
    "average_watch_seconds": "Watch (s)",
    "follows_per_1000_views": "Follows /1k",
}
