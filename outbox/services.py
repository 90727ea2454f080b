"""Writes of the outbox: record background work with the change that asks for it, send it
to the broker once that change commits, and send again what could not be sent.

A request never waits long on a broker that is down: one quick attempt after commit, then
the row waits for the next drain (a job every minute, or `manage.py drain_outbox`). Tasks
sent this way must be safe to run twice: a message is sent again if the process stops
between sending it and marking it sent (it keeps its task id, so the worker sees one task).
"""

import datetime
import importlib
import logging
import uuid
from collections.abc import Iterable

from celery import Task
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from config.celery import app
from outbox.models import Message

logger = logging.getLogger("outbox")

# One attempt and one quick reconnect: a request that commits while the broker is down
# answers at once and leaves its message for the drain.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# Sent messages are kept this long (for looking into what was sent when), then deleted.
KEEP_SENT = datetime.timedelta(days=7)


def outbox_enqueue(task: Task | str, *args, **kwargs) -> Message:
    """Record `task(*args, **kwargs)` in the current transaction and send it to the broker
    after commit. Rolled back with the transaction, it is never sent."""
    name = task if isinstance(task, str) else task.name
    message = Message.objects.create(task=name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: _publish(message))
    return message


def outbox_drain(
    *,
    older_than: datetime.timedelta | None = None,
    limit: int = 500,
    only: Iterable[uuid.UUID | str] | None = None,
) -> int:
    """Send the messages still waiting (those older than `older_than`, if given: younger
    ones are normally being sent by the request that made them; of those in `only`, if
    given). Stops at the first that cannot be sent. Returns how many were sent. Safe to run
    twice at once."""
    pending = Message.objects.filter(sent_at__isnull=True)
    if older_than is not None:
        pending = pending.filter(created_at__lte=timezone.now() - older_than)
    if only is not None:
        pending = pending.filter(pk__in=list(only))
    sent = 0
    for pk in list(pending.order_by("created_at").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            message = (
                Message.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if message is None:
                continue
            if not _publish(message):
                break
        sent += 1
    return sent


def outbox_purge_sent(*, keep: datetime.timedelta = KEEP_SENT) -> int:
    """Delete messages sent longer ago than `keep`; returns how many."""
    deleted, _ = Message.objects.filter(sent_at__lt=timezone.now() - keep).delete()
    return deleted


def _task(name: str) -> Task:
    if name not in app.tasks:
        # Tasks register when their module is imported; a web process may not have yet.
        importlib.import_module(name.rsplit(".", 1)[0])
    return app.tasks[name]


def _publish(message: Message) -> bool:
    """Send one message; mark it sent, or count the failed attempt. True when sent."""
    task = _task(message.task)
    try:
        task.apply_async(
            args=message.args,
            kwargs=message.kwargs,
            task_id=str(message.pk),
            retry=True,
            retry_policy=PUBLISH_RETRY_POLICY,
        )
    except Exception as error:
        if app.conf.task_always_eager:
            raise  # the task itself failed, in this process: as if called directly
        logger.warning("outbox: kept %s %s for later: %s", task.name, message.pk, error)
        Message.objects.filter(pk=message.pk).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000]
        )
        return False
    Message.objects.filter(pk=message.pk, sent_at__isnull=True).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1
    )
    return True
