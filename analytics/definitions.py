"""The definition of every number the app shows, in a marketer's words.

Written once here (from the project's metrics specification) and shown next to the
number on every page, in decks and in the command line's output, so a client never
has to guess which of the tools' many "engagement rates" this is.

The English texts are stored here (marked for the catalog, never translated at import: the language
is per run); `definition(key)`, `label(key)` and `column_label(key)` give them in this run's language.
The keys are stable codes, read by the deck and the command line as well.
"""

from __future__ import annotations

from analytics.i18n import N_, _

DEFINITIONS: dict[str, tuple[str, str]] = {
    "video_views": (
        N_("Video views"),
        N_("Views of all your videos on these days, as TikTok counts them (daily Overview export)."),
    ),
    "profile_views": (N_("Profile views"), N_("Visits to your TikTok profile on these days.")),
    "engagements": (
        N_("Engagements"),
        N_(
            "Likes + comments + shares on these days. Saves are not included (TikTok Studio does not export them per day)."
        ),
    ),
    "engagement_rate": (
        N_("Engagement rate"),
        N_(
            "Engagements ÷ video views, as a ratio of sums over the period (not an average of daily or per-video rates). "
            "It counts every view and engagement on the period's days, old videos included; the Interaction formats "
            "page divides the lifetime numbers of the videos posted in the period, so its rate differs."
        ),
    ),
    "follower_growth": (
        N_("Follower growth"),
        N_(
            "Followers on the last day minus followers on the first day of the period; the % is that change as a share "
            "of the first day's followers."
        ),
    ),
    "new_viewers": (
        N_("New viewers"),
        N_(
            "People who watched your videos for the first time in the last year, summed over days (one person on three days counts three times)."
        ),
    ),
    "returning_viewers": (N_("Returning viewers"), N_("People who had watched before, summed over days.")),
    "new_viewer_share": (
        N_("Share of new viewers"),
        N_("New viewers ÷ (new + returning viewers), over the period."),
    ),
    "completion_rate": (
        N_("Completion rate"),
        N_(
            "Share of views that watched the whole video, weighted by views, over videos posted in the period (from your video detail sheet)."
        ),
    ),
    "average_watch_seconds": (
        N_("Average watch time"),
        N_(
            "Seconds watched per view, weighted by views, over videos posted in the period (from your video detail sheet)."
        ),
    ),
    "shares_per_1000_views": (N_("Shares per 1,000 views"), N_("Shares ÷ views × 1,000.")),
    "follows_per_1000_views": (
        N_("Follows per 1,000 views"),
        N_("New followers attributed to the videos ÷ their views × 1,000."),
    ),
    "positive_response_rate": (
        N_("Positive response rate"),
        N_("Positive comments ÷ all comments with a sentiment label (positive + neutral + negative)."),
    ),
    "reply_rate": (
        N_("Reply rate"),
        N_("Top-level member comments that got a reply from the brand ÷ all top-level member comments."),
    ),
    "time_to_first_reply": (
        N_("Time to first reply"),
        N_("Median (not mean) hours from a member's comment to the brand's first reply."),
    ),
    "change": (
        N_("Change"),
        N_(
            "Against the period before the chosen one: the same number of days just before (the 28 days before a "
            "28-day period), the month before a calendar month, the same days of the month before a month so far. "
            "Counts over periods the files cover for different numbers of days (months differ in length) are "
            "compared as daily averages."
        ),
    ),
}


def definition(metric: str) -> tuple[str, str]:
    """A number's name and definition in this run's language: ("Taux d'engagement", "Engagements ÷ …")."""
    name, text = DEFINITIONS[metric]
    return _(name), _(text)


def label(metric: str) -> str:
    """A number's name in this run's language."""
    return _(DEFINITIONS[metric][0])


def column_label(column: str) -> str:
    """A table column's header in this run's language (a column without one keeps its stored name)."""
    english = COLUMN_LABELS.get(column)
    return column if english is None else _(english)


# Every column a marketer sees, by its stored name: the same header on a page's table, in its CSV
# download and in the deck's tables. Stored names stay stable English codes; the headers are
# translated where shown (`_(COLUMN_LABELS[column])`).
COLUMN_LABELS: dict[str, str] = {
    "member": N_("Member"),
    "tier": N_("Tier"),
    "reason": N_("Why this tier"),
    "count_comments": N_("Comments"),
    "count_videos": N_("Videos"),
    "active_weeks": N_("Active weeks"),
    "active_days": N_("Active days"),
    "first_seen_at": N_("First seen"),
    "last_seen_at": N_("Last seen"),
    "days_since_last": N_("Days since last comment"),
    "total_likes_received": N_("Likes received"),
    "count_brand_replies_received": N_("Brand replies received"),
    "positive_response_rate": N_("Positive comments"),
    "communities": N_("Hashtag communities"),
    "usual_format": N_("Format they usually answer"),
    "last_comment_text": N_("Last comment"),
    "ambassador_score": N_("Ambassador score"),
    "likes_per_comment": N_("Likes per comment"),
    "profile_link": N_("Profile"),
    "video_link": N_("Last video"),
    "contact_status": N_("Follow-up"),
    "format": N_("Format"),
    "total_views": N_("Views"),
    "engagement_rate": N_("Engagement rate"),
    "median_engagement_rate": N_("Typical video"),
    "shares_per_1000_views": N_("Shares /1k"),
    "comments_per_1000_views": N_("Comments /1k"),
    "completion_rate": N_("Completion"),
    "average_watch_seconds": N_("Watch (s)"),
    "follows_per_1000_views": N_("Follows /1k"),
}
