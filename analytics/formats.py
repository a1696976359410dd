"""Which interaction formats (Tutorial, Challenge, LIVE Q&A, ...) earn the brand the most engagement.

The code lives in modules of one concern, and this module gathers them for its callers:
`analytics.captions` (the caption rules and classification), `analytics.format_stats` (each video's
format, per-format statistics, comparisons, months), `analytics.hashtags`, `analytics.posting_times`;
the intervals themselves come from `analytics.stats`.
"""

from __future__ import annotations

from analytics.captions import (  # noqa: F401
    DEFAULT_RULES,
    FORMATS,
    Rules,
    classify_caption,
    normalize_format_name,
)
from analytics.format_stats import (  # noqa: F401
    _PLURALS,
    FORMAT_COLUMNS,
    PUBLISHED_CLAIMS,
    SMALL_SAMPLE_NOTE,
    SUMMARY_COLUMNS,
    compare_rates,
    engagement_by_format,
    format_takeaway,
    formats_by_month,
    video_formats,
)
from analytics.hashtags import extract_hashtags, hashtag_performance  # noqa: F401
from analytics.posting_times import WEEKDAYS, best_posting_slots, posting_time_performance  # noqa: F401
