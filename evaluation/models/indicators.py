"""Evaluation models: the indicators by which a zone tells whether its ambition statement
is being realised, and the measurements taken of them over time (seed para 5.iv)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from peoplezones.models import AmbitionStatement, ResilienceDomain

__all__ = ["Direction", "Indicator", "Measurement"]


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Indicator(models.Model):
    """A measure of one ambition statement, in one resilience domain, with where it
    started (baseline) and where the community wants it to be by a date (target)."""

    ambition_statement = models.ForeignKey(
        AmbitionStatement, on_delete=models.PROTECT, related_name="indicators"
    )
    name = models.CharField(max_length=200)
    domain = models.CharField("Resilience domain", max_length=20, choices=ResilienceDomain.choices)
    unit = models.CharField(
        max_length=60, help_text="Such as %, people, £ or incidents per 1,000 residents."
    )
    direction = models.CharField(max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField("Baseline", max_digits=12, decimal_places=2)
    baseline_on = models.DateField("Baseline date")
    target_value = models.DecimalField("Target", max_digits=12, decimal_places=2)
    target_on = models.DateField("Target date")
    source = models.CharField(
        max_length=300, help_text="Where the figures come from, such as the residents' survey."
    )
    description = models.TextField("How it is counted", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["ambition_statement", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ambition_statement", "name"],
                name="indicator_name_once",
                violation_error_message="This ambition statement already has an indicator "
                "with this name.",
            ),
            models.CheckConstraint(
                name="indicator_domain_known",
                condition=Q(domain__in=ResilienceDomain.values),
            ),
            models.CheckConstraint(
                name="indicator_direction_known", condition=Q(direction__in=Direction.values)
            ),
            models.CheckConstraint(
                name="indicator_target_after_baseline",
                violation_error_message="The target date must be after the baseline date.",
                condition=Q(target_on__gt=F("baseline_on")),
            ),
            # The target lies the way the indicator should move: up if higher is better.
            models.CheckConstraint(
                name="indicator_target_in_direction",
                violation_error_message="The target must be above the baseline when higher is "
                "better, and below it when lower is better.",
                condition=Q(direction="higher", target_value__gt=F("baseline_value"))
                | Q(direction="lower", target_value__lt=F("baseline_value")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicator-detail", args=[self.pk])

    @property
    def zone(self):
        return self.ambition_statement.zone


class Measurement(models.Model):
    """One reading of an indicator on a date, and who entered it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    measured_on = models.DateField("Date")
    source = models.CharField(
        max_length=300, blank=True, help_text="Only if it differs from the indicator's source."
    )
    note = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "measured_on", "pk"]
        indexes = [models.Index(fields=["indicator", "-measured_on"], name="measurement_latest")]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="measurement_once_per_date",
                violation_error_message="This indicator already has a measurement on this date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} on {self.measured_on:%-d %B %Y}"

    @property
    def shown_source(self) -> str:
        return self.source or self.indicator.source
