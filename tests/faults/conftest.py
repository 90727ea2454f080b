"""Fixtures for breaking the services on purpose: a private Redis server that a test may stop
and start again, Celery pointed at it, and real Celery workers a test may kill.

The machine's own Redis and PostgreSQL are never touched: other test runs share them."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

needs_services = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
    reason="breaks a private Redis beside a real PostgreSQL database: set REDIS_URL and "
    "DATABASE_URL (the second CI run does)",
)


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


class PrivateRedis:
    """A redis-server of this test's own on a free port, without persistence."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)

    def answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except redis.RedisError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - the system's redis-server, fixed args
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.answers, 20, f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None
        assert not self.answers()


@pytest.fixture
def private_redis(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def celery_on(private_redis, settings):
    """This process's Celery sends to the private Redis, for real (not eagerly)."""
    from config.celery import app

    saved = {
        key: app.conf[key]
        for key in (
            "broker_url",
            "broker_write_url",
            "broker_read_url",
            "broker_transport_options",
            "task_always_eager",
        )
    }
    app.conf.broker_url = private_redis.url
    app.conf.broker_write_url = None
    app.conf.broker_read_url = None
    app.conf.broker_transport_options = {"socket_connect_timeout": 2}
    app.conf.task_always_eager = False
    app._after_fork()  # forget pooled connections to the other broker
    try:
        yield app
    finally:
        for key, value in saved.items():
            app.conf[key] = value
        app._after_fork()


def queued(private_redis, queue: str = "celery") -> list[dict]:
    """The headers (task name, id, args) of the messages waiting in a Redis queue."""
    import json

    messages = [json.loads(raw) for raw in private_redis.client().lrange(queue, 0, -1)]
    return [message["headers"] for message in messages]


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
        wait_for(lambda: self.log.read_text().count("ready.") > start, 60, "a worker", self.log)

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
