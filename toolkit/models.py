"""The toolkit: methods for engaging communities and solving problems, published for anyone.

A method is written by OPCC officers, reviewed and published; each publication is a
numbered version whose content is kept in the change log. A published method is never
edited in place: changes go into a revision (a second Method row pointing at it), which is
reviewed and then merged into the published row, so the public never sees unreviewed text.
The filters people use (domains, principles, problem types, group sizes, SARA stages) are
rows of MethodTag, one per tick, so they filter the same way on SQLite and PostgreSQL.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from peoplezones.models import ApproachPrinciple, ResilienceDomain, Zone

__all__ = [
    "Cost",
    "Effort",
    "EvidenceStrength",
    "Facet",
    "GroupSize",
    "Method",
    "MethodChange",
    "MethodFeedback",
    "MethodRelation",
    "MethodStep",
    "MethodTag",
    "ProblemType",
    "SaraStage",
]


class ProblemType(models.TextChoices):
    ANTI_SOCIAL_BEHAVIOUR = "anti_social_behaviour", "Anti-social behaviour"
    NEIGHBOURHOOD_CRIME = "neighbourhood_crime", "Neighbourhood crime"
    FEELING_UNSAFE = "feeling_unsafe", "Feeling unsafe"
    PUBLIC_SPACES = "public_spaces", "Neglected streets and public spaces"
    COHESION = "cohesion", "Trust and community cohesion"
    ISOLATION = "isolation", "Loneliness and isolation"
    YOUNG_PEOPLE = "young_people", "Young people"
    PRIORITIES = "priorities", "Agreeing local priorities"
    WHAT_WORKS = "what_works", "Choosing what works"


class GroupSize(models.TextChoices):
    SMALL = "small", "Small group (up to 12 people)"
    MEDIUM = "medium", "Medium group (12 to 40 people)"
    LARGE = "large", "Large group or whole neighbourhood"


class SaraStage(models.TextChoices):
    SCANNING = "scanning", "Scanning"
    ANALYSIS = "analysis", "Analysis"
    RESPONSE = "response", "Response"
    ASSESSMENT = "assessment", "Assessment"


class Effort(models.TextChoices):
    LIGHT = "light", "Light (a few hours)"
    MODERATE = "moderate", "Moderate (a few days over some weeks)"
    SUBSTANTIAL = "substantial", "Substantial (several months)"


class Cost(models.TextChoices):
    NONE = "none", "No cost"
    LOW = "low", "Under £500"
    MEDIUM = "medium", "£500 to £5,000"
    HIGH = "high", "Over £5,000"


class EvidenceStrength(models.TextChoices):
    """How sure we can be that a method does what it sets out to do."""

    STRONG = "strong", "Strong"
    MODERATE = "moderate", "Moderate"
    LIMITED = "limited", "Limited"
    PRACTICE = "practice", "Practice-based"

    @property
    def explanation(self) -> str:
        return EVIDENCE_EXPLANATIONS[self]


EVIDENCE_EXPLANATIONS = {
    EvidenceStrength.STRONG: "Several good-quality evaluations, brought together in at least "
    "one systematic review, point the same way.",
    EvidenceStrength.MODERATE: "Some good-quality evaluations exist and mostly agree, but "
    "they are few, or the effect depends a lot on how and where the method is used.",
    EvidenceStrength.LIMITED: "A few evaluations, mostly without a comparison group. "
    "Promising, but we cannot be sure the method caused the results reported.",
    EvidenceStrength.PRACTICE: "Widely used and recommended by practitioners, but not yet "
    "tested by a robust evaluation. Record what happens when you use it.",
}


class Facet(models.TextChoices):
    """The lists a method is tagged with, and the choices each allows."""

    DOMAIN = "domain", "Resilience domain"
    PRINCIPLE = "principle", "Approach principle"
    PROBLEM = "problem", "Problem type"
    GROUP_SIZE = "group_size", "Group size"
    SARA_STAGE = "sara_stage", "SARA stage"

    @property
    def choices_class(self) -> type[models.TextChoices]:
        return FACET_CHOICES[self]


FACET_CHOICES: dict[str, type[models.TextChoices]] = {
    Facet.DOMAIN: ResilienceDomain,
    Facet.PRINCIPLE: ApproachPrinciple,
    Facet.PROBLEM: ProblemType,
    Facet.GROUP_SIZE: GroupSize,
    Facet.SARA_STAGE: SaraStage,
}


class MethodQuerySet(models.QuerySet):
    def published(self) -> "MethodQuerySet":
        """What the public, the API and search may see: published methods, never drafts."""
        return self.filter(status=Method.Status.PUBLISHED, revision_of__isnull=True)

    def live(self) -> "MethodQuerySet":
        """Methods themselves, without the revisions in progress."""
        return self.filter(revision_of__isnull=True)


class Method(models.Model):
    """One method of the toolkit, or a revision in progress of a published one."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences: what the method is and what it is for."
    )
    when_to_use = models.TextField("When to use it")
    people_needed = models.TextField("People")
    time_needed = models.CharField("Time", max_length=300)
    materials = models.TextField("Materials", blank=True)
    budget = models.CharField("Budget", max_length=300)
    tips = models.TextField("Tips", help_text="One tip a line.")
    risks = models.TextField("Risks and how to avoid them", help_text="One risk a line.")
    evidence_effect = models.TextField("Effect")
    evidence_mechanism = models.TextField("Mechanism")
    evidence_moderators = models.TextField("Moderators")
    evidence_implementation = models.TextField("Implementation")
    evidence_economic_cost = models.TextField("Economic cost")
    evidence_strength = models.CharField(
        "Strength of evidence", max_length=10, choices=EvidenceStrength.choices
    )
    effort = models.CharField(max_length=12, choices=Effort.choices)
    cost = models.CharField(max_length=10, choices=Cost.choices)
    keywords = models.CharField(
        "Other words people search for",
        max_length=300,
        blank=True,
        help_text="Words and phrases not in the text, separated by commas.",
    )
    related = models.ManyToManyField(
        "self",
        through="MethodRelation",
        through_fields=("method", "related"),
        symmetrical=False,
        blank=True,
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    revision_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="revision",
        help_text="The published method this revision will replace once it is published.",
    )
    version = models.PositiveIntegerField(default=0, help_text="How many times it was published.")
    first_published_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toolkit_methods"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled by toolkit.search on PostgreSQL each time a service saves the method (its GIN
    # index is made by migration 0002, on PostgreSQL only); empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = MethodQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "title"], name="toolkit_method_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(revision_of__isnull=True), name="method_slug_unique"
            ),
            models.CheckConstraint(
                name="method_status_known",
                condition=Q(status__in=["draft", "in_review", "published", "unpublished"]),
            ),
            # A revision is work in progress: it is never published itself.
            models.CheckConstraint(
                name="method_revision_not_published",
                condition=Q(revision_of__isnull=True) | Q(status__in=["draft", "in_review"]),
            ),
            models.CheckConstraint(
                name="method_published_has_version",
                condition=~Q(status="published") | Q(version__gte=1, published_at__isnull=False),
            ),
            models.CheckConstraint(
                name="method_evidence_strength_known",
                condition=Q(evidence_strength__in=EvidenceStrength.values),
            ),
            models.CheckConstraint(
                name="method_effort_known", condition=Q(effort__in=Effort.values)
            ),
            models.CheckConstraint(name="method_cost_known", condition=Q(cost__in=Cost.values)),
        ]

    def __str__(self) -> str:
        return f"{self.title} (revision)" if self.revision_of_id else self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit-method", args=[self.slug])

    def get_manage_url(self) -> str:
        return reverse("toolkit-manage-method", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.revision_of_id is None

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def live_method(self) -> "Method":
        """The method itself: the published row for a revision, else this one."""
        return self.revision_of if self.revision_of_id else self

    @property
    def strength(self) -> EvidenceStrength:
        return EvidenceStrength(self.evidence_strength)

    @property
    def tip_list(self) -> list[str]:
        return _lines(self.tips)

    @property
    def risk_list(self) -> list[str]:
        return _lines(self.risks)

    def tag_values(self, facet: str) -> list[str]:
        """This method's values of one facet (uses prefetched tags), in their choice order."""
        values = {tag.value for tag in self.tags.all() if tag.facet == facet}
        return [value for value in FACET_CHOICES[facet].values if value in values]

    def tag_labels(self, facet: str) -> list[str]:
        choices = FACET_CHOICES[facet]
        return [choices(value).label for value in self.tag_values(facet)]

    @property
    def domain_labels(self) -> list[str]:
        return self.tag_labels(Facet.DOMAIN)

    # What the API shows, from prefetched rows.
    @property
    def domain_values(self) -> list[str]:
        return self.tag_values(Facet.DOMAIN)

    @property
    def principle_values(self) -> list[str]:
        return self.tag_values(Facet.PRINCIPLE)

    @property
    def problem_values(self) -> list[str]:
        return self.tag_values(Facet.PROBLEM)

    @property
    def group_size_values(self) -> list[str]:
        return self.tag_values(Facet.GROUP_SIZE)

    @property
    def sara_stage_values(self) -> list[str]:
        return self.tag_values(Facet.SARA_STAGE)

    @property
    def step_list(self) -> list[dict]:
        return [{"title": step.title, "detail": step.detail} for step in self.steps.all()]

    @property
    def related_slugs(self) -> list[str]:
        """The related methods the public may see (from prefetched relations)."""
        return [r.related.slug for r in self.relations.all() if r.related.is_published]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class MethodStep(models.Model):
    """One step of a method's step-by-step guide."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "position"]
        constraints = [
            models.UniqueConstraint(fields=["method", "position"], name="method_step_position"),
            models.CheckConstraint(name="method_step_from_one", condition=Q(position__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def _facet_values_condition() -> Q:
    condition = Q()
    for facet, choices in FACET_CHOICES.items():
        condition |= Q(facet=facet, value__in=choices.values)
    return condition


class MethodTag(models.Model):
    """One value of one facet a method is tagged with (one row per ticked box)."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="tags")
    facet = models.CharField(max_length=12, choices=Facet.choices)
    value = models.CharField(max_length=30)
    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "facet", "value"]
        indexes = [models.Index(fields=["facet", "value"], name="toolkit_tag_facet_value")]
        constraints = [
            models.UniqueConstraint(fields=["method", "facet", "value"], name="method_tag_once"),
            models.CheckConstraint(name="method_tag_known", condition=_facet_values_condition()),
        ]

    def __str__(self) -> str:
        return f"{self.method}: {self.get_facet_display()} {self.value}"


