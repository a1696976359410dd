"""Every test keeps the app's folder (clients, remembered choices) out of the real home.

Tests that need a folder of their own set COMMUNITYLENS_HOME themselves (monkeypatch); the rest
share one throwaway folder per test process: the suite runs in several processes at once
(pytest-xdist), and two processes must never open one client store.
"""

import os
import tempfile

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ["COMMUNITYLENS_HOME"] = tempfile.mkdtemp(prefix=f"communitylens-tests-{_worker}-")
