"""People Zones models: initiatives partner agencies offer to the zones (seed para 7).

An initiative moves submitted → under review → accepted or declined, or is withdrawn by
its organisation before a decision. `Initiative.TRANSITIONS` is the one list of allowed
moves; the services in peoplezones/services/initiatives.py follow it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Organisation
from peoplezones.models.plans import Milestone, Objective
from peoplezones.models.zones import Zone

__all__ = ["Initiative", "InitiativeZone"]


class InitiativeQuerySet(models.QuerySet):
    def undecided(self) -> "InitiativeQuerySet":
        return self.filter(status__in=Initiative.UNDECIDED)

    def decided(self) -> "InitiativeQuerySet":
        return self.filter(status__in=Initiative.DECIDED)


class InitiativeStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Initiative(models.Model):
    """An offer from a partner agency to one or more zones: what, for whom, at what cost."""

    Status = InitiativeStatus

    # action: (the states it may start from, the state it leads to)
    TRANSITIONS = {
        "review": ((Status.SUBMITTED,), Status.UNDER_REVIEW),
        "accept": ((Status.UNDER_REVIEW,), Status.ACCEPTED),
        "decline": ((Status.UNDER_REVIEW,), Status.DECLINED),
        "withdraw": ((Status.SUBMITTED, Status.UNDER_REVIEW), Status.WITHDRAWN),
    }
    UNDECIDED = (Status.SUBMITTED, Status.UNDER_REVIEW)
    DECIDED = (Status.ACCEPTED, Status.DECLINED)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="initiatives"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submitted_initiatives"
    )
    zones = models.ManyToManyField(Zone, through="InitiativeZone", related_name="initiatives")
    title = models.CharField("Name of the initiative", max_length=200)
    description = models.TextField("What it involves")
    audience = models.TextField("Who it is for")
    resources_offered = models.TextField(
        "What your organisation offers",
        help_text="Staff time, rooms, equipment, funding or anything else you bring.",
    )
    cost_to_zone = models.DecimalField(
        "Cost to the zone (£)",
        max_digits=10,
        decimal_places=2,
        default=0,
        help_text="Zones run on existing resources: the aim is no additional revenue cost. "
        "Enter 0 if the zone pays nothing.",
    )
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date", null=True, blank=True)
    contact_name = models.CharField("Contact name", max_length=200)
    contact_email = models.EmailField("Contact email address")
    contact_phone = models.CharField("Contact telephone number", max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_initiatives",
    )
    review_started_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_initiatives",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(
        "Reason", blank=True, help_text="Why it was declined, or a note on its acceptance."
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="withdrawn_initiatives",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["status", "-submitted_at"], name="initiative_status")]
        constraints = [
            models.CheckConstraint(
                name="initiative_status_known", condition=Q(status__in=InitiativeStatus.values)
            ),
            models.CheckConstraint(
                name="initiative_cost_not_negative", condition=Q(cost_to_zone__gte=0)
            ),
            models.CheckConstraint(
                name="initiative_ends_after_start",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
            ),
            models.CheckConstraint(
                name="initiative_reviewed_has_reviewer",
                condition=Q(status__in=["submitted", "withdrawn"])
                | Q(reviewer__isnull=False, review_started_at__isnull=False),
            ),
            models.CheckConstraint(
                name="initiative_decided_has_decider",
                condition=~Q(status__in=["accepted", "declined"])
                | Q(decided_by__isnull=False, decided_at__isnull=False),
            ),
            models.CheckConstraint(
                name="initiative_declined_has_reason",
                condition=~Q(status="declined") | ~Q(decision_reason=""),
            ),
            models.CheckConstraint(
                name="initiative_withdrawn_has_when",
                condition=~Q(status="withdrawn")
                | Q(withdrawn_by__isnull=False, withdrawn_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiative-detail", args=[self.pk])

    @property
    def is_undecided(self) -> bool:
        return self.status in self.UNDECIDED

    @property
    def is_free_to_zone(self) -> bool:
        return self.cost_to_zone == 0

    def allows(self, action: str) -> bool:
        """Whether the workflow allows this action from the current status."""
        sources, _ = self.TRANSITIONS[action]
        return self.status in sources


class InitiativeZone(models.Model):
    """A zone an initiative is offered to; once accepted, where it sits in that zone's plan."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="zone_links")
    zone = models.ForeignKey(Zone, on_delete=models.PROTECT, related_name="initiative_links")
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative_links",
        verbose_name="Delivery plan objective",
    )
    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative_links",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["initiative", "zone__name"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "zone"], name="initiative_zone_once"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} in {self.zone}"
