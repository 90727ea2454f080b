"""Governance models: priorities set at the top of the partnership and routed down to each
body below, which acknowledges them and reports what it does (seed paragraph 4)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

__all__ = ["Priority", "PriorityAssignment", "PriorityReport"]


class Priority(models.Model):
    """A priority a Strategic Partnership Board or Senior Officers' Group sets."""

    class Theme(models.TextChoices):
        # The Police and Crime Plan 2024 priorities (DOMAIN.md).
        VIOLENCE = "violence", "Violence and vulnerability"
        ROADS = "roads", "Road safety"
        VAWG = "vawg", "Violence against women and girls"
        NEIGHBOURHOOD = "neighbourhood", "Neighbourhood crime"
        BUSINESS = "business", "Business crime"
        RURAL = "rural", "Rural crime"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        RETIRED = "retired", "Retired"

    title = models.CharField(max_length=200)
    description = models.TextField()
    rationale = models.TextField(help_text="Why the partnership makes this a priority.")
    theme = models.CharField(
        max_length=20,
        choices=Theme.choices,
        blank=True,
        help_text="The Police and Crime Plan priority this serves, if any.",
    )
    period_start = models.DateField()
    period_end = models.DateField()
    acknowledge_by = models.DateField(help_text="Each body should acknowledge it by then.")
    setting_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="priorities_set"
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="priorities_set"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "priorities"
        constraints = [
            models.CheckConstraint(
                name="priority_period_in_order",
                condition=models.Q(period_end__gte=models.F("period_start")),
            ),
            models.CheckConstraint(
                name="priority_retired_has_date",
                condition=models.Q(status="active", retired_at__isnull=True)
                | models.Q(status="retired", retired_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("priority_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class PriorityAssignmentQuerySet(models.QuerySet):
    def awaiting(self):
        """Assignments of active priorities still owing an acknowledgement or a first report."""
        return self.filter(
            priority__status=Priority.Status.ACTIVE,
            status__in=[PriorityAssignment.Status.AWAITING, PriorityAssignment.Status.ACKNOWLEDGED],
        )

    def overdue(self, today=None):
        """Not acknowledged although the acknowledge-by date has passed."""
        return self.filter(
            priority__status=Priority.Status.ACTIVE,
            status=PriorityAssignment.Status.AWAITING,
            priority__acknowledge_by__lt=today or timezone.localdate(),
        )


class PriorityAssignment(models.Model):
    """A priority routed to one body: its acknowledgement, its response and its reports."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting acknowledgement"
        ACKNOWLEDGED = "acknowledged", "Acknowledged, no report yet"
        REPORTING = "reporting", "Reporting"

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="assignments")
    body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="priority_assignments"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    response = models.TextField(blank=True, help_text="What the body will do.")
    # The latest report, kept here so roll-ups need no per-row query.
    last_reported_at = models.DateTimeField(null=True, blank=True)
    last_rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = PriorityAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "-body__level", "body__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "body"], name="priorityassignment_once_per_body"
            ),
            models.CheckConstraint(
                name="priorityassignment_acknowledged_has_response",
                condition=models.Q(status="awaiting", acknowledged_at__isnull=True)
                | (
                    ~models.Q(status="awaiting")
                    & models.Q(acknowledged_at__isnull=False)
                    & ~models.Q(response="")
                ),
            ),
            models.CheckConstraint(
                name="priorityassignment_reporting_has_report",
                condition=~models.Q(status="reporting")
                | (models.Q(last_reported_at__isnull=False) & ~models.Q(last_rag="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.priority} → {self.body}"

    def get_absolute_url(self) -> str:
        return reverse("priority_assignment", args=[self.priority_id, self.pk])

    @property
    def is_acknowledged(self) -> bool:
        return self.status != self.Status.AWAITING

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.AWAITING
            and self.priority.is_active
            and self.priority.acknowledge_by < timezone.localdate()
        )


class PriorityReport(models.Model):
    """A body's report of progress on a priority: a RAG status and what has happened."""

    assignment = models.ForeignKey(
        PriorityAssignment, on_delete=models.CASCADE, related_name="reports"
    )
    rag = models.CharField(max_length=10, choices=PriorityAssignment.Rag.choices)
    text = models.TextField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(name="priorityreport_has_text", condition=~models.Q(text="")),
        ]

    def __str__(self) -> str:
        return f"{self.get_rag_display()}: {self.assignment}"
