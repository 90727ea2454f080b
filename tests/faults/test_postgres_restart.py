"""PostgreSQL restarts under a running web server: the next request succeeds (the kept
connection is checked before reuse and replaced), and while PostgreSQL is down people get
the service's plain error page, not a traceback.

gunicorn serves the service from a private PostgreSQL cluster that the test makes (initdb
as the `postgres` user, trust authentication, a free port), loads with the test database's
schema, and stops and starts; the machine's PostgreSQL is never restarted."""

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.faults.conftest import ROOT, free_port, wait_for

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
PAGE = "/toolkit/"  # public, and read from the database on every request

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL"),
        reason="restarts a private PostgreSQL cluster beside the real one: set DATABASE_URL "
        "(the second CI run does)",
    ),
    pytest.mark.skipif(
        not BIN or not shutil.which("runuser") or os.geteuid() != 0,
        reason="needs PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) and root, to "
        "run initdb as the postgres user",
    ),
]


class PrivateCluster:
    def __init__(self):
        self.bin = Path(BIN[-1])
        self.folder = Path(tempfile.mkdtemp(prefix="opcc-faults-pg-", dir="/tmp"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/opcc"
        shutil.chown(self.folder, "postgres", "postgres")

    def _as_postgres(self, *command: str) -> None:
        subprocess.run(  # noqa: S603 - fixed PostgreSQL binaries and arguments
            [shutil.which("runuser"), "-u", "postgres", "--", *command],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )

    def create(self) -> None:
        self._as_postgres(
            str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"
        )
        self.start()
        self._as_postgres(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "opcc"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._as_postgres(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "start",
            "-l",
            str(self.folder / "log"),
        )

    def stop(self) -> None:
        pg_ctl = str(self.bin / "pg_ctl")
        self._as_postgres(pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def load_schema_of(self, settings_dict: dict) -> None:
        """The tables of the migrated test database, without its rows."""
        dump = subprocess.run(  # noqa: S603
            [
                str(self.bin / "pg_dump"),
                "--schema-only",
                "--no-owner",
                "-h",
                settings_dict["HOST"],
                "-p",
                str(settings_dict["PORT"] or 5432),
                "-U",
                settings_dict["USER"],
                settings_dict["NAME"],
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""},
        ).stdout
        subprocess.run(  # noqa: S603
            [
                str(self.bin / "psql"),
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "opcc",
            ],
            input=dump,
            check=True,
            capture_output=True,
        )

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def cluster(db):
    cluster = PrivateCluster()
    try:
        cluster.create()
        cluster.load_schema_of(connection.settings_dict)
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def server(cluster, tmp_path):
    """gunicorn, one sync worker keeping its database connection (DB_CONN_MAX_AGE)."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "DB_CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "restart-test-" + "x" * 40,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "VAR_DIR": str(tmp_path),
    }
    env.pop("REDIS_URL", None)
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get(base, "/health/live")[0] == 200, 60, "gunicorn", log)
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=20)


def get(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def test_after_postgresql_restarts_the_next_request_succeeds(cluster, server):
    base, log = server
    assert get(base, PAGE)[0] == 200  # the worker now keeps a connection open

    cluster.stop()
    cluster.start()
    # The kept connection died with the old server: it is checked and replaced first.
    assert get(base, PAGE)[0] == 200, log.read_text()[-3000:]

    cluster.stop()
    status, page = get(base, PAGE)
    assert status in (500, 503)
    assert "<h1" in page and "Traceback" not in page and "OperationalError" not in page
    assert get(base, "/health/ready") == (503, "unavailable: database")

    cluster.start()
    assert get(base, PAGE)[0] == 200, log.read_text()[-3000:]
    assert get(base, "/health/ready") == (200, "ok")
