"""People Zones models: activities the community panels log, and the words evaluation uses.

A panel member logs what happened, which resilience domains it touched and which
principles of the approach it applied. Domains and principles live in small child tables,
one row per tick, so they can be counted by domain cheaply on SQLite and PostgreSQL alike.
"""

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Organisation
from peoplezones.models.plans import Objective
from peoplezones.models.zones import Zone

__all__ = [
    "Activity",
    "ActivityDomain",
    "ActivityPrinciple",
    "ApproachPrinciple",
    "ResilienceDomain",
]


class ResilienceDomain(models.TextChoices):
    """The four resilience domains of seed para 5.iv (values as in the plans' themes)."""

    SKILLS = "skills", "Skills"
    RESOURCES = "resources", "Resources"
    HEALTH = "health", "Health and well-being"
    SAFETY = "safety", "Safety"


class ApproachPrinciple(models.TextChoices):
    """The four principles of the underpinning approach (seed para 6)."""

    COMMUNITY_ENABLED = "community_enabled", "Community enabled"
    RESILIENCE_BUILDING = "resilience_building", "Resilience building"
    PROBLEM_SOLVING = "problem_solving", "Problem solving"
    INTEGRATION = "integration_of_services", "Integration of services"


def photo_upload_to(activity: "Activity", filename: str) -> str:
    # Never the uploader's file name: it may say who is in the photo, or where they live.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"activity-photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ActivityQuerySet(models.QuerySet):
    def in_month(self, month: datetime.date) -> "ActivityQuerySet":
        """Activities that took place in the calendar month of `month`."""
        return self.filter(occurred_on__year=month.year, occurred_on__month=month.month)

    def verified(self, is_verified: bool = True) -> "ActivityQuerySet":
        return self.filter(verified_at__isnull=not is_verified)


class Activity(models.Model):
    """Something a community panel did in its zone, logged by one of its members."""

    zone = models.ForeignKey(Zone, on_delete=models.PROTECT, related_name="activities")
    title = models.CharField(max_length=200)
    occurred_on = models.DateField("Date")
    description = models.TextField("What happened")
    participants = models.PositiveIntegerField("Number of participants", default=0)
    volunteer_hours = models.DecimalField(
        "Volunteer hours", max_digits=7, decimal_places=1, default=0
    )
    in_kind_description = models.TextField(
        "In-kind resources",
        blank=True,
        help_text="Rooms, equipment, staff time or anything else given without charge.",
    )
    in_kind_value = models.DecimalField(
        "Estimated value of in-kind resources (£)", max_digits=10, decimal_places=2, default=0
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="activities", verbose_name="Organisations involved"
    )
    other_organisations = models.CharField(
        "Other groups involved",
        max_length=500,
        blank=True,
        help_text="Community groups and others without an account here.",
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="Delivery plan objective",
    )
    # A string reference: toolkit.models imports from peoplezones, so importing it here
    # would be circular. Counted by zone and month on the method's public page.
    method = models.ForeignKey(
        "toolkit.Method",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="Toolkit method used",
        limit_choices_to={"status": "published", "revision_of__isnull": True},
    )
    # Served only through a view that checks who is asking (see views/activities.py).
    photo = models.FileField(upload_to=photo_upload_to, blank=True, max_length=200)
    photo_type = models.CharField(max_length=20, blank=True, help_text="Checked content type.")
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="logged_activities"
    )
    logged_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verified_activities",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "activities"
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["zone", "-occurred_on"], name="activity_zone_date"),
            # The list across zones, newest first (see README, Performance).
            models.Index(fields=["-occurred_on", "-id"], name="activity_date"),
            # The verification queue: only unverified rows, oldest logged first.
            models.Index(
                fields=["logged_at", "id"],
                include=["logged_by"],
                condition=Q(verified_at__isnull=True),
                name="activity_unverified",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="activity_volunteer_hours_not_negative", condition=Q(volunteer_hours__gte=0)
            ),
            models.CheckConstraint(
                name="activity_in_kind_value_not_negative", condition=Q(in_kind_value__gte=0)
            ),
            # Verified means both who and when; an unverified entry has neither.
            models.CheckConstraint(
                name="activity_verified_by_and_when",
                condition=Q(verified_by__isnull=True, verified_at__isnull=True)
                | Q(verified_by__isnull=False, verified_at__isnull=False),
            ),
            models.CheckConstraint(
                name="activity_photo_has_type",
                condition=Q(photo="", photo_type="") | (~Q(photo="") & ~Q(photo_type="")),
            ),
            models.CheckConstraint(
                name="activity_not_verified_by_author", condition=~Q(verified_by=F("logged_by"))
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activity-detail", args=[self.pk])

    def clean(self) -> None:
        if self.objective_id and self.zone_id and self.objective.zone_id != self.zone_id:
            raise ValidationError(
                {"objective": "Choose an objective from this zone's delivery plan."}
            )
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError({"occurred_on": "The date must be today or in the past."})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def edit_deadline(self) -> datetime.datetime:
        """Until when its author may change the entry (unless it is verified first)."""
        return self.logged_at + datetime.timedelta(hours=settings.ACTIVITY_EDIT_HOURS)

    @property
    def domain_values(self) -> list[str]:
        return [link.domain for link in self.domain_links.all()]

    @property
    def domain_labels(self) -> list[str]:
        return choice_labels(self.domain_values, ResilienceDomain)

    @property
    def principle_values(self) -> list[str]:
        return [link.principle for link in self.principle_links.all()]

    @property
    def principle_labels(self) -> list[str]:
        return choice_labels(self.principle_values, ApproachPrinciple)


def choice_labels(values: list[str], choices: type[models.TextChoices]) -> list[str]:
    """The labels of these values, in the order the seed report lists them."""
    order = list(choices.values)
    return [choices(value).label for value in sorted(values, key=order.index)]


class ActivityDomain(models.Model):
    """One resilience domain an activity touched."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="domain_links")
    domain = models.CharField(max_length=20, choices=ResilienceDomain.choices, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "domain"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "domain"], name="activity_domain_once"),
            models.CheckConstraint(
                name="activity_domain_known", condition=Q(domain__in=ResilienceDomain.values)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_domain_display()}"


class ActivityPrinciple(models.Model):
    """One principle of the approach an activity applied."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.CharField(max_length=30, choices=ApproachPrinciple.choices, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "principle"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "principle"], name="activity_principle_once"
            ),
            models.CheckConstraint(
                name="activity_principle_known",
                condition=Q(principle__in=ApproachPrinciple.values),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_principle_display()}"
