"""Governance models: notifications, in the app and by e-mail."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

__all__ = ["Notification"]


class Notification(models.Model):
    """Something a person should know about: shown in their list and e-mailed once."""

    class Kind(models.TextChoices):
        ISSUE_ESCALATED = "issue_escalated", "Issue escalated"
        ISSUE_RETURNED = "issue_returned", "Issue returned"
        ISSUE_RESOLVED = "issue_resolved", "Issue resolved"
        ISSUE_STALE = "issue_stale", "Issue waiting too long"
        PRIORITY_ROUTED = "priority_routed", "Priority routed"
        PRIORITY_OVERDUE = "priority_overdue", "Priority not acknowledged"
        MEETING_REMINDER = "meeting_reminder", "Meeting reminder"
        REVIEW_INVITATION = "review_invitation", "Review event invitation"
        REVIEW_REMINDER = "review_reminder", "Review event reminder"
        REVIEW_PACK = "review_pack", "Review event pre-read pack"
        REVIEW_CANCELLED = "review_cancelled", "Review event cancelled"
        INITIATIVE_DECIDED = "initiative_decided", "Initiative decided"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        help_text="The body the notification is about, if any.",
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    message = models.TextField()
    url = models.CharField(max_length=500, blank=True, help_text="Where to read more.")
    # Sending twice (a retried task, two schedulers) must not notify twice: a notification
    # that has a key exists once per recipient.
    key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="notification_once_per_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} (to {self.recipient})"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
