"""The record of each request handled: who exported or erased whom, when and why.

It holds no personal data of the person beyond their (anonymised, once erased) account.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class PrivacyRequest(models.Model):
    class Kind(models.TextChoices):
        EXPORT = "export", "Subject access export"
        ERASURE = "erasure", "Erasure"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="privacy_requests"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="privacy_requests_handled"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of person #{self.subject_id}"
