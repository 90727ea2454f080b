"""Governance models: meetings of a body, their agenda, attendance, minutes, decisions
and the actions they agree."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

__all__ = ["Action", "AgendaItem", "Attendance", "Decision", "Meeting"]


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(
            status=Meeting.Status.SCHEDULED, starts_at__gte=now or timezone.now()
        ).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Meeting(models.Model):
    """One meeting of a body: when and where, its status, agenda and minutes."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to call it a meeting of the body."
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True, help_text="Room and address.")
    online_url = models.URLField(
        "online meeting link", max_length=500, blank=True, help_text="Link to join online."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_reason = models.TextField(blank=True, help_text="Why it was cancelled or reinstated.")
    minutes = models.TextField(blank=True, help_text="General minutes of the meeting.")
    minutes_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["body", "starts_at"], name="meeting_body_start"),
            # Scheduled meetings only: next meeting per body, meetings left unrecorded.
            models.Index(
                fields=["body", "starts_at"],
                condition=models.Q(status="scheduled"),
                name="meeting_scheduled",
            ),
            # Held meetings still without minutes (officer dashboard).
            models.Index(
                fields=["starts_at"],
                condition=models.Q(status="held", minutes_recorded_at__isnull=True),
                name="meeting_minutes_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="meeting_ends_after_start",
                condition=models.Q(ends_at__gt=models.F("starts_at")),
            ),
            models.CheckConstraint(
                name="meeting_status_valid",
                condition=models.Q(status__in=["scheduled", "held", "cancelled"]),
            ),
            models.CheckConstraint(
                name="meeting_place_or_link",
                condition=~models.Q(location="") | ~models.Q(online_url=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_title}, {timezone.localtime(self.starts_at):%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meeting_detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        return self.title or f"{self.body.name} meeting"

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def is_held(self) -> bool:
        return self.status == self.Status.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class AgendaItem(models.Model):
    """One item on a meeting's agenda. Items filled from what awaits the body keep a
    snapshot of their title, a link to where they came from and a `source_key`, so that
    filling the agenda again adds only what is new."""

    class Kind(models.TextChoices):
        STANDING = "standing", "Standing item"
        ISSUE = "issue", "Issue"
        OUTCOME = "outcome", "Outcome of an issue"
        PRIORITY = "priority", "Priority"
        ACTION = "action", "Overdue action"
        OTHER = "other", "Item"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    presenter = models.CharField(max_length=200, blank=True, help_text="Who introduces it.")
    is_confidential = models.BooleanField(
        "confidential",
        default=False,
        help_text="Only officers, board members and members of the body see it.",
    )
    source_key = models.CharField(max_length=100, blank=True)
    source_url = models.CharField(max_length=500, blank=True)
    flag = models.CharField(
        max_length=100, blank=True, help_text="A warning shown with the item, such as Stale."
    )
    minutes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "source_key"],
                condition=~models.Q(source_key=""),
                name="agenda_item_source_once_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Attendance(models.Model):
    """Whether a member was at a meeting."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances"
    )
    organisation = models.ForeignKey(
        "governance.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The organisation they represented.",
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                name="attendance_status_valid",
                condition=models.Q(status__in=["present", "apologies", "absent"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class Decision(models.Model):
    """What a meeting decided, on an agenda item or in general."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    text = models.TextField()
    is_confidential = models.BooleanField("confidential", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ActionQuerySet(models.QuerySet):
    def not_done(self):
        return self.filter(status__in=Action.OUTSTANDING)

    def overdue(self, today=None):
        return self.not_done().filter(due_date__lt=today or timezone.localdate())


class Action(models.Model):
    """Something a meeting asked a person or an organisation to do. It belongs to the
    body, so every later meeting of the body shows it until it is done or dropped."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    OUTSTANDING = (Status.OPEN, Status.IN_PROGRESS)

    body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name="owner (person)",
    )
    owner_organisation = models.ForeignKey(
        "governance.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name="owner (organisation)",
    )
    due_date = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    progress = models.TextField(blank=True, help_text="The latest word on progress.")
    is_confidential = models.BooleanField("confidential", default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["body", "status", "due_date"], name="action_body_open"),
            # Outstanding actions only, by due date: overdue counts across the partnership.
            models.Index(
                fields=["due_date", "body"],
                condition=models.Q(status__in=["open", "in_progress"]),
                name="action_outstanding_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="action_has_owner",
                condition=models.Q(owner_person__isnull=False)
                | models.Q(owner_organisation__isnull=False),
            ),
            models.CheckConstraint(
                name="action_status_valid",
                condition=models.Q(status__in=["open", "in_progress", "done", "dropped"]),
            ),
            # Finished actions say when; outstanding ones do not.
            models.CheckConstraint(
                name="action_completed_when_finished",
                condition=models.Q(status__in=["done", "dropped"], completed_at__isnull=False)
                | models.Q(status__in=["open", "in_progress"], completed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return reverse("action_update", args=[self.pk])

    @property
    def is_outstanding(self) -> bool:
        return self.status in self.OUTSTANDING

    @property
    def is_overdue(self) -> bool:
        return self.is_outstanding and self.due_date < timezone.localdate()

    @property
    def owner_label(self) -> str:
        names = [str(o) for o in (self.owner_person, self.owner_organisation) if o is not None]
        return ", ".join(names)
