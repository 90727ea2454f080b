"""People Zones models: how a zone plans its work.

Workshops and consultations find the key issues; the community's ambition statement (in
versions) says what it wants; objectives and milestones are the delivery plan behind it;
the core team of agency leads supports it; the Braunstone Blues ingredients are checked
off zone by zone.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Organisation
from peoplezones.models.zones import Zone

__all__ = [
    "AmbitionStatement",
    "Consultation",
    "CoreTeamMember",
    "Ingredient",
    "KeyIssue",
    "Milestone",
    "Objective",
    "Workshop",
    "ZoneIngredient",
]


class Theme(models.TextChoices):
    """The resilience domains of seed para 5.iv, used to group issues and objectives."""

    SKILLS = "skills", "Skills"
    RESOURCES = "resources", "Resources"
    HEALTH = "health", "Health and well-being"
    SAFETY = "safety", "Safety"
    OTHER = "other", "Other"


class Workshop(models.Model):
    """A community workshop held in a zone, where residents and partners name key issues."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="workshops")
    held_on = models.DateField("Date")
    title = models.CharField(max_length=200, blank=True)
    attendees = models.PositiveIntegerField("Number attending")
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="workshops", verbose_name="Organisations present"
    )
    other_organisations = models.TextField(
        "Other organisations present",
        blank=True,
        help_text="Community groups and others without an account here, one per line.",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])

    class Meta:
        ordering = ["zone", "-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title or f"Workshop, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("workshop-detail", args=[self.zone.slug, self.pk])


class Consultation(models.Model):
    """Asking the zone's residents: a survey, drop-in, door-knocking or online."""

    class Method(models.TextChoices):
        SURVEY = "survey", "Survey"
        DROP_IN = "drop_in", "Drop-in"
        DOOR_KNOCKING = "door_knocking", "Door-knocking"
        ONLINE = "online", "Online"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(max_length=200)
    method = models.CharField(max_length=20, choices=Method.choices)
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date")
    respondents = models.PositiveIntegerField("Number of respondents", default=0)
    findings = models.TextField("Summary of findings", blank=True)
    key_issues = models.ManyToManyField(
        "KeyIssue",
        blank=True,
        related_name="consultations",
        verbose_name="Linked key issues",
        help_text="The key issues this consultation asked about or confirmed.",
    )
    history = HistoricalRecords(m2m_fields=[key_issues])

    class Meta:
        ordering = ["zone", "-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="consultation_ends_after_start",
                violation_error_message="The end date must be on or after the start date.",
                condition=Q(ends_on__gte=F("starts_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultation-detail", args=[self.zone.slug, self.pk])


class KeyIssue(models.Model):
    """An issue the community named, found at a workshop or in a consultation."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PLAN = "in_plan", "In the delivery plan"
        RESOLVED = "resolved", "Resolved"
        SET_ASIDE = "set_aside", "Set aside"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="key_issues")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    theme = models.CharField(max_length=20, choices=Theme.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    source_workshop = models.ForeignKey(
        Workshop,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="key_issues",
        verbose_name="Found at workshop",
    )
    source_consultation = models.ForeignKey(
        Consultation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="found_issues",
        verbose_name="Found in consultation",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["zone", "title"]
        constraints = [
            # One source at most: an issue came out of a workshop or a consultation.
            models.CheckConstraint(
                name="key_issue_one_source",
                violation_error_message=(
                    "An issue comes from one workshop or one consultation, not both."
                ),
                condition=Q(source_workshop__isnull=True) | Q(source_consultation__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def source(self):
        return self.source_workshop or self.source_consultation

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PLAN)


class AmbitionStatement(models.Model):
    """One version of what the zone's community wants to achieve, in its own words.

    Versions move draft → consulted → approved; approving one supersedes the zone's
    previously approved version, so each zone has at most one current approved version.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CONSULTED = "consulted", "Consulted on"
        APPROVED = "approved", "Approved"
        SUPERSEDED = "superseded", "Superseded"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="ambition_statements")
    version = models.PositiveIntegerField()
    text = models.TextField("Ambition statement")
    measures = models.TextField(
        "How we will know", blank=True, help_text="The measures of success, one per line."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    consulted_on = models.DateField(null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    superseded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zone", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["zone", "version"],
                name="ambition_version_once",
                violation_error_message="The zone already has a version with this number.",
            ),
            models.UniqueConstraint(
                fields=["zone"],
                condition=Q(status="approved"),
                name="ambition_one_approved_per_zone",
                violation_error_message="The zone already has a current approved version.",
            ),
            # One version in the making at a time: a draft or one out for consultation.
            models.UniqueConstraint(
                fields=["zone"],
                condition=Q(status__in=["draft", "consulted"]),
                name="ambition_one_open_version_per_zone",
                violation_error_message=(
                    "The zone already has a version being drafted or consulted on."
                ),
            ),
            models.CheckConstraint(
                name="ambition_approved_has_date",
                violation_error_message="An approved version needs the date it was approved.",
                condition=Q(status__in=["draft", "consulted"]) | Q(approved_on__isnull=False),
            ),
            models.CheckConstraint(
                name="ambition_consulted_has_date",
                violation_error_message="A consulted version needs the date it was consulted on.",
                condition=Q(status="draft") | Q(consulted_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zone} ambition statement, version {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("ambition-detail", args=[self.zone.slug, self.version])

    @property
    def measure_list(self) -> list[str]:
        return [line.strip() for line in self.measures.splitlines() if line.strip()]


class Objective(models.Model):
    """An objective of the zone's delivery plan, backing its ambition statement."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    theme = models.CharField(
        "Resilience domain", max_length=20, choices=Theme.choices, default=Theme.OTHER
    )
    key_issues = models.ManyToManyField(
        KeyIssue, blank=True, related_name="objectives", verbose_name="Key issues addressed"
    )
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[key_issues])

    class Meta:
        ordering = ["zone", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("objective-detail", args=[self.zone.slug, self.pk])


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None) -> "MilestoneQuerySet":
        """Past their due date and not done, whatever status they were last given."""
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today).exclude(status=Milestone.Status.DONE)

    def with_shown_status(self, today: datetime.date | None = None) -> "MilestoneQuerySet":
        """Annotate `shown_status`: late once overdue, even before the daily task runs."""
        today = today or timezone.localdate()
        return self.annotate(
            shown_status=Case(
                When(
                    Q(due_on__lt=today) & ~Q(status=Milestone.Status.DONE),
                    then=Value(Milestone.Status.LATE),
                ),
                default=F("status"),
                output_field=models.CharField(),
            )
        )


class Milestone(models.Model):
    """A dated step of an objective, with an owner and a status."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        LATE = "late", "Late"
        DONE = "done", "Done"

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField("Due date")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_milestones",
        verbose_name="Owner (person)",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_milestones",
        verbose_name="Owner (organisation)",
    )
    owner_name = models.CharField(
        "Owner (other)",
        max_length=200,
        blank=True,
        help_text="A person or group without an account here, such as the community panel.",
    )
    completed_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="milestone_has_owner",
                violation_error_message=(
                    "Name who owns the milestone: a person, an organisation or a group."
                ),
                condition=Q(owner_person__isnull=False)
                | Q(owner_organisation__isnull=False)
                | ~Q(owner_name=""),
            ),
            models.CheckConstraint(
                name="milestone_done_has_date",
                violation_error_message="A milestone that is done needs the date it was done.",
                condition=~Q(status="done") | Q(completed_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due_on < timezone.localdate()

    @property
    def shown_status_value(self) -> str:
        """The status people see: late once overdue, before the daily task catches up."""
        return self.Status.LATE if self.is_overdue else self.status

    @property
    def shown_status_label(self) -> str:
        return self.Status(self.shown_status_value).label

    @property
    def owner(self) -> str:
        """Who owns the milestone, as shown: person, organisation, or both."""
        names = [str(o) for o in (self.owner_person, self.owner_organisation) if o]
        return ", ".join(names) or self.owner_name


class CoreTeamMember(models.Model):
    """A member of a zone's core team: operational leads from the agencies (seed para 5.ii)."""

    class Role(models.TextChoices):
        OPERATIONAL_LEAD = "operational_lead", "Operational lead"
        LOCAL_AREA_COORDINATOR = "local_area_coordinator", "Local Area Co-ordinator"
        COMMUNITY_LEAD = "community_lead", "Community lead"
        OTHER = "other", "Other"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="core_team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="core_team_places",
        help_text="Their account, if they have one: it lets them edit the zone's plans.",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="Needed only for someone without an account."
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="core_team_places",
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zone", "role", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                name="core_team_member_named",
                violation_error_message="Choose a person with an account or give a name.",
                condition=Q(user__isnull=False) | ~Q(name=""),
            ),
            models.UniqueConstraint(
                fields=["zone", "user"],
                condition=Q(user__isnull=False),
                name="core_team_member_once",
                violation_error_message="This person is already on the zone's core team.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} — {self.get_role_display()}, {self.zone}"

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name


class Ingredient(models.Model):
    """A key ingredient of Braunstone Blues being integrated into the zones (seed para 5.i)."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Untick to retire the ingredient without losing its history."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ZoneIngredient(models.Model):
    """How far one zone has integrated one ingredient, with the evidence."""

    class Status(models.TextChoices):
        INTEGRATED = "integrated", "Integrated"
        IN_PROGRESS = "in_progress", "In progress"
        NOT_YET = "not_yet", "Not yet"
        NOT_APPLICABLE = "not_applicable", "Not applicable"

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="ingredients")
    ingredient = models.ForeignKey(
        Ingredient, on_delete=models.CASCADE, related_name="zone_statuses"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_YET)
    evidence = models.TextField("Evidence notes", blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["zone", "ingredient"]
        constraints = [
            models.UniqueConstraint(
                fields=["zone", "ingredient"],
                name="zone_ingredient_once",
                violation_error_message="The zone already has a status for this ingredient.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ingredient} in {self.zone}: {self.get_status_display()}"
