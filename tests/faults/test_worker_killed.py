"""A Celery worker killed (SIGKILL) in the middle of `ensure_review_events`: the task was
taken but never acknowledged, so Redis gives it to the next worker once
BROKER_VISIBILITY_TIMEOUT has passed, and the rerun leaves exactly one event per period and
one set of invitations.

The kill lands mid-task without any hook in the code: the test holds a PostgreSQL lock on
the outbox table, so the worker, having made both review events, waits to queue their due
work; the test kills it while it waits (seen in pg_stat_activity), then lets go."""

import time

from django.db import connection
from django_celery_results.models import TaskResult

from governance.models import Notification, ReviewEvent
from outbox.models import Message
from outbox.services import outbox_drain
from tests.faults.conftest import needs_services, wait_for

pytestmark = needs_services

VISIBILITY = 2  # seconds; production's default is an hour


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query ILIKE '%%outbox_message%%'"
        )
        return cursor.fetchone()[0] == 1


def _done(task_ids) -> bool:
    finished = TaskResult.objects.filter(task_id__in=task_ids, status="SUCCESS").count()
    return finished == len(task_ids)


def test_a_worker_killed_mid_task_leaves_one_event_and_one_set_of_invitations(
    world, make_worker, celery_on, private_redis
):
    from governance.tasks import ensure_review_events

    env = {"BROKER_VISIBILITY_TIMEOUT": str(VISIBILITY)}
    first = make_worker(private_redis.url, **env)
    first.start()

    holder = connection.get_new_connection(connection.get_connection_params())
    try:
        holder.execute("LOCK TABLE outbox_message IN EXCLUSIVE MODE")  # held until rollback
        result = ensure_review_events.apply_async(args=["2027-01-07"])
        wait_for(_waiting_on_a_lock, 60, "the worker to wait on the outbox", first.log)
        # Mid-task: both events made, their due work not yet queued.
        assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == [
            "2027-01",
            "2027-07",
        ]
        first.kill()
        log = first.log.read_text()
        assert f"ensure_review_events[{result.id}] received" in log
        assert "succeeded" not in log
        # The message is still Redis's, unacknowledged, until the visibility timeout.
        taken_at = private_redis.client().zrange("unacked_index", 0, -1, withscores=True)
        assert len(taken_at) == 1
        wait_for(lambda: time.time() > taken_at[0][1] + VISIBILITY + 0.5, 30, "the timeout")
    finally:
        holder.rollback()
        holder.close()

    second = make_worker(private_redis.url, **env)
    second.start()
    wait_for(lambda: _done([result.id]), 90, "the task to be run again", second.log)
    assert result.get(timeout=10) == list(
        ReviewEvent.objects.order_by("date").values_list("pk", flat=True)
    )
    # The killed worker's own connection may have queued its due work too (its insert went
    # through once the lock was let go), left in the outbox: the drain sends it as well.
    outbox_drain()
    wait_for(
        lambda: _done([str(pk) for pk in Message.objects.values_list("pk", flat=True)]),
        90,
        "every queued task to finish",
        second.log,
    )

    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-01", "2027-07"]
    notifications = Notification.objects.all()
    # The January event's invitation and pack notice, to each of the two invitees.
    assert sorted(notifications.values_list("kind", "recipient__username")) == sorted(
        (kind, person)
        for kind in ("review_invitation", "review_pack")
        for person in ("board", "officer")
    )
    assert not notifications.filter(emailed_at__isnull=True).exists()
    assert second.log.read_text().count("Subject: ") == 4
