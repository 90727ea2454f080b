"""`ensure_review_events` through a real Celery worker and the real Redis broker: run in
the PostgreSQL + Redis CI run (both DATABASE_URL and REDIS_URL set), skipped otherwise.

The worker is `celery -A config worker` in a subprocess, on the test database; the task is
sent twice through Redis. Its e-mail is printed by the worker's console backend, and each
notification records when it was e-mailed."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from celery.result import allow_join_result
from django.db import connection

from governance.models import Notification, ReviewEvent

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
    reason="needs a Redis broker and a PostgreSQL database a worker process can share: "
    "set REDIS_URL and DATABASE_URL (the second CI run does)",
)


def _worker_database_url() -> str:
    """The URL of the database pytest-django made, for the worker to use."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST']}{port}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A Celery worker on the test database and the real broker; yields its log file."""
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _worker_database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "worker-test-" + "x" * 40,
        "DEBUG": "false",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DB_CONN_MAX_AGE": "0",
        "VAR_DIR": str(tmp_path),
        "EMAIL_HOST": "",
    }
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
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
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(lambda: "ready." in log.read_text(), 60, log, process)
        yield log
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(condition, seconds: float, log: Path, process=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.25)
    raise AssertionError(f"gave up waiting; the worker said:\n{log.read_text()[-4000:]}")


@pytest.fixture
def through_the_broker(settings):
    """Send tasks to the broker instead of running them in this process."""
    from config.celery import app

    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


def test_the_task_run_twice_on_a_worker_sends_each_email_once(world, worker, through_the_broker):
    from governance.tasks import ensure_review_events

    day = "2027-01-07"  # January: invitation and pack due; July's event is only made
    first = ensure_review_events.apply_async(args=[day])
    second = ensure_review_events.apply_async(args=[day])
    expected = 4  # invitation and pack notice, to each of the two invitees

    def all_emailed() -> bool:
        done = Notification.objects.filter(emailed_at__isnull=False).count()
        return done >= expected and first.ready() and second.ready()

    _wait_for(all_emailed, 90, worker)
    time.sleep(1)  # let any duplicate that was coming arrive
    # Another test in the same process may have run a task in it (eagerly), which leaves
    # Celery believing this is a task; this process is not one, so joining cannot deadlock.
    with allow_join_result():
        assert first.get(timeout=10) == second.get(timeout=10)
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-01", "2027-07"]
    notifications = Notification.objects.all()
    assert notifications.count() == expected
    assert not notifications.filter(emailed_at__isnull=True).exists()
    printed = worker.read_text()
    # The console backend folds long headers: compare the start of each subject.
    for subject in {n.subject for n in notifications}:
        assert printed.count(f"Subject: {subject[:40]}") == 2  # once to each invitee
    assert printed.count("Subject: ") == expected
