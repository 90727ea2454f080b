"""The daily task `governance.tasks.ensure_review_events`: the next two events exist in the
configured months; invitations, reminders and the pack notice go out at their lead times,
each exactly once per person, however often the task runs, and when two run at once.

Dates are frozen by passing `today` to the task, as beat's caller would on that day."""

import datetime
import os
import threading

import pytest
from django.core import mail
from django.db import connection, connections

from governance.models import Notification, ReviewEvent
from governance.services import reviews as services
from governance.tasks import ensure_review_events
from tests.factories_reviews import ReviewEventFactory

Status = ReviewEvent.Status
D = datetime.date


@pytest.fixture
def run_on(django_capture_on_commit_callbacks):
    """Run the daily task as of a day, with everything it queues after commit."""

    def run(day: D) -> list[int]:
        with django_capture_on_commit_callbacks(execute=True):
            return ensure_review_events(day.isoformat())

    return run


def keys() -> list[tuple[str, str]]:
    return sorted(Notification.objects.values_list("recipient__username", "key"))


def test_the_task_is_registered_under_its_beat_name():
    from config.celery import app

    assert "governance.tasks.ensure_review_events" in app.tasks
    assert ensure_review_events.name == "governance.tasks.ensure_review_events"


def test_the_next_two_events_are_made_in_the_configured_months(world, run_on):
    run_on(D(2026, 11, 27))
    events = list(ReviewEvent.objects.order_by("date").values_list("period", "date", "status"))
    # The third Thursday of January and of July.
    assert events == [
        ("2027-01", D(2027, 1, 21), "planned"),
        ("2027-07", D(2027, 7, 15), "planned"),
    ]
    assert ReviewEvent.objects.get(period="2027-01").title == (
        "Bi-annual review event, January 2027"
    )


def test_this_months_event_counts_as_one_of_the_next_two(world, run_on):
    run_on(D(2027, 1, 30))
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-01", "2027-07"]
    run_on(D(2027, 2, 1))
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == [
        "2027-01",
        "2027-07",
        "2028-01",
    ]


def test_months_follow_the_setting(world, run_on, settings):
    settings.REVIEW_EVENT_MONTHS = [3, 9]
    run_on(D(2026, 11, 27))
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-03", "2027-09"]


def test_running_twice_a_day_for_two_months_sends_each_notice_once(world, run_on):
    """From eight weeks ahead to the day after: one invitation, the 28- and 7-day
    reminders and the pack notice, each once to each invitee, and one event per period."""
    day = D(2026, 11, 27)
    while day <= D(2027, 1, 22):
        run_on(day)
        run_on(day)
        day += datetime.timedelta(days=1)
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-01", "2027-07"]
    event = ReviewEvent.objects.get(period="2027-01")
    assert event.status == Status.INVITATIONS_SENT
    assert event.invitations_sent_at.date() == D(2026, 12, 10)  # 42 days before
    assert event.pack_compiled_at.date() == D(2027, 1, 7)  # 14 days before
    base = f"review:{event.pk}:2027-01-21:"
    expected = [
        (who, base + what)
        for who in ("board", "officer")
        for what in ("invitation", "pack", "reminder:28", "reminder:7")
    ]
    assert keys() == expected
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert len(subjects) == 8 and len(set(subjects)) == 8
    assert (
        "board@example.org",
        "Reminder: Bi-annual review event, January 2027 in 7 days, Thursday 21 January 2027",
    ) in subjects
    assert event.plans.count() == 4


def test_notices_fall_due_on_their_days(world, run_on):
    run_on(D(2026, 12, 9))  # 43 days before: nothing yet
    assert not Notification.objects.exists()
    run_on(D(2026, 12, 10))
    assert {k for _, k in keys()} == {f"review:{_jan().pk}:2027-01-21:invitation"}
    run_on(D(2026, 12, 23))  # 29 days before
    assert len(keys()) == 2
    run_on(D(2026, 12, 24))  # 28 days before
    assert len(keys()) == 4 and all(k.endswith(("invitation", "reminder:28")) for _, k in keys())


def _jan() -> ReviewEvent:
    return ReviewEvent.objects.get(period="2027-01")


def test_days_without_a_run_bring_only_the_latest_reminder(world, run_on):
    run_on(D(2026, 12, 10))  # invited
    run_on(D(2027, 1, 15))  # six days before: the 28-day reminder was missed
    whats = sorted({k.split(":", 3)[3] for _, k in keys()})
    assert whats == ["invitation", "pack", "reminder:7"]


