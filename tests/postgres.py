"""A throwaway PostgreSQL server for the team-setup tests (a DuckLake catalog shared by several processes).

Use it from a test module with `pytest_plugins = ("tests.postgres",)`, then ask for `postgres_conninfo`:
a libpq conninfo string of a fresh, empty database on a server started once per test session, in a
temporary folder, on a free port of 127.0.0.1, with trust authentication. The server is stopped and its
folder removed at the end of the session, also when tests fail. Tests skip, with the reason, only when the
PostgreSQL server binaries are not installed (`.ci/run` installs them).
"""

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def server_bindir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0])
    )
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    """One running server: `database()` hands out a fresh database and its conninfo."""

    def __init__(self, bindir: Path, folder: Path, run_as: str | None):
        self.bindir, self.folder, self.run_as = bindir, folder, run_as
        self.data, self.log = folder / "data", folder / "server.log"
        self.port = 0
        self._names = itertools.count(1)

    def _run(self, *command: str, timeout: float = 60) -> None:
        done = subprocess.run(
            command,
            user=self.run_as,
            group=self.run_as and pwd.getpwnam(self.run_as).pw_gid,
            extra_groups=[] if self.run_as else None,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    def start(self) -> None:
        # --no-sync and fsync=off: a throwaway server never needs to survive a power cut, and it starts faster.
        self._run(
            str(self.bindir / "initdb"),
            *("-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"),
        )
        for attempt in range(3):  # another program may take the free port between the probe and the start
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
            )
            try:
                self._run(
                    str(self.bindir / "pg_ctl"),
                    *("-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start"),
                )
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"dbname={dbname} host=127.0.0.1 port={self.port} user=postgres"

    def database(self) -> str:
        """A new empty database: each test gets its own catalog."""
        name = f"lake{next(self._names)}"
        subprocess.run(
            [str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return self.conninfo(name)

    def psql(self, conninfo: str, sql: str) -> str:
        done = subprocess.run(
            [str(self.bindir / "psql"), "-X", "-tA", "-v", "ON_ERROR_STOP=1", conninfo, "-c", sql],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout.strip()

    @contextmanager
    def commits_held(self, conninfo: str) -> Iterator[Callable[[], int]]:
        """Hold every DuckLake commit into this catalog until the block ends, so that writers started
        inside it all commit at the same moment, from the same snapshot: a collision every run.

        A commit starts by inserting the new snapshot's row; an EXCLUSIVE lock on that table lets readers
        through and makes that insert wait. Yields a function: how many sessions are waiting on a lock now.
        """
        holder = subprocess.Popen(
            [str(self.bindir / "psql"), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", conninfo],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            holder.stdin.write("BEGIN; LOCK TABLE ducklake_snapshot IN EXCLUSIVE MODE; SELECT 'held';\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "held"
            dbname = conninfo.split("dbname=")[1].split()[0]
            yield lambda: int(
                self.psql(
                    conninfo,
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    f"AND datname = '{dbname}'",
                )
            )
        finally:
            holder.communicate("COMMIT;\n", timeout=60)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    bindir = server_bindir()
    if bindir is None:
        pytest.skip(
            "the PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql"
        )
    run_as = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as Debian's postgres user
        try:
            run_as = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the PostgreSQL server as")
    # Not under pytest's tmp folder: that one is private to root, and the server's user must reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="communitylens-pg-"))
    if run_as:
        account = pwd.getpwnam(run_as)
        os.chown(folder, account.pw_uid, account.pw_gid)
    cluster = PostgresCluster(bindir, folder, run_as)
    try:
        cluster.start()
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_conninfo(postgres_cluster: PostgresCluster) -> str:
    """libpq conninfo of a fresh database on the session's server, e.g. 'dbname=lake1 host=127.0.0.1 ...'."""
    return postgres_cluster.database()
