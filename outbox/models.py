"""One row per piece of background work asked for: written in the same transaction as the
change that asked for it, so work is queued if and only if that change is kept."""

import uuid

from django.db import models


class Message(models.Model):
    # The id is also the Celery task id: a message sent twice (sent, then the process died
    # before marking it) reaches the worker as the same task, whose work is idempotent.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="outbox_pending",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        state = "sent" if self.sent_at else "pending"
        return f"{self.task} ({state})"
