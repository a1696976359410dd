"""Every test keeps the app's folder (clients, remembered choices) out of the real home.

Tests that need a folder of their own set COMMUNITYLENS_HOME themselves (monkeypatch); the rest
share one throwaway folder per test process: the suite runs in several processes at once
(pytest-xdist), and two processes must never open one client store.
"""

import os
import tempfile

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ["COMMUNITYLENS_HOME"] = tempfile.mkdtemp(prefix=f"communitylens-tests-{_worker}-")

# The longest test files first: the test processes take files in this order, so no long file is left to
# start last while the other processes sit idle (test_real_pages.py alone takes about three minutes).
LONGEST_FIRST = (
    "test_real_pages.py",
    "test_client_memory.py",
    "test_browser.py",
    "test_members_contacts_page.py",
    "test_injection.py",
    "test_store.py",
    "test_clients.py",
    "test_incremental_merge.py",
    "test_report_page.py",
    "test_members_page.py",
    "test_fuzz_ingest.py",
    "test_team_store.py",
)


def pytest_collection_modifyitems(items):
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
