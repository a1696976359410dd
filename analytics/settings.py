"""The analysis settings every page, the deck and the command line share, in one place.

How many videos a group needs before its rate is compared, how sure an interval is, how many
bootstrap redraws it takes and from which seed, how fast old activity fades in a member's score.
Every default in the library reads from `SETTINGS`, and every sentence that names one ("95%
range", "2,000 redraws", "5 videos") is written from it, so changing a setting changes the
numbers and their words together (`stats.level(SETTINGS.confidence)` writes the level: "95%").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # A group (a format, a posting slot, a What-if group) with fewer videos than this is shown grey
    # and never headlined: a rate measured on three videos is luck.
    min_videos: int = 5
    # How sure an interval is: a rate lands inside it this often when the same videos are drawn again.
    confidence: float = 0.95
    # Bootstrap redraws of the videos behind each interval, from a seeded generator: the same data
    # gives the same interval on every page, in the deck and on the command line.
    n_boot: int = 2000
    seed: int = 0
    # A member's score: active days in each 30-day month, each month before weighing `decay` times
    # the one after it, over `score_months` months (Orbit's decayed activity).
    decay: float = 0.9
    score_months: int = 12
    # A share of comments (a sentiment or reply rate) measured on fewer comments than this is
    # "too few to say".
    min_comments: int = 30


SETTINGS = Settings()
