"""What the marketer told us about their formats, remembered between visits.

Three preferences, each in its own JSON file beside the remembered column mappings (the folder
of `COMMUNITYLENS_HOME`, default `~/.communitylens`), so a damaged file costs one preference, not all:

- `format_overrides.json`: video id -> the format set by hand ("this one is a Challenge").
  Video ids are TikTok's, unique across accounts, so one file serves every brand.
- `format_rules.json`: the caption rules as edited on the page (format -> words and hashtags,
  in order of precedence). The marketer's own taxonomy, shared by every brand they look at.
- `format_series.json`: series rules, hashtag -> format ("#phintips" is always a Tutorial), for
  this client's present and future videos, in the order they were made.
- `brand_hashtags.json`: account handle -> the hashtags the marketer calls the brand's own.
- `brand_accounts.json`: the marketer's answer to "which of these commenters is you?" on the
  Members page: the member ids (TikTok user ids, else handles) that are the brand and that are not.
- `tier_rules.json`: the tier thresholds chosen for this client on the Members page.
- `report_settings.json`: the Report page's client name, logo (base64), colour and sections.
- `pseudonym_salt.json`: the secret that turns a member's handle into the same pseudonym in
  every monthly deck of this client (created once).

Every one of them is a client's own when read through that client's `Memory` (see below); only
the column mappings stay shared by every client, as they describe a tool's layout.

Reading never fails: a missing, unreadable or malformed file (or a value of the wrong shape) reads
as "nothing remembered". Writing never fails either: a read-only disk only means the choice is
kept for the session, and the functions say so by returning False. Writes go to a temporary file
first and replace the old one in one step, so an app stopped mid-write never leaves half a file.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Protocol

import pandas as pd

from analytics.members import TierRules
from analytics.workspace import mapping_memory_path

OVERRIDES_FILE = "format_overrides.json"
RULES_FILE = "format_rules.json"
SERIES_FILE = "format_series.json"
BRAND_HASHTAGS_FILE = "brand_hashtags.json"

# The rules editor's two columns: a format, and its patterns joined by ", ".
RULE_COLUMNS = ["format", "patterns"]


def preferences_folder() -> Path:
    """The folder every remembered choice lives in (the column mappings' folder)."""
    return mapping_memory_path().parent


# ---------------------------------------------------------------- reading and writing JSON


class Memory(Protocol):
    """Where remembered choices live: a name -> JSON-like value store.

    `FolderMemory` keeps JSON files in a folder (the shared column-mapping folder, or the CLI without
    a client); `SessionMemory` keeps them for one browser session only (the demo writes nothing); a
    client's memory lives in the client store (`analytics.store`), so one client's choices never
    reach another's screen. `read` gives None when nothing is remembered; `write` gives False when
    the choice could not be kept beyond the session.
    """

    def read(self, name: str) -> object: ...

    def write(self, name: str, value: object) -> bool: ...


@dataclass
class FolderMemory:
    """JSON files in `folder`, one per preference, each replaced in one step."""

    folder: Path

    def read(self, name: str) -> object:
        try:
            return json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write(self, name: str, value: object) -> bool:
        if value is None:  # forgotten: no file rather than a file saying "null"
            try:
                (self.folder / name).unlink(missing_ok=True)
            except OSError:
                return False
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    json.dump(value, file, ensure_ascii=False, indent=1)
                os.replace(temporary, self.folder / name)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True


@dataclass
class SessionMemory:
    """Choices kept for this session only (the demo brand): nothing is written to disk."""

    values: dict[str, object] = field(default_factory=dict)

    def read(self, name: str) -> object:
        return json.loads(json.dumps(self.values[name])) if name in self.values else None

    def write(self, name: str, value: object) -> bool:
        self.values[name] = json.loads(json.dumps(value))
        return True


def shared_memory() -> FolderMemory:
    """The memory outside any client: the folder of `COMMUNITYLENS_HOME`."""
    return FolderMemory(preferences_folder())


def _read(name: str, memory: Memory | None = None) -> object:
    return (memory or shared_memory()).read(name)


def _write(name: str, value: object, memory: Memory | None = None) -> bool:
    return (memory or shared_memory()).write(name, value)


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


# ---------------------------------------------------------------- format overrides


def clean_overrides(value: object) -> dict[str, str]:
    """Only the well-formed entries of a stored overrides object: non-empty id -> non-empty format."""
    if not isinstance(value, Mapping):
        return {}
    cleaned = {_text(video_id): _text(name) for video_id, name in value.items()}
    return {video_id: name for video_id, name in cleaned.items() if video_id and name}


def load_format_overrides(memory: Memory | None = None) -> dict[str, str]:
    """The formats the marketer set by hand, per video id; {} when none are remembered."""
    return clean_overrides(_read(OVERRIDES_FILE, memory))


def save_format_overrides(overrides: Mapping[str, str], memory: Memory | None = None) -> bool:
    """Remember these hand-set formats (replacing the stored ones). False if the disk refused."""
    return _write(OVERRIDES_FILE, clean_overrides(overrides), memory)


def with_overrides(
    overrides: Mapping[str, str], video_ids: Iterable[object], name: str | None
) -> dict[str, str]:
    """The overrides with these videos set to format `name`, or given back to the rules when `name` is None."""
    updated = dict(overrides)
    for video_id in video_ids:
        if name:
            updated[str(video_id)] = name
        else:
            updated.pop(str(video_id), None)
    return updated


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def captions_containing(captions: pd.Series, text: str) -> pd.Series:
    """Which captions contain `text`, ignoring case ("giveaway" finds "#Giveaway"). Empty text finds none."""
    needle = _folded(text.strip())
    if not needle:
        return pd.Series(False, index=captions.index)
    return captions.map(lambda caption: isinstance(caption, str) and needle in _folded(caption)).astype(bool)


# ---------------------------------------------------------------- series rules


def series_hashtag(text: object) -> str:
    """A hashtag as series rules key it: '#' and lower case ("#PhinTips" and "phintips" are "#phintips")."""
    tag = unicodedata.normalize("NFC", _text(text)).lstrip("#").lower()
    return "#" + tag if tag and " " not in tag else ""


def clean_series(value: object) -> dict[str, str]:
    """Only the well-formed entries of a stored series object: a hashtag -> a non-empty format."""
    if not isinstance(value, Mapping):
        return {}
    cleaned = {series_hashtag(tag): _text(name) for tag, name in value.items()}
    return {tag: name for tag, name in cleaned.items() if tag and name}


def load_series_rules(memory: Memory | None = None) -> dict[str, str]:
    """The series rules of this client: hashtag -> the format of every video carrying it; {} when none."""
    return clean_series(_read(SERIES_FILE, memory))


def save_series_rules(series: Mapping[str, str], memory: Memory | None = None) -> bool:
    """Remember these series rules (replacing the stored ones). False if the disk refused."""
    return _write(SERIES_FILE, clean_series(series), memory)


def with_series(series: Mapping[str, str], hashtag: str, name: str | None) -> dict[str, str]:
    """The series rules with `hashtag` always format `name`, or without a rule for it when `name` is None."""
    updated = {tag: value for tag, value in series.items() if tag != series_hashtag(hashtag)}
    if name and series_hashtag(hashtag):
        updated[series_hashtag(hashtag)] = name
    return updated


# ---------------------------------------------------------------- caption rules


def clean_rules(value: object) -> dict[str, list[str]] | None:
    """A stored rules object as format -> patterns, or None when it is not one (so defaults apply).

    Blank patterns are dropped and duplicates kept once; a format left with no pattern is kept (the
    marketer may have emptied it on purpose, and an empty format simply never matches).
    """
    if not isinstance(value, Mapping) or not value:
        return None
    rules: dict[str, list[str]] = {}
    for name, patterns in value.items():
        if not _text(name) or not isinstance(patterns, list):
            return None
        kept = [_text(pattern) for pattern in patterns if _text(pattern)]
        rules[_text(name)] = list(dict.fromkeys([*rules.get(_text(name), []), *kept]))
    return rules


def load_format_rules(memory: Memory | None = None) -> dict[str, list[str]] | None:
    """The caption rules as the marketer last edited them, or None to use the defaults."""
    return clean_rules(_read(RULES_FILE, memory))


def save_format_rules(rules: Mapping[str, Sequence[str]] | None, memory: Memory | None = None) -> bool:
    """Remember these rules; None forgets them (back to the defaults). False if the disk refused."""
    if rules is None:
        return _write(RULES_FILE, None, memory)
    return _write(
        RULES_FILE, clean_rules({name: list(patterns) for name, patterns in rules.items()}) or {}, memory
    )


def rules_table(rules: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """The rules as an editable table: one row per format, its patterns joined by ", "."""
    return pd.DataFrame(
        [{"format": name, "patterns": ", ".join(patterns)} for name, patterns in rules.items()],
        columns=RULE_COLUMNS,
    )


def rules_from_table(table: pd.DataFrame) -> dict[str, list[str]]:
    """The rules an edited table describes: rows in order, blank formats dropped, commas split patterns."""
    rules: dict[str, list[str]] = {}
    for name, patterns in zip(table["format"], table["patterns"], strict=True):
        if not _text(name):
            continue
        split = [_text(part) for part in str(patterns).split(",")] if isinstance(patterns, str) else []
        rules[_text(name)] = list(dict.fromkeys([*rules.get(_text(name), []), *(p for p in split if p)]))
    return rules


# ---------------------------------------------------------------- brand hashtags


def _letters(text: str) -> str:
    return "".join(char for char in _folded(text) if char.isalnum())


def guess_brand_hashtags(hashtags: Iterable[str], handle: str | None) -> list[str]:
    """Which of these hashtags look like the brand's own, from the account handle's letters?

    A hashtag is the brand's when it contains the handle's letters ("phincocoffee" in
    #phincocoffeevn), contains its first word of 4+ letters ("phinco" in #phincovn), or is a
    beginning of 5+ letters of the handle (#phinco for @phinco.coffee). Generic words inside a
    handle (#coffee) are not beginnings, so they are never taken. Order kept, duplicates dropped.
    """
    if not handle or not _letters(handle):
        return []
    whole = _letters(handle)
    words = [_letters(word) for word in re.split(r"[._\-\s]+", handle.lstrip("@")) if _letters(word)]
    first = words[0] if words and len(words[0]) >= 4 else None
    found = []
    for hashtag in hashtags:
        letters = _letters(hashtag)
        if not letters:
            continue
        if (
            whole in letters
            or (first and first in letters)
            or (len(letters) >= 5 and whole.startswith(letters))
        ):
            found.append(hashtag)
    return list(dict.fromkeys(found))


def parse_hashtags(text: str) -> list[str]:
    """Hashtags typed by the marketer ("#phinco, phincocoffee #PhinCo") as '#lower-case', once each."""
    tags = [part.lstrip("#") for part in re.split(r"[\s,;]+", unicodedata.normalize("NFC", text))]
    return list(dict.fromkeys("#" + tag.casefold() for tag in tags if tag))


def load_brand_hashtags(handle: str | None, memory: Memory | None = None) -> list[str] | None:
    """The brand hashtags the marketer named for this account, or None when never named."""
    stored = _read(BRAND_HASHTAGS_FILE, memory)
    if not handle or not isinstance(stored, Mapping):
        return None
    tags = stored.get(handle.lstrip("@").casefold())
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return None
    return parse_hashtags(" ".join(tags))


def save_brand_hashtags(handle: str | None, hashtags: Sequence[str], memory: Memory | None = None) -> bool:
    """Remember the brand hashtags of this account (other accounts' are kept). False if not saved."""
    if not handle:
        return False
    stored = _read(BRAND_HASHTAGS_FILE, memory)
    stored = dict(stored) if isinstance(stored, Mapping) else {}
    stored[handle.lstrip("@").casefold()] = parse_hashtags(" ".join(hashtags))
    return _write(BRAND_HASHTAGS_FILE, stored, memory)


# ---------------------------------------------------------------- sentiment corrections and brand lexicon


def load_sentiment_edits(memory: Memory | None = None) -> dict[str, dict]:
    """The labels corrected by hand (comment id -> label) and the brand's own words (word -> valence)."""
    stored = _read("sentiment_edits.json", memory)
    stored = stored if isinstance(stored, dict) else {}
    corrections = stored.get("corrections")
    corrections = corrections if isinstance(corrections, dict) else {}
    lexicon = stored.get("lexicon")
    lexicon = lexicon if isinstance(lexicon, dict) else {}
    return {
        "corrections": {
            str(key): value
            for key, value in corrections.items()
            if value in ("positive", "neutral", "negative")
        },
        "lexicon": {
            str(word): float(value)
            for word, value in lexicon.items()
            if isinstance(value, int | float) and -4 <= value <= 4
        },
    }


def save_sentiment_edits(
    corrections: Mapping[str, str], lexicon: Mapping[str, float], memory: Memory | None = None
) -> bool:
    """Remember these corrections and words (replacing the stored ones). False if the disk refused."""
    return _write(
        "sentiment_edits.json", {"corrections": dict(corrections), "lexicon": dict(lexicon)}, memory
    )


# ---------------------------------------------------------------- the brand's own commenting account

BRAND_ACCOUNTS_FILE = "brand_accounts.json"


def _ids(value: object) -> set[str]:
    return {_text(item) for item in value if _text(item)} if isinstance(value, list) else set()


def load_brand_answer(memory: Memory | None = None) -> tuple[set[str], set[str]]:
    """The member ids the marketer said are their own account, and those they said are not."""
    stored = _read(BRAND_ACCOUNTS_FILE, memory)
    stored = stored if isinstance(stored, Mapping) else {}
    accounts = _ids(stored.get("is"))
    return accounts, _ids(stored.get("is_not")) - accounts


def save_brand_answer(
    accounts: Iterable[str], not_accounts: Iterable[str], memory: Memory | None = None
) -> bool:
    """Remember which commenters are the brand and which are not (replacing the stored answer)."""
    accounts = {str(item) for item in accounts if str(item).strip()}
    not_accounts = {str(item) for item in not_accounts if str(item).strip()} - accounts
    return _write(BRAND_ACCOUNTS_FILE, {"is": sorted(accounts), "is_not": sorted(not_accounts)}, memory)


# ---------------------------------------------------------------- tier thresholds

TIER_RULES_FILE = "tier_rules.json"


def clean_tier_rules(value: object) -> TierRules | None:
    """A stored thresholds object as `TierRules`, or None when it is not one (so the defaults apply).

    Every threshold of `TierRules` must be there, as a whole number TierRules accepts: a half-valid
    object is not guessed at, since one missing bar would silently move members between tiers.
    """
    names = [item.name for item in fields(TierRules)]
    if not isinstance(value, Mapping) or set(value) != set(names):
        return None
    numbers = [value[name] for name in names]
    if not all(isinstance(number, int) and not isinstance(number, bool) for number in numbers):
        return None
    try:
        return TierRules(**dict(zip(names, numbers, strict=True)))
    except ValueError:
        return None


def load_tier_rules(memory: Memory | None = None) -> TierRules | None:
    """The tier thresholds chosen for this client, or None to use the defaults of metrics.md."""
    return clean_tier_rules(_read(TIER_RULES_FILE, memory))


def save_tier_rules(rules: TierRules | None, memory: Memory | None = None) -> bool:
    """Remember these thresholds; None forgets them (back to the defaults). False if not saved."""
    return _write(TIER_RULES_FILE, None if rules is None else asdict(rules), memory)


# ---------------------------------------------------------------- report settings

REPORT_SETTINGS_FILE = "report_settings.json"
MAX_LOGO_BYTES = 1_000_000
MAX_CLIENT_NAME = 80
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def image_kind(data: bytes | None) -> str | None:
    """ "png" or "jpeg" by the file's first bytes; None for anything else (an SVG could carry a script)."""
    if not data:
        return None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


MAX_LOGO_PIXELS = 4096 * 4096


def logo_problem(data: bytes) -> str | None:
    """Why this file cannot be the report's logo, in a sentence; None when it can.

    A PNG or JPEG by its first bytes, of at most 1 MB, that decodes whole (a damaged file would
    show as a broken picture in the deck) and is at most 4096 × 4096 pixels (a small file can
    unpack into gigabytes of pixels).
    """
    if image_kind(data) is None:
        return "That logo is not a PNG or JPEG image, so the report goes without one."
    if len(data) > MAX_LOGO_BYTES:
        return f"That logo is {len(data) / 1_000_000:.1f} MB; logos up to 1 MB are kept, so the report goes without one."
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                return (
                    f"That logo is {image.width:,} × {image.height:,} pixels; logos up to 4096 × 4096 are kept, "
                    "so the report goes without one."
                )
            image.load()
    except (OSError, ValueError, Image.DecompressionBombError):
        return "That logo is a damaged image file (it cannot be opened), so the report goes without one."
    return None


def clean_report_settings(value: object, sections: Iterable[str] | None = None) -> dict:
    """The well-formed settings of a stored report settings object; a bad one is dropped, not guessed.

    Keys kept: `client` (text, up to 80 characters), `logo` (the image's bytes: stored as base64 of
    a PNG or JPEG of at most 1 MB), `color` ("#rrggbb", lower case) and `sections` (a non-empty list
    of section keys, each once; all of them among `sections` when given).
    """
    if not isinstance(value, Mapping):
        return {}
    cleaned: dict = {}
    client = value.get("client")
    if isinstance(client, str) and len(_text(client)) <= MAX_CLIENT_NAME:
        cleaned["client"] = _text(client)
    logo = value.get("logo")
    if isinstance(logo, str):
        try:
            data = base64.b64decode(logo, validate=True)
        except ValueError:
            data = b""
        if data and logo_problem(data) is None:
            cleaned["logo"] = data
    colour = value.get("color")
    if isinstance(colour, str) and _COLOUR.fullmatch(colour):
        cleaned["color"] = colour.lower()
    chosen = value.get("sections")
    if isinstance(chosen, list) and all(isinstance(name, str) for name in chosen):
        known = None if sections is None else set(sections)
        kept = [name for name in dict.fromkeys(chosen) if known is None or name in known]
        if kept and len(kept) == len(chosen):
            cleaned["sections"] = kept
    return cleaned


def load_report_settings(memory: Memory | None = None, sections: Iterable[str] | None = None) -> dict:
    """The report settings remembered for this client (see `clean_report_settings`); {} when none."""
    return clean_report_settings(_read(REPORT_SETTINGS_FILE, memory), sections)


def save_report_settings(settings: Mapping[str, object], memory: Memory | None = None) -> bool:
    """Remember these report settings, merged over the stored ones (a None value forgets one)."""
    stored = load_report_settings(memory)
    stored.update(settings)
    stored = {key: value for key, value in stored.items() if value is not None}
    if isinstance(stored.get("logo"), bytes):
        stored["logo"] = base64.b64encode(stored["logo"]).decode("ascii")
    cleaned = clean_report_settings(stored)
    if isinstance(cleaned.get("logo"), bytes):
        cleaned["logo"] = stored["logo"]
    return _write(REPORT_SETTINGS_FILE, cleaned, memory)


# ---------------------------------------------------------------- pseudonym salt

SALT_FILE = "pseudonym_salt.json"
_SALT = re.compile(r"[0-9a-f]{32,128}")


def clean_salt(value: object) -> str | None:
    """A stored salt: 32 to 128 lower-case hex digits (as `secrets.token_hex` makes), else None."""
    return value if isinstance(value, str) and _SALT.fullmatch(value) else None


def pseudonym_salt(memory: Memory | None = None) -> str:
    """This client's pseudonym secret: read, or made once and stored, so a member keeps one pseudonym.

    The same member is then "member-3f9a…" in March's deck and in April's. If it cannot be stored
    (read-only disk), a fresh one is given: pseudonyms then hold for this session only.
    """
    salt = clean_salt(_read(SALT_FILE, memory))
    if salt is None:
        salt = secrets.token_hex(16)
        _write(SALT_FILE, salt, memory)
        # Read back: when two programs make one at once, both use the one that was kept.
        salt = clean_salt(_read(SALT_FILE, memory)) or salt
    return salt