def test_an_event_planned_late_is_invited_without_earlier_reminders(world, run_on):
    event = services.review_event_create(
        actor=world.people.officer, title="Extra review", date=D.today() + datetime.timedelta(10)
    )
    run_on(D.today())
    whats = sorted(k.split(":", 3)[3] for _, k in keys() if k.startswith(f"review:{event.pk}:"))
    # Invited ten days ahead: no 28-day reminder; the pack (due at 14 days) is compiled.
    assert whats == ["invitation", "invitation", "pack", "pack"]
    run_on(D.today() + datetime.timedelta(3))
    whats = sorted(k.split(":", 3)[3] for _, k in keys() if k.startswith(f"review:{event.pk}:"))
    assert whats.count("reminder:7") == 2


def test_a_moved_event_is_announced_again_and_reminded_on_its_new_date(world, run_on):
    run_on(D(2026, 12, 10))
    event = _jan()
    event.date = D(2027, 1, 28)
    event.save()
    run_on(D(2027, 1, 21))
    whats = sorted({k.split(":", 2)[2] for _, k in keys()})
    assert whats == ["2027-01-21:invitation", "2027-01-28:pack", "2027-01-28:reminder:7"]


def test_cancelled_and_held_events_get_no_notices(world, run_on):
    jan = ReviewEventFactory(period="2027-01", date=D(2027, 1, 21), status=Status.CANCELLED)
    run_on(D(2027, 1, 14))
    assert not Notification.objects.filter(key__startswith=f"review:{jan.pk}:").exists()
    assert ReviewEvent.objects.get(pk=jan.pk).status == Status.CANCELLED


def test_settings_refuse_a_bad_list():
    from django.core.exceptions import ImproperlyConfigured

    from config.settings import _whole_numbers

    assert _whole_numbers("X", ["7", "1", "7"], 1, 12) == [1, 7]
    for bad in (["13"], ["0"], ["June"], []):
        with pytest.raises(ImproperlyConfigured, match="X must list whole numbers"):
            _whole_numbers("X", bad, 1, 12)


# Two at once, on PostgreSQL ------------------------------------------------------------------

needs_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"),
    reason="two tasks at once need a database server: set DATABASE_URL (PostgreSQL)",
)


def run_twice_at_once(day: D) -> None:
    """Two threads, each with its own database connection, run the task as of `day`."""
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait(timeout=10)
            ensure_review_events(day.isoformat())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_make_each_event_and_send_each_email_once(world):
    assert connection.vendor == "postgresql"
    run_twice_at_once(D(2027, 1, 7))  # creates both events; invites, and compiles the pack
    run_twice_at_once(D(2027, 1, 14))  # the 7-day reminder
    assert sorted(ReviewEvent.objects.values_list("period", flat=True)) == ["2027-01", "2027-07"]
    whats = sorted(k.split(":", 3)[3] for _, k in keys())
    assert whats == ["invitation", "invitation", "pack", "pack", "reminder:7", "reminder:7"]
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0
    sent = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert len(sent) == 6 and len(set(sent)) == 6
    assert _jan().plans.count() == 4


# Beat ------------------------------------------------------------------------------------------


# The scheduler closes stale database connections as beat does: no test transaction around it.
@pytest.mark.django_db(transaction=True)
def test_beat_installs_the_daily_job_where_officers_can_edit_it(settings):
    from django_celery_beat.models import PeriodicTask

    from config.celery import app
    from config.scheduler import EditableScheduler as DatabaseScheduler

    assert settings.CELERY_BEAT_SCHEDULER == "config.scheduler:EditableScheduler"
    DatabaseScheduler(app=app)  # what `celery -A config beat` does when it starts
    job = PeriodicTask.objects.get(name="ensure-review-events")
    assert job.task == "governance.tasks.ensure_review_events" and job.enabled
    assert (job.crontab.minute, job.crontab.hour) == ("15", "6")
    # An officer switches it off in the admin: a restarted beat leaves it off.
    PeriodicTask.objects.filter(pk=job.pk).update(enabled=False)
    scheduler = DatabaseScheduler(app=app)
    assert not PeriodicTask.objects.get(pk=job.pk).enabled
    assert "ensure-review-events" not in scheduler.schedule
    # An officer moves it to 05:00: a restarted beat keeps their time.
    job.crontab.hour = "5"
    job.crontab.save()
    PeriodicTask.objects.filter(pk=job.pk).update(enabled=True)
    DatabaseScheduler(app=app)
    assert PeriodicTask.objects.get(pk=job.pk).crontab.hour == "5"
