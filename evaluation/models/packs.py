"""Evaluation models: board packs, the printable reports to the Strategic Partnership Board.

A pack is drafted for a period and a scope (all of LLR, one Community Safety Partnership or
one People Zone), generated from live data, and published. Publishing freezes it: the
rendered HTML and the PDF are stored with a hash of both, so what the board saw never
changes. `BoardPack.TRANSITIONS` is the one list of allowed moves.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Body
from peoplezones.models import Zone

__all__ = ["BoardPack"]


class PackStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PackScope(models.TextChoices):
    ALL = "all", "All of Leicester, Leicestershire and Rutland"
    CSP = "csp", "One Community Safety Partnership"
    ZONE = "zone", "One People Zone"


DEFAULT_RECOMMENDATIONS = "The Board is asked to note this paper."


class BoardPackQuerySet(models.QuerySet):
    def without_documents(self) -> "BoardPackQuerySet":
        """Lists never need the stored HTML or PDF: leave them in the database."""
        return self.defer("content_html", "pdf")

    def for_board(self) -> "BoardPackQuerySet":
        """What the board may read: published packs, and withdrawn ones (kept, marked)."""
        return self.exclude(status=PackStatus.DRAFT)


class BoardPack(models.Model):
    """A report to the board for a period and a scope; frozen once published."""

    Status = PackStatus
    Scope = PackScope

    # action: (the states it may start from, the state it leads to)
    TRANSITIONS = {
        "publish": ((Status.DRAFT,), Status.PUBLISHED),
        "withdraw": ((Status.PUBLISHED,), Status.WITHDRAWN),
    }

    title = models.CharField(max_length=200)
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.ALL)
    csp = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_packs",
        limit_choices_to={"level": Body.Level.CSP},
        verbose_name="Community Safety Partnership",
    )
    zone = models.ForeignKey(
        Zone, on_delete=models.PROTECT, null=True, blank=True, related_name="board_packs"
    )
    period_start = models.DateField("Start of the period")
    period_end = models.DateField("End of the period")
    introduction = models.TextField(
        blank=True, help_text="Your own words, after the generated introduction (optional)."
    )
    recommendations = models.TextField(default=DEFAULT_RECOMMENDATIONS)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The document's sections as last generated; frozen with the PDF when published.
    content_html = models.TextField(blank=True, editable=False)
    generated_at = models.DateTimeField(null=True, blank=True, editable=False)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField("Reason for withdrawing", blank=True)
    # The stored documents stay out of the history: they never change once published.
    history = HistoricalRecords(excluded_fields=["content_html", "pdf"])

    objects = BoardPackQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="board_pack_status_known", condition=Q(status__in=PackStatus.values)
            ),
            models.CheckConstraint(
                name="board_pack_period_in_order",
                violation_error_message="The end of the period must be on or after its start.",
                condition=Q(period_end__gte=F("period_start")),
            ),
            models.CheckConstraint(
                name="board_pack_scope_matches",
                violation_error_message="Choose the partnership for a partnership's pack, the "
                "zone for a zone's pack, and neither for all of LLR.",
                condition=Q(scope="all", csp__isnull=True, zone__isnull=True)
                | Q(scope="csp", csp__isnull=False, zone__isnull=True)
                | Q(scope="zone", csp__isnull=True, zone__isnull=False),
            ),
            models.CheckConstraint(
                name="board_pack_published_is_frozen",
                condition=Q(status="draft")
                | (
                    Q(published_at__isnull=False, published_by__isnull=False, pdf__isnull=False)
                    & ~Q(content_hash="")
                    & ~Q(content_html="")
                ),
            ),
            models.CheckConstraint(
                name="board_pack_withdrawn_has_reason",
                condition=~Q(status="withdrawn")
                | (
                    Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False)
                    & ~Q(withdrawn_reason="")
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("board-pack-detail", args=[self.pk])

    def get_report_url(self) -> str:
        return reverse("board-report-detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def scope_label(self) -> str:
        if self.scope == self.Scope.CSP:
            return self.csp.name
        if self.scope == self.Scope.ZONE:
            return f"{self.zone.name} People Zone"
        return "Leicester, Leicestershire and Rutland"

    def allows(self, action: str) -> bool:
        sources, _ = self.TRANSITIONS[action]
        return self.status in sources

    def computed_hash(self) -> str:
        """SHA-256 of the stored HTML and PDF together, as checked against `content_hash`."""
        digest = hashlib.sha256(self.content_html.encode("utf-8"))
        digest.update(b"\0")
        digest.update(bytes(self.pdf or b""))
        return digest.hexdigest()

    @property
    def is_intact(self) -> bool:
        return bool(self.content_hash) and self.computed_hash() == self.content_hash

    @property
    def filename(self) -> str:
        return f"board-pack-{self.pk}-{self.period_end:%Y-%m-%d}.pdf"
