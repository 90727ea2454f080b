from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    """A partner agency, or the OPCC itself."""

    class Kind(models.TextChoices):
        OPCC = "opcc", "Office of the Police and Crime Commissioner"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        POLICE = "police", "Police"
        FIRE = "fire", "Fire and rescue"
        HEALTH = "health", "Health"
        PROBATION = "probation", "Probation"
        HOUSING = "housing", "Housing"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_opcc(self) -> bool:
        return self.kind == self.Kind.OPCC


class PersonManager(UserManager):
    # Every role check reads the user's organisation: load it with the user.
    def get_queryset(self):
        return super().get_queryset().select_related("organisation")


class User(AbstractUser):
    """A person who signs in. What they may do follows from their relations, not flags:
    their organisation (OPCC staff or partner staff), their body memberships and their
    community panel memberships."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text="The organisation this person works for. Leave empty for volunteers.",
    )
    job_title = models.CharField(max_length=200, blank=True)

    objects = PersonManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Body(models.Model):
    """A partnership body in the governance hierarchy (JAG → CSP → SOG → SPB)."""

    class Level(models.IntegerChoices):
        JAG = 1, "Joint Action Group"
        CSP = 2, "Community Safety Partnership"
        COUNTY = 3, "County strategy board"
        SOG = 4, "Senior Officers' Group"
        SPB = 5, "Strategic Partnership Board"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body this one reports to. It must sit at a higher level.",
    )
    area = models.CharField(max_length=200, help_text="The place this body covers.")
    terms_of_reference = models.TextField(blank=True)
    quorum = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many voting members must be present for a meeting to decide. "
        "Leave empty for a third of the voting members, rounded up.",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-level", "name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                name="body_level_valid",
                condition=models.Q(level__gte=1, level__lte=5),
            ),
            # Only a Strategic Partnership Board stands at the top; every other body
            # reports to one above it.
            models.CheckConstraint(
                name="body_parent_unless_top",
                condition=models.Q(level=5, parent__isnull=True)
                | models.Q(level__lt=5, parent__isnull=False),
            ),
            models.CheckConstraint(
                name="body_quorum_at_least_one",
                condition=models.Q(quorum__isnull=True) | models.Q(quorum__gte=1),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("body_detail", args=[self.slug])

    @property
    def short_level(self) -> str:
        return {1: "JAG", 2: "CSP", 3: "County", 4: "SOG", 5: "SPB"}[self.level]

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent.level <= self.level:
            raise ValidationError(
                {"parent": "A body must report to a body at a higher level than its own."}
            )
        ancestor = self.parent
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "A body cannot report to itself or below."})
            ancestor = ancestor.parent


class Membership(models.Model):
    """A person's seat on a body, and the organisation they represent there."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        SECRETARIAT = "secretariat", "Secretariat"
        OBSERVER = "observer", "Observer"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="seats"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["body", "user"], name="membership_once_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.body}"