class MethodRelation(models.Model):
    """A method worth reading alongside another."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="related_from")
    position = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "position"]
        constraints = [
            models.UniqueConstraint(fields=["method", "related"], name="method_related_once"),
            models.CheckConstraint(
                name="method_not_related_to_itself", condition=~Q(method=F("related"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} → {self.related}"


CHANGE_ACTIONS = [
    "created",
    "edited",
    "submitted",
    "returned",
    "published",
    "unpublished",
    "revision_started",
    "revision_discarded",
]


class MethodChange(models.Model):
    """One entry of a method's change log: who did what, when, and what changed.

    Each publication keeps a snapshot of the content it published: that is the version.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        EDITED = "edited", "Edited"
        SUBMITTED = "submitted", "Sent for review"
        RETURNED = "returned", "Returned to draft"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        REVISION_STARTED = "revision_started", "Revision started"
        REVISION_DISCARDED = "revision_discarded", "Revision discarded"

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toolkit_changes"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    changed_fields = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(null=True, blank=True)
    snapshot = models.JSONField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="method_change_action_known", condition=Q(action__in=CHANGE_ACTIONS)
            ),
            # A publication is a version: numbered, with its note and its content.
            models.CheckConstraint(
                name="method_change_publication_complete",
                condition=~Q(action="published")
                | (Q(version__isnull=False, snapshot__isnull=False) & ~Q(note="")),
            ),
            models.UniqueConstraint(
                fields=["method", "version"],
                condition=Q(action="published"),
                name="method_change_version_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method}: {self.get_action_display()} {self.at:%Y-%m-%d}"


class MethodFeedback(models.Model):
    """How a method went for someone who used it; public once an officer approves it."""

    class Rating(models.IntegerChoices):
        VERY_WELL = 5, "Very well"
        WELL = 4, "Well"
        PARTLY = 3, "Partly"
        NOT_WELL = 2, "Not well"
        NOT_AT_ALL = 1, "Not at all"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for moderation"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField("How well did it work?", choices=Rating.choices)
    how_it_went = models.TextField("How did it go?")
    would_change = models.TextField("What would you change?", blank=True)
    zone = models.ForeignKey(
        Zone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolkit_feedback",
        verbose_name="People Zone it was used in",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="toolkit_feedback",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toolkit_feedback_moderated",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(blank=True, help_text="Seen by officers only.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name_plural = "method feedback"
        indexes = [
            models.Index(fields=["method", "status", "-submitted_at"], name="toolkit_feedback_pub")
        ]
        constraints = [
            models.CheckConstraint(
                name="feedback_rating_range", condition=Q(rating__gte=1, rating__lte=5)
            ),
            models.CheckConstraint(
                name="feedback_status_known",
                condition=Q(status__in=["pending", "approved", "rejected"]),
            ),
            # Pending means nobody has decided yet; a decision says who and when.
            models.CheckConstraint(
                name="feedback_moderated_by_and_when",
                condition=Q(status="pending", moderated_by__isnull=True, moderated_at__isnull=True)
                | (
                    ~Q(status="pending") & Q(moderated_by__isnull=False, moderated_at__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.method}: {self.get_rating_display()}"
