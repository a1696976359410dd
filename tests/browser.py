"""Helpers to drive the real app in headless Chromium (Debian's), for tests and screenshots."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(timeout: float = 60, home: Path | None = None):
    """`streamlit run app.py` on a free loopback port; yields its URL and stops it afterwards.

    Its clients and remembered choices live in `home`, a fresh folder unless given.
    """
    port = free_port()
    env = {**os.environ, "COMMUNITYLENS_HOME": str(home or tempfile.mkdtemp(prefix="communitylens-app-"))}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not start")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_until_idle(
    page, timeout: float = 60_000, selector: str = "[data-testid='stMainBlockContainer'] h1"
) -> None:
    """Wait until the page shows `selector` and Streamlit has finished running the script.

    Finished: the app says its script is not running (`data-test-script-state`), twice half a
    second apart, since a widget's callback can start another run right after the first.
    """
    page.wait_for_selector(selector, timeout=timeout)
    for _ in range(2):
        page.wait_for_timeout(500)
        page.wait_for_function(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                const state = app && app.getAttribute('data-test-script-state');
                return state === 'notRunning' && !document.querySelector('[data-testid="stStatusWidget"]');
            }""",
            timeout=timeout,
        )
