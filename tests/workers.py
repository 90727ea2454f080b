"""Real Celery workers for tests: `celery -A config worker` in a subprocess on the test
database and a given broker (the PostgreSQL + Redis CI run). Used by the fault tests and by
the review tasks' worker test; `make_worker` is a fixture for every test (tests/conftest.py).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    said = f"\nthe worker said:\n{log.read_text()[-4000:]}" if log else ""
    raise AssertionError(f"gave up waiting for {what}{said}")


def worker_database_url() -> str:
    """The URL of the database pytest-django made, for a worker process to use."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST']}{port}/{db['NAME']}"


class Worker:
    """`celery -A config worker` in a subprocess, on the test database and a given broker."""

    def __init__(self, log: Path, env: dict):
        self.log = log
        self.env = env
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "--pool=solo",
                    "--loglevel=INFO",
                    "--without-heartbeat",
                    "--without-gossip",
                    "--without-mingle",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        start = self.log.read_text().count("ready.")
        process = self.process

        def ready() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"the worker exited:\n{self.log.read_text()[-4000:]}")
            return self.log.read_text().count("ready.") > start

        wait_for(ready, 60, "a worker", self.log)

    def kill(self) -> None:
        """SIGKILL: no clean-up, no acknowledgement, as when a machine dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@pytest.fixture
def make_worker(transactional_db, tmp_path):
    """Starts workers on the test database and the given broker; stops them afterwards."""
    started = []

    def make(broker_url: str, **extra_env) -> Worker:
        env = {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            "REDIS_URL": broker_url,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SECRET_KEY": "worker-test-" + "x" * 40,
            "DEBUG": "false",
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "DB_CONN_MAX_AGE": "0",
            "VAR_DIR": str(tmp_path),
            "EMAIL_HOST": "",
            **extra_env,
        }
        worker = Worker(tmp_path / "worker.log", env)
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()
