"""Stored codes and their display names: the one list a translator reads for them.

Stored values, files the app writes for machines and the command line's machine columns keep these
English codes; screens, decks and reports show `term(kind, code)` in the reader's language. A code
missing here is shown as it is (a marketer's own format name, say).
"""

from analytics.i18n import C_

FORMATS = [
    C_("format", "Tutorial"),
    C_("format", "Challenge"),
    C_("format", "LIVE Q&A"),
    C_("format", "Mini game"),
    C_("format", "Storytelling"),
    C_("format", "Behind the scenes"),
    C_("format", "Duet / Stitch / UGC"),
    C_("format", "Collab"),
    C_("format", "Product"),
    C_("format", "Other"),
]
TIERS = [
    C_("tier", "Champion"),
    C_("tier", "Loyal"),
    C_("tier", "At risk"),
    C_("tier", "Lapsed"),
    C_("tier", "New"),
    C_("tier", "Regular"),
    C_("tier", "One-time"),
]
SENTIMENTS = [C_("sentiment", "positive"), C_("sentiment", "neutral"), C_("sentiment", "negative")]
CONFIDENCES = [C_("confidence", "sure"), C_("confidence", "likely"), C_("confidence", "guess")]
