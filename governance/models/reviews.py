"""Governance models: the bi-annual review events (seed paragraph 4).

Twice a year the OPCC hosts an event that reviews the plans of each Community Safety
Partnership and People Zone, agrees the strategic direction and the budget for the next
period. Money (allocations and the spend against them) is kept apart from in-kind
contributions (staff hours, rooms, equipment), because the seed aims at no additional
revenue cost.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

__all__ = [
    "Allocation",
    "InKindContribution",
    "ReviewDirectionItem",
    "ReviewEvent",
    "ReviewPlan",
    "Spend",
]

PENNY = Decimal("0.01")
period_validator = RegexValidator(
    r"^\d{4}-(0[1-9]|1[0-2])$", "Enter the period as a year and month, such as 2027-01."
)


class ReviewEventQuerySet(models.QuerySet):
    def upcoming(self, today):
        """Events still to come that have not been cancelled, soonest first."""
        return self.filter(
            date__gte=today,
            status__in=[ReviewEvent.Status.PLANNED, ReviewEvent.Status.INVITATIONS_SENT],
        ).order_by("date", "pk")


class ReviewEvent(models.Model):
    """One bi-annual review event; one per period (a year and month such as 2027-01)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        INVITATIONS_SENT = "invitations_sent", "Invitations sent"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    period = models.CharField(
        max_length=7,
        unique=True,
        validators=[period_validator],
        help_text="The year and month the event belongs to, such as 2027-01.",
    )
    title = models.CharField(max_length=200)
    date = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    direction = models.TextField(
        "Strategic direction agreed",
        blank=True,
        help_text="What the event agreed about the partnership's direction for the next period.",
    )
    invitations_sent_at = models.DateTimeField(null=True, blank=True)
    pack_compiled_at = models.DateTimeField(
        null=True, blank=True, help_text="When the plans under review were captured for the pack."
    )
    held_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ReviewEventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="review_event_status_valid",
                condition=Q(status__in=["planned", "invitations_sent", "held", "cancelled"]),
            ),
            models.CheckConstraint(
                name="review_event_invited_has_date",
                condition=~Q(status__in=["invitations_sent", "held"])
                | Q(invitations_sent_at__isnull=False),
            ),
            models.CheckConstraint(
                name="review_event_held_has_date",
                condition=~Q(status="held") | Q(held_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("review-event-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        """Still to be held: details, plans and proposed allocations may change."""
        return self.status in (self.Status.PLANNED, self.Status.INVITATIONS_SENT)

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


def _one_of_body_or_zone(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=f"{prefix}_body_or_zone",
        condition=Q(body__isnull=False, zone__isnull=True)
        | Q(body__isnull=True, zone__isnull=False),
    )


class ReviewPlan(models.Model):
    """A plan under review: a CSP's or a People Zone's plan and progress, as they stood when
    the pack was compiled. A snapshot, so the pack reads the same after the event."""

    event = models.ForeignKey(ReviewEvent, on_delete=models.CASCADE, related_name="plans")
    body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    zone = models.ForeignKey(
        "peoplezones.Zone", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="The plan itself, as it stood.")
    progress = models.TextField(blank=True, help_text="Progress against it, as it stood.")
    # [[label, value], …]: a few figures read from live data when captured.
    figures = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    captured_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "position", "name"]
        constraints = [
            _one_of_body_or_zone("review_plan"),
            models.UniqueConstraint(
                fields=["event", "body"], condition=Q(body__isnull=False), name="review_plan_body"
            ),
            models.UniqueConstraint(
                fields=["event", "zone"], condition=Q(zone__isnull=False), name="review_plan_zone"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.event})"

    @property
    def kind(self) -> str:
        return "People Zone" if self.zone_id else "Community Safety Partnership"


class ReviewDirectionItem(models.Model):
    """A priority the event agreed to set or to retire, as part of the strategic direction."""

    class Action(models.TextChoices):
        SET = "set", "Set"
        RETIRE = "retire", "Retire"

    event = models.ForeignKey(ReviewEvent, on_delete=models.CASCADE, related_name="direction_items")
    action = models.CharField(max_length=10, choices=Action.choices)
    priority = models.ForeignKey(
        "governance.Priority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_decisions",
        help_text="The priority concerned; a new one to set may not exist yet.",
    )
    title = models.CharField(max_length=200)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "action", "title"]
        constraints = [
            # Only an existing priority can be retired.
            models.CheckConstraint(
                name="review_direction_retire_names_priority",
                condition=Q(action="set") | Q(priority__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["event", "action", "title"], name="review_direction_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.title}"


class Allocation(models.Model):
    """Money agreed at a review event for a body or a zone for the next period."""

    class FundingSource(models.TextChoices):
        COMMUNITY_SAFETY_FUND = "community_safety_fund", "OPCC community safety fund"
        COMMISSIONING = "commissioning", "OPCC commissioning budget"
        PARTNER = "partner", "Partner agency contribution"
        GRANT = "grant", "External grant"
        OTHER = "other", "Other"

    event = models.ForeignKey(ReviewEvent, on_delete=models.CASCADE, related_name="allocations")
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    zone = models.ForeignKey(
        "peoplezones.Zone",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    amount = models.DecimalField(
        "Amount (£)", max_digits=12, decimal_places=2, validators=[MinValueValidator(PENNY)]
    )
    purpose = models.CharField(max_length=300)
    funding_source = models.CharField(max_length=30, choices=FundingSource.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "pk"]
        constraints = [
            _one_of_body_or_zone("allocation"),
            models.CheckConstraint(name="allocation_amount_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"£{self.amount:,.2f} to {self.recipient} for {self.purpose}"

    @property
    def recipient(self):
        return self.body or self.zone

    # `spent` is annotated by governance.selectors.reviews.allocations_with_spend.
    @property
    def remaining(self) -> Decimal:
        return self.amount - self.spent

    @property
    def is_overspent(self) -> bool:
        return self.spent > self.amount

    @property
    def overspend(self) -> Decimal:
        return max(self.spent - self.amount, Decimal("0.00"))


class Spend(models.Model):
    """Money spent against an allocation."""

    allocation = models.ForeignKey(Allocation, on_delete=models.CASCADE, related_name="spends")
    date = models.DateField()
    amount = models.DecimalField(
        "Amount (£)", max_digits=12, decimal_places=2, validators=[MinValueValidator(PENNY)]
    )
    description = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["allocation", "date", "pk"]
        verbose_name_plural = "spend"
        constraints = [
            models.CheckConstraint(name="spend_amount_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"£{self.amount:,.2f} on {self.date:%-d %B %Y}: {self.description}"


class InKindContribution(models.Model):
    """Staff hours, rooms or equipment given in kind: recorded apart from money."""

    event = models.ForeignKey(
        ReviewEvent, on_delete=models.CASCADE, related_name="in_kind_contributions"
    )
    organisation = models.ForeignKey(
        "governance.Organisation", on_delete=models.PROTECT, related_name="in_kind_contributions"
    )
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="in_kind_contributions",
        help_text="The body it supports, if any.",
    )
    zone = models.ForeignKey(
        "peoplezones.Zone",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="in_kind_contributions",
        help_text="The People Zone it supports, if any.",
    )
    description = models.CharField(max_length=300)
    hours = models.DecimalField(
        "Staff hours",
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
    )
    estimated_value = models.DecimalField(
        "Estimated value (£)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(PENNY)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "organisation__name", "pk"]
        constraints = [
            models.CheckConstraint(
                name="in_kind_has_hours_or_value",
                condition=Q(hours__isnull=False) | Q(estimated_value__isnull=False),
            ),
            models.CheckConstraint(
                name="in_kind_hours_positive", condition=Q(hours__isnull=True) | Q(hours__gt=0)
            ),
            models.CheckConstraint(
                name="in_kind_value_positive",
                condition=Q(estimated_value__isnull=True) | Q(estimated_value__gt=0),
            ),
            models.CheckConstraint(
                name="in_kind_one_recipient_at_most",
                condition=Q(body__isnull=True) | Q(zone__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.description}"

    @property
    def recipient(self):
        return self.body or self.zone
