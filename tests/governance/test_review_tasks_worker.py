"""`ensure_review_events` through a real Celery worker and the real Redis broker: run in
the PostgreSQL + Redis CI run (both DATABASE_URL and REDIS_URL set), skipped otherwise.

The worker is `celery -A config worker` in a subprocess, on the test database; the task is
sent twice through Redis. Its e-mail is printed by the worker's console backend, and each
notification records when it was e-mailed."""

import os
import time

import pytest
from celery.result import allow_join_result

from governance.models import Notification, ReviewEvent
from tests.workers import wait_for

pytestmark = pytest.mark.skipif(
    not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
    reason="needs a Redis broker and a PostgreSQL database a worker process can share: "
    "set REDIS_URL and DATABASE_URL (the second CI run does)",
)


@pytest.fixture
def worker(make_worker):
    """A Celery worker on the test database and the real broker; yields its log file."""
    started = make_worker(os.environ["REDIS_URL"])
    started.start()
    return started.log


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

    wait_for(all_emailed, 90, "the e-mails", worker)
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
