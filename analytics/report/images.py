"""Static PNGs of plotly figures, for the deck's charts that PowerPoint cannot draw (heatmaps, scatters).

Kaleido (1.x) drives a headless Chrome (Debian's chromium here). Starting it takes a few seconds, so
its sync server is started once per process, on the first image, and reused (~0.3 s an image after
that); it is stopped when the process exits. Calls are serialised: Streamlit runs each session's
script in its own thread, and one browser renders one figure at a time.
"""

from __future__ import annotations

import atexit
import threading

import kaleido
import plotly.graph_objects as go

SCALE = 2  # twice the pixels of the layout: crisp on a projector and when a client zooms
_lock = threading.Lock()
_started = False


def _start() -> None:
    global _started
    if not _started:
        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _started = True


def figure_png(figure: go.Figure | dict, *, width: int, height: int, scale: float = SCALE) -> bytes:
    """The figure as PNG bytes, `width` x `height` layout pixels at `scale` (2: 1632 x 845 for 816 x 422)."""
    with _lock:
        _start()
        return kaleido.calc_fig_sync(
            figure, opts={"format": "png", "width": width, "height": height, "scale": scale}
        )
