"""Vietnamese hints of an interaction format (see analytics.format_hints for the rules of this file)."""

from analytics.format_hints import hint

# fmt: off
HINTS = [
]
# fmt: on
