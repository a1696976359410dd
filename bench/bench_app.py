"""In the running app: how long from dropping a big comment export into the uploader to the first
chart of the Members page, and how much memory does the server take, with one session and with two?

For each size, writes a seeded Apify all-fields comment CSV (bench_ingest.py's generator; the
second session's copy names another account, @brand2, so each session fills a client of its own),
then, for one session and for two sessions at once, on a fresh `streamlit run app.py` each (its own
empty home folder, so a fresh store): opens the app in headless Chromium (Debian's, one browser per
session, each its own browser session), waits for the demo, drops the file into the sidebar's
uploader, and times, from the moment the browser has finished sending the file:

- loaded: until the app says the upload is loaded (its "Loaded … table" note);
- members: then, after a click on the sidebar's Members link, until the page's first chart is drawn;
- first chart: the two together, the marketer's wait after the upload (the goal of issue 10: ≤ 5 s);

and the server's peak memory (VmHWM of the streamlit process, read before it stops) with its
resident memory once the demo is open, before any upload. The sidebar's progress bar is read
every 0.2 s during the load: the distinct stages it showed are listed, to see it move.

Prints a table and writes it, with the raw figures, to bench/results/app.txt and app.json.

    python bench/bench_app.py --sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import generate  # noqa: E402

from tests.browser import free_port, launch  # noqa: E402

RESULTS = ROOT / "bench" / "results"
TIMEOUT_MS = 10 * 60_000  # a million comments on a busy 2-core machine: minutes, not hours
MAIN = "[data-testid='stMainBlockContainer']"
FRESH = "[data-testid='stElementContainer'][data-stale='false']"  # drawn by the current run, not left over
UPLOADER = "[data-testid='stFileUploaderDropzoneInput']"


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


@contextlib.contextmanager
def server():
    """`streamlit run app.py` on a free port with an empty home folder; yields its URL and process."""
    port = free_port()
    home = tempfile.mkdtemp(prefix="bench-app-")
    env = {**os.environ, "COMMUNITYLENS_HOME": home}
    for name in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        env.pop(name, None)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true",
            f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        subprocess.run(["rm", "-rf", home], check=False)


def wait_for_idle(page) -> None:
    """The script has stopped running (twice, 0.5 s apart: a rerun may follow at once)."""
    for _ in range(2):
        page.wait_for_timeout(500)
        page.wait_for_function(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                return app && app.getAttribute('data-test-script-state') === 'notRunning';
            }""",
            timeout=TIMEOUT_MS,
        )


