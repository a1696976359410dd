"""Every test keeps the app's folder (clients, remembered choices) out of the real home.

Tests that need a folder of their own set COMMUNITYLENS_HOME themselves (monkeypatch); the rest
share one throwaway folder for the run.
"""

import os
import tempfile

os.environ.setdefault("COMMUNITYLENS_HOME", tempfile.mkdtemp(prefix="communitylens-tests-"))
