"""How far has my upload got? The stages of an import, in a marketer's words, for a progress bar.

A progress callback is a plain callable `(words, fraction)`: `words` say what is happening now
("Reading comments.csv (1 of 3)…", "Storing 1,000,000 comments…"), `fraction` how much of the
whole upload is done, from 0 to 1, never going back unless the import is stored again (another
program saved to the store at the same moment, and this import is merged again on top of theirs). The
library only calls it; the app draws the bar (the command line and the tests pass none).

An upload's stages, each with its share of the bar: reading and recognising each file (shared
by the files' sizes), storing the rows in the tables, computing what the pages need first (who
is a member, which comments are the brand's), and, for a client, saving it in the store.
"""

from __future__ import annotations

from collections.abc import Callable

from analytics.i18n import _, ngettext
from analytics.i18n.said import whole

Progress = Callable[[str, float], None]

# Where each stage starts and ends on the bar, from an import of a 1M-comment CSV into a client
# (reading 16% of the time, recognising 19%, storing 40%, computing 4%, saving 15%, the rest
# the upload's own hashing); an in-session upload ends with computing, and the bar is then full.
READING = (0.0, 0.4)
RECOGNISING_WITHIN_FILE = 0.45  # of a file's share: reading its bytes first, then recognising its columns
STORING = (0.4, 0.8)
COMPUTING = (0.8, 0.85)
SAVING = (0.85, 1.0)


def storing_words(table: str, rows: int) -> str:
    """ "Storing 1,000 comments…": a table's rows going in, in words."""
    if table == "daily_stats":
        words = ngettext("Storing {count} day of stats…", "Storing {count} days of stats…", rows)
    elif table == "videos":
        words = ngettext("Storing {count} video…", "Storing {count} videos…", rows)
    elif table == "comments":
        words = ngettext("Storing {count} comment…", "Storing {count} comments…", rows)
    elif table == "lives":
        words = ngettext("Storing {count} LIVE…", "Storing {count} LIVEs…", rows)
    elif table == "follower_activity":
        words = ngettext(
            "Storing {count} hour of follower activity…", "Storing {count} hours of follower activity…", rows
        )
    else:
        words = ngettext("Storing {count} row…", "Storing {count} rows…", rows)
    return words.format(count=whole(rows))


def silent(words: str, fraction: float) -> None:
    """No bar to move: the command line, tests, and changes other than an upload."""


class UploadProgress:
    """One upload's progress: the stage hooks the workspace calls, turned into (words, fraction)."""

    def __init__(self, callback: Progress | None = None) -> None:
        self.callback = callback or silent
        self.done = 0.0
        self._files: dict[str, tuple[int, float, float]] = {}  # digest -> number, share start, share end
        self._count = 0
        self._stored = 0  # rows stored so far

    def report(self, words: str, fraction: float) -> None:
        """Tell the callback; the bar does not move back (a file read again for its year stays behind it)."""
        self.done = max(self.done, min(max(fraction, 0.0), 1.0))
        self.callback(words, self.done)

    def files(self, uploads: list) -> None:
        """The files of this upload (`.digest`, `.data`): each gets a share of reading by its size."""
        total = sum(len(upload.data) for upload in uploads) or 1
        start, width = READING[0], READING[1] - READING[0]
        seen = 0
        self._count = len(uploads)
        for number, upload in enumerate(uploads, 1):
            begin = start + width * seen / total
            seen += len(upload.data)
            self._files[upload.digest] = (number, begin, start + width * seen / total)

    def reading(self, upload) -> Progress:
        """Say a file is being read; what the reader then reports runs within that file's share."""
        if upload.digest not in self._files:
            return silent  # a file re-read outside an upload (a year fixed on the Data page)
        number, begin, end = self._files[upload.digest]
        if self._count > 1:
            words = _("Reading {file} ({number} of {count})…").format(
                file=upload.name, number=number, count=self._count
            )
        else:
            words = _("Reading {file}…").format(file=upload.name)
        self.report(words, begin)
        return lambda words, fraction: self.report(words, begin + (end - begin) * fraction)

    def storing(self, table: str, rows: int, total: int) -> None:
        """`rows` of the upload's `total` going into one of the tables; a table without rows is not mentioned."""
        if rows:
            share = min(self._stored / total, 1.0)
            self.report(storing_words(table, rows), STORING[0] + (STORING[1] - STORING[0]) * share)
            self._stored += rows

    def computing(self) -> None:
        self.report(_("Finding your members and your own replies…"), COMPUTING[0])

    def saving(self, label: str) -> None:
        self.report(_("Saving to {client}…").format(client=label), SAVING[0])

    def again(self) -> None:
        """The import is merged and saved again on top of another writer's: its files stay read, so the
        bar goes back to storing, and says why."""
        self.done, self._stored = STORING[0], 0
        self.report(
            _("Another import was saved at the same moment: adding yours again on top of it…"), STORING[0]
        )


def recognising(progress: Progress, name: str) -> None:
    """The reader's hook: the file's bytes are read, its columns are being recognised."""
    progress(_("Recognising {file}…").format(file=name), RECOGNISING_WITHIN_FILE)