def one_session(url: str, csv: Path, ready: threading.Barrier, result: dict, number: int) -> None:
    """A marketer: opens the app, drops `csv` into the uploader, opens Members once it is loaded."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                measured = drop_and_open_members(page, url, csv, ready)
            except Exception:
                page.screenshot(path=str(RESULTS / f"app_session{number}_error.png"))
                raise
            page.screenshot(path=str(RESULTS / f"app_session{number}.png"))
            browser.close()
        result.update(measured)
    except Exception as error:  # reported in the table, the other session carries on
        result["error"] = f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"
        ready.abort()  # the other session does not wait for this one


def drop_and_open_members(page, url: str, csv: Path, ready: threading.Barrier) -> dict:
    """Open the app, drop `csv` into the uploader once every session is ready, open Members once loaded."""
    page.goto(url)
    page.locator(f"{MAIN} .js-plotly-plot").first.wait_for(timeout=TIMEOUT_MS)  # the demo
    wait_for_idle(page)
    ready.wait(timeout=TIMEOUT_MS / 1000)  # both sessions drop their file at the same moment
    dropped = time.monotonic()
    with page.expect_request_finished(
        lambda request: "/_stcore/upload_file" in request.url and request.method == "PUT",
        timeout=TIMEOUT_MS,
    ):
        page.locator(UPLOADER).set_input_files(str(csv))
    sent = time.monotonic()
    stages: list[tuple[float, str]] = []
    toast = page.locator("[data-testid='stToast']", has_text="Loaded")
    while not toast.count():
        text = page.evaluate(
            """() => {
                const bar = document.querySelector('[data-testid="stSidebar"] [data-testid="stProgress"]');
                return bar ? bar.innerText.trim() : '';
            }"""
        )
        if text and (not stages or stages[-1][1] != text):
            stages.append((round(time.monotonic() - sent, 2), text))
        errors = page.locator("[data-testid='stException'], [data-testid='stAlertContentError']")
        if errors.count():
            raise RuntimeError(f"the app says: {errors.first.inner_text()[:300]}")
        if time.monotonic() - sent > TIMEOUT_MS / 1000:
            raise TimeoutError("the upload was never loaded")
        page.wait_for_timeout(200)
    loaded = time.monotonic()
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Members").first.click()
    page.wait_for_function(
        f"""() => {{
            const main = document.querySelector("{MAIN}");
            if (!main) return false;
            const title = [...main.querySelectorAll("{FRESH} h1")].some(h => h.innerText.includes('Members'));
            return title && main.querySelector("{FRESH} .js-plotly-plot .main-svg") !== null;
        }}""",
        timeout=TIMEOUT_MS,
    )
    drawn = time.monotonic()
    return {
        "sending": sent - dropped,
        "loaded": loaded - sent,
        "members": drawn - loaded,
        "first_chart": drawn - sent,
        "stages": stages,
        "exceptions": page.locator("[data-testid='stException']").count(),
    }


def scenario(csvs: list[Path]) -> dict:
    """One fresh server, one browser session per file, all dropping their file at once."""
    with server() as (url, process):
        results = [{} for _ in csvs]
        ready = threading.Barrier(len(csvs))
        threads = [
            threading.Thread(target=one_session, args=(url, csv, ready, result, number))
            for number, (csv, result) in enumerate(zip(csvs, results, strict=True), 1)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        peak_mb = memory_kb(process.pid, "VmHWM") / 1024
        end_mb = memory_kb(process.pid, "VmRSS") / 1024
    return {"sessions": results, "server_peak_mb": peak_mb, "server_end_mb": end_mb}


def other_account(csv: Path) -> Path:
    """The same comments on @brand2's videos: a second session fills a client of its own."""
    copy = csv.with_name(csv.stem + "_brand2.csv")
    if not copy.exists():
        with csv.open(encoding="utf-8") as source, copy.open("w", encoding="utf-8") as target:
            for line in source:
                target.write(line.replace("/@brand/", "/@brand2/"))
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated numbers of comments")
    parser.add_argument("--sessions", default="1,2", help="sessions at once, comma-separated")
    options = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    header = (
        f"{'comments':>10} {'MB file':>8} {'sessions':>8} {'session':>7} {'sending s':>9} {'loaded s':>9} "
        f"{'members s':>9} {'first chart s':>13} {'server peak MB':>14}"
    )
    print(header, flush=True)
    lines, raw = [header], []
    for size in (int(value) for value in options.sizes.split(",")):
        csv = RESULTS / f"comments_{size}.csv"
        if not csv.exists():
            generate(size, csv)
        for count in (int(value) for value in options.sessions.split(",")):
            files = [csv, other_account(csv)][:count]
            measured = scenario(files)
            raw.append(
                {"comments": size, "file_mb": csv.stat().st_size / 1e6, "count_sessions": count, **measured}
            )
            for number, session in enumerate(measured["sessions"], 1):
                if "error" in session:
                    line = f"{size:>10,} {csv.stat().st_size / 1e6:>8.0f} {count:>8} {number:>7}  {session['error']}"
                else:
                    line = (
                        f"{size:>10,} {csv.stat().st_size / 1e6:>8.0f} {count:>8} {number:>7} "
                        f"{session['sending']:>9.2f} {session['loaded']:>9.2f} {session['members']:>9.2f} "
                        f"{session['first_chart']:>13.2f} {measured['server_peak_mb']:>14,.0f}"
                    )
                    if session["exceptions"]:
                        line += f"  ({session['exceptions']} exception boxes on the page)"
                print(line, flush=True)
                lines.append(line)
                stages = "; ".join(f"{at:.1f} s {text}" for at, text in session.get("stages", []))
                print(f"{'':>10} progress bar: {stages or '(not seen)'}", flush=True)
    (RESULTS / "app.txt").write_text("\n".join(lines) + "\n")
    (RESULTS / "app.json").write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
