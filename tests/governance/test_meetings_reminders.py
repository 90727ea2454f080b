"""Reminders before a meeting: in the service and by e-mail, once per meeting per member,
however often the daily task runs."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from governance.models import Notification
from governance.tasks import send_meeting_reminders
from tests.factories import MembershipFactory
from tests.factories_meetings import MeetingFactory


def test_members_are_reminded_once_when_the_task_runs_twice(
    world, django_capture_on_commit_callbacks
):
    jag_a = world.bodies.jag_a
    second = MembershipFactory(body=jag_a).user
    meeting = MeetingFactory(body=jag_a, starts_at=timezone.now() + timedelta(days=3))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            send_meeting_reminders.delay()

    reminders = Notification.objects.filter(kind=Notification.Kind.MEETING_REMINDER)
    assert {n.recipient for n in reminders} == {world.people.body_member, second}
    assert all(n.url == f"/meetings/{meeting.pk}/" and n.body == jag_a for n in reminders)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.people.body_member.email, second.email]
    )
    assert "JAG A meets on" in mail.outbox[0].body
    assert f"http://127.0.0.1:8000/meetings/{meeting.pk}/" in mail.outbox[0].body


def test_no_reminder_for_far_off_past_or_cancelled_meetings(
    world, django_capture_on_commit_callbacks
):
    jag_a = world.bodies.jag_a
    MeetingFactory(body=jag_a, starts_at=timezone.now() + timedelta(days=8))
    MeetingFactory(body=jag_a, starts_at=timezone.now() - timedelta(hours=1))
    MeetingFactory(body=jag_a, starts_at=timezone.now() + timedelta(days=2), status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders.delay().get() == 0
    assert not mail.outbox


@override_settings(MEETING_REMINDER_DAYS=10)
def test_the_lead_time_comes_from_the_setting(world, django_capture_on_commit_callbacks):
    MeetingFactory(body=world.bodies.jag_a, starts_at=timezone.now() + timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders.delay().get() == 1
    assert len(mail.outbox) == 1


def test_the_daily_beat_entry_runs_the_task():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["send-meeting-reminders"]
    assert entry["task"] == "governance.tasks.send_meeting_reminders"
    assert settings.MEETING_REMINDER_DAYS == 7
