"""What the marketer told us about their formats, remembered between visits.

Three preferences, each in its own JSON file beside the remembered column mappings (the folder
of `COMMUNITYLENS_HOME`, default `~/.communitylens`), so a damaged file costs one preference, not all:

- `format_overrides.json`: video id -> the format set by hand ("this one is a Challenge").
  Video ids are TikTok's, unique across accounts, so one file serves every brand.
- `format_rules.json`: the caption rules as edited on the page (format -> words and hashtags,
  in order of precedence). The marketer's own taxonomy, shared by every brand they look at.
- `brand_hashtags.json`: account handle -> the hashtags the marketer calls the brand's own.
- `brand_accounts.json`: the marketer's answer to "which of these commenters is you?" on the
  Members page: the member ids (TikTok user ids, else handles) that are the brand and that are not.
  One list for every client for now; per-client folders come later.

Reading never fails: a missing, unreadable or malformed file (or a value of the wrong shape) reads
as "nothing remembered". Writing never fails either: a read-only disk only means the choice is
kept for the session, and the functions say so by returning False. Writes go to a temporary file
first and replace the old one in one step, so an app stopped mid-write never leaves half a file.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from analytics.workspace import mapping_memory_path

OVERRIDES_FILE = "format_overrides.json"
RULES_FILE = "format_rules.json"
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
        try:
            (preferences_folder() / RULES_FILE).unlink(missing_ok=True)
        except OSError:
            return False
        return True
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
    corrections = stored.get("corrections") if isinstance(stored.get("corrections"), dict) else {}
    lexicon = stored.get("lexicon") if isinstance(stored.get("lexicon"), dict) else {}
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


# ---------------------------------------------------------------- pseudonyms

PSEUDONYM_SALT = "pseudonym_salt"


def pseudonym_salt(memory: Memory) -> str:
    """The key a client's pseudonyms are made with: made once, so a member keeps one pseudonym in every deck.

    A fresh random key (32 hex digits) the first time; read back after writing, so when two
    programs make one at once both use the one that was kept.
    """
    stored = memory.read(PSEUDONYM_SALT)
    if isinstance(stored, str) and re.fullmatch(r"[0-9a-f]{32}", stored):
        return stored
    salt = secrets.token_hex(16)
    memory.write(PSEUDONYM_SALT, salt)
    kept = memory.read(PSEUDONYM_SALT)
    return kept if isinstance(kept, str) and re.fullmatch(r"[0-9a-f]{32}", kept) else salt
