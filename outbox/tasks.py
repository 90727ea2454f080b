"""The outbox's job: send again what could not be sent when it was asked for."""

import datetime

from celery import shared_task

from outbox.services import outbox_drain, outbox_purge_sent

# Messages this young are still being sent by the request that made them.
GRACE = datetime.timedelta(seconds=30)


@shared_task(name="outbox.tasks.drain_outbox")
def drain_outbox() -> int:
    """Every minute: send the messages still waiting, and forget those sent a week ago.
    Returns how many were sent."""
    sent = outbox_drain(older_than=GRACE)
    outbox_purge_sent()
    return sent
