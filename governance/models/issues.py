"""Governance models: issues, escalated up the partnership one level at a time and answered
back down (seed paragraph 4)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models.priorities import Priority

__all__ = ["Issue", "IssueStep"]

# An issue's category: the Police and Crime Plan themes, so issues and priorities line up,
# and the local problems JAGs most often raise besides.
ISSUE_CATEGORIES = [
    *Priority.Theme.choices,
    ("asb", "Anti-social behaviour"),
    ("drugs", "Drugs and exploitation"),
    ("environment", "Environment, housing and public space"),
    ("safeguarding", "Safeguarding"),
    ("resources", "Resources and partnership working"),
    ("other", "Other"),
]


def stale_cutoff():
    """Issues that arrived at their body before this moment have waited too long."""
    return timezone.now() - timedelta(days=settings.ISSUE_STALE_DAYS)


class IssueQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Issue.Status.RESOLVED)

    def stale(self):
        return self.open().filter(arrived_at__lt=stale_cutoff())


class Issue(models.Model):
    """A problem a body raised that it could not solve alone. It sits at one body at a time
    (`body`); the trail of `steps` records how it got there."""

    class Status(models.TextChoices):
        RAISED = "raised", "Raised"
        ESCALATED = "escalated", "Escalated"
        RETURNED = "returned", "Returned with a direction"
        RESOLVED = "resolved", "Resolved"

    class Urgency(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    title = models.CharField(max_length=200)
    description = models.TextField()
    area = models.CharField(max_length=200, help_text="The place the issue concerns.")
    category = models.CharField(max_length=20, choices=ISSUE_CATEGORIES)
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.MEDIUM)
    is_confidential = models.BooleanField(
        default=False,
        help_text="Only officers, board members and members of the bodies it passes "
        "through can see a confidential issue.",
    )
    raised_at = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="issues_raised"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="issues_raised"
    )
    # Where the issue sits now, and the body below that sent it here (none at the body
    # that raised it): a return sends it back to that body.
    body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="issues")
    came_from = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RAISED)
    arrived_at = models.DateTimeField(
        default=timezone.now, help_text="When the issue reached the body it sits at."
    )
    # The latest answer given from above (a resolution or a direction sent back down).
    decision = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-arrived_at", "-pk"]
        indexes = [
            models.Index(fields=["body", "status"], name="issue_body_status"),
            models.Index(fields=["raised_at", "status"], name="issue_raised_status"),
            # Open issues by arrival: stale lists and counts, the alignment roll-up.
            models.Index(
                fields=["arrived_at", "id"],
                condition=~models.Q(status="resolved"),
                name="issue_open_arrived",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="issue_resolved_has_decision",
                condition=~models.Q(status="resolved")
                | (~models.Q(decision="") & models.Q(decided_at__isnull=False)),
            ),
            models.CheckConstraint(
                name="issue_came_from_unless_at_origin",
                condition=models.Q(came_from__isnull=True) | ~models.Q(came_from=models.F("body")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("issue_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.RESOLVED

    @property
    def is_stale(self) -> bool:
        return self.is_open and self.arrived_at < stale_cutoff()

    @property
    def days_at_body(self) -> int:
        return (timezone.now() - self.arrived_at).days


class IssueStep(models.Model):
    """One move in an issue's trail: who did what, when, from which body to which."""

    class Action(models.TextChoices):
        RAISED = "raised", "Raised"
        ESCALATED = "escalated", "Escalated"
        RETURNED = "returned", "Returned"
        RESOLVED = "resolved", "Resolved"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="issue_steps"
    )
    from_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="issue_steps_from"
    )
    # Where the issue went: the same body for a raise or a resolution.
    to_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="issue_steps_to"
    )
    text = models.TextField(blank=True, help_text="The reason, decision or direction.")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["to_body", "issue"], name="issuestep_to_body")]
        constraints = [
            models.CheckConstraint(
                name="issuestep_text_unless_raised",
                condition=models.Q(action="raised") | ~models.Q(text=""),
            ),
            models.CheckConstraint(
                name="issuestep_moves_between_bodies",
                condition=models.Q(action__in=["raised", "resolved"], to_body=models.F("from_body"))
                | (
                    models.Q(action__in=["escalated", "returned"])
                    & ~models.Q(to_body=models.F("from_body"))
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.issue}"
