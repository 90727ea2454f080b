"""The outbox on its own: work is queued only if the change that asked for it commits; with
the broker refusing connections the change still commits and the work waits; the drain
sends it later, and sending a message twice never e-mails anyone twice. Runs on both CI
runs: the refused broker is a real connection to a port where nothing listens."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from governance.services.notifications import notify_users
from outbox.models import Message
from outbox.services import outbox_drain, outbox_purge_sent
from outbox.tasks import drain_outbox


@pytest.fixture
def broker_down():
    """Celery in this process sends, for real, to a port where nothing listens."""
    from config.celery import app

    keys = ("broker_url", "broker_write_url", "broker_transport_options", "task_always_eager")
    saved = {key: app.conf[key] for key in keys}
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app.conf.broker_write_url = None
    app.conf.broker_transport_options = {"socket_connect_timeout": 2}
    app.conf.task_always_eager = False
    app._after_fork()
    yield app
    for key, value in saved.items():
        app.conf[key] = value
    app._after_fork()


def _tell(world, key=""):
    return notify_users(
        users=[world.people.board], kind="issue", subject="Hello", message="Hi", key=key
    )


def test_work_asked_for_in_a_transaction_that_rolls_back_is_never_queued(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _tell(world)
        assert Message.objects.count() == 1
        raise RuntimeError("the change fails")
    assert callbacks == [] and not Message.objects.exists() and mailoutbox == []


def test_with_the_broker_down_the_change_commits_and_its_work_waits(
    world, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notifications = _tell(world)
    assert len(notifications) == 1  # the change itself is kept
    message = Message.objects.get()
    assert (message.task, message.args, message.sent_at) == (
        "governance.tasks.send_notification_emails",
        [[notifications[0].pk]],
        None,
    )
    assert message.attempts == 1 and "refused" in message.last_error.lower()
    # The minute's job leaves young messages to the request that made them...
    assert drain_outbox() == 0
    # ...and the command says plainly that the broker did not take them.
    with pytest.raises(CommandError, match="did not take every message"):
        call_command("drain_outbox")
    message.refresh_from_db()
    assert (message.sent_at, message.attempts) == (None, 2)


def test_a_message_sent_twice_emails_each_person_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    # As if the process died after sending and before marking it sent: sent again.
    _tell(world)  # its e-mail is queued in the outbox
    message = Message.objects.get()
    assert outbox_drain() == 1
    Message.objects.filter(pk=message.pk).update(sent_at=None)
    assert outbox_drain() == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [world.people.board.email]
    assert not Message.objects.filter(sent_at__isnull=True).exists()


def test_the_job_sends_what_waited_and_forgets_what_was_sent_a_week_ago(world, mailoutbox):
    long_ago = timezone.now() - datetime.timedelta(days=8)
    old = Message.objects.create(task="outbox.tasks.drain_outbox", sent_at=long_ago)
    _tell(world)
    waiting = Message.objects.exclude(pk=old.pk).get()
    Message.objects.filter(pk=waiting.pk).update(created_at=long_ago)
    assert drain_outbox() == 1
    assert len(mailoutbox) == 1
    assert not Message.objects.filter(pk=old.pk).exists()
    assert Message.objects.get(pk=waiting.pk).sent_at is not None
    assert outbox_purge_sent() == 0
