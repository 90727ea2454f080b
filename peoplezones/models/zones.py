from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import Body


class Zone(models.Model):
    """A People Zone: a community-led programme in a small area."""

    class AreaType(models.TextChoices):
        CITY = "city", "City"
        COUNTY = "county", "County"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    area_type = models.CharField(max_length=10, choices=AreaType.choices)
    district = models.CharField(max_length=200)
    csp = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="csp_zones",
        limit_choices_to={"level": Body.Level.CSP},
        verbose_name="Community Safety Partnership",
    )
    jag = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jag_zones",
        limit_choices_to={"level": Body.Level.JAG},
        verbose_name="Joint Action Group",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    description = models.TextField(blank=True)
    location = models.CharField(
        max_length=200,
        blank=True,
        help_text="A place name, ward or postcode area, such as “New Parks ward” or “LE3 9”.",
    )
    latitude = models.DecimalField(max_digits=8, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    opened_on = models.DateField("Opened", null=True, blank=True)
    closed_on = models.DateField("Closed", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            # A point needs both coordinates, each within range.
            models.CheckConstraint(
                name="zone_point_complete",
                violation_error_message=(
                    "Give both latitude and longitude, each within range, or neither."
                ),
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
            ),
            models.CheckConstraint(
                name="zone_closes_after_opening",
                violation_error_message="A zone cannot close before it opened.",
                condition=models.Q(opened_on__isnull=True)
                | models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("zone-detail", args=[self.slug])

    @property
    def is_county(self) -> bool:
        return self.area_type == self.AreaType.COUNTY

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class PanelMembership(models.Model):
    """A community member's place on a zone's Community Panel."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="panel")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_memberships"
    )
    is_chair = models.BooleanField(default=False)
    joined_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zone", "-is_chair", "user"]
        constraints = [
            models.UniqueConstraint(fields=["zone", "user"], name="panel_membership_once"),
            models.UniqueConstraint(
                fields=["zone"], condition=models.Q(is_chair=True), name="panel_one_chair"
            ),
        ]

    def __str__(self) -> str:
        role = "chair" if self.is_chair else "member"
        return f"{self.user} — panel {role}, {self.zone}"
