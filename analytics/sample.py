"""The demo brand: Phin & Co., a fictional Vietnamese coffee chain (see sample_data/README.md).

The demo loads through the same ingest path as an upload: these are files in the real
export formats, read by `Workspace.add_files`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from analytics.i18n import N_

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
# The day the demo's exports were downloaded: year-less dates resolve against it, so
# the demo reads the same whatever today's date is.
DOWNLOAD_DATE = date(2026, 11, 22)
BRAND_NAME = N_("Phin & Co. (demo brand)")  # the app words it in the screen's language
SAMPLE_SUFFIXES = {".csv", ".zip", ".json", ".xlsx"}


def sample_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of every demo export, in a stable order."""
    paths = sorted(path for path in SAMPLE_DIR.iterdir() if path.suffix.lower() in SAMPLE_SUFFIXES)
    return [(path.name, path.read_bytes()) for path in paths]


def demo_workspace():
    """A workspace holding the demo brand."""
    from analytics.workspace import Workspace

    workspace = Workspace(today=DOWNLOAD_DATE, remember_mappings=False, label=BRAND_NAME)
    workspace.add_files(sample_files())
    return workspace
