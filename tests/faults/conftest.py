"""Fixtures for breaking the services on purpose: a private Redis server that a test may stop
and start again, Celery pointed at it, and real Celery workers a test may kill.

The machine's own Redis and PostgreSQL are never touched: other test runs share them."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import redis

from tests.workers import ROOT, Worker, free_port, wait_for, worker_database_url

__all__ = ["ROOT", "Worker", "free_port", "wait_for", "worker_database_url"]

needs_services = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
    reason="breaks a private Redis beside a real PostgreSQL database: set REDIS_URL and "
    "DATABASE_URL (the second CI run does)",
)


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
