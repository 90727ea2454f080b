"""Reads of the toolkit, each with a fixed number of queries however many rows there are."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from toolkit.models import Facet, Method, MethodChange, MethodFeedback, MethodTag
from toolkit.search import search

# The columns a list of methods shows; the long text stays in the database.
LIST_COLUMNS = ["pk", "title", "slug", "summary", "effort", "cost", "evidence_strength"]
FEEDBACK_SHOWN = 10
# What the officers' list of methods shows of each method and of its revision.
EDITOR_COLUMNS = ["pk", "title", "status", "version", "updated_at", "revision_of"]
EDITOR_COLUMNS += [f"revision__{name}" for name in ("status", "revision_of")]
MAX_TITLE_WORDS = 8


@dataclass
class MethodFilters:
    """What a visitor searches for and ticks: values within one facet widen the list (any
    of them), facets narrow it (all of them)."""

    text: str = ""
    tags: dict[str, list[str]] = field(default_factory=dict)
    effort: list[str] = field(default_factory=list)
    cost: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.text or self.effort or self.cost or any(self.tags.values()))


def method_list(
    *, filters: MethodFilters | None = None, columns: list[str] | None = LIST_COLUMNS
) -> QuerySet:
    """Published methods matching the filters: by relevance when searching, else by title.
    Only the list's `columns` are read, unless it is None (then all but the search vector);
    the list's tags are its resilience domains."""
    filters = filters or MethodFilters()
    methods = Method.objects.published()
    for facet, values in filters.tags.items():
        if values:
            tagged = MethodTag.objects.filter(method=OuterRef("pk"), facet=facet, value__in=values)
            methods = methods.filter(Exists(tagged))
    if filters.effort:
        methods = methods.filter(effort__in=filters.effort)
    if filters.cost:
        methods = methods.filter(cost__in=filters.cost)
    if columns is None:
        methods = methods.defer("search_vector")
    else:
        methods = methods.only(*columns).prefetch_related(
            Prefetch("tags", queryset=MethodTag.objects.filter(facet=Facet.DOMAIN))
        )
    if filters.text:
        return search(methods, filters.text)
    return methods.order_by("title")


def method_get_published(slug: str) -> Method:
    """A published method with its steps and tags (three queries); 404 for anything else."""
    method = (
        Method.objects.published()
        .filter(slug=slug)
        .defer("search_vector")
        .prefetch_related("steps", "tags")
        .first()
    )
    if method is None:
        raise Http404("No published method has this address.")
    return method


def related_published(method: Method) -> list[Method]:
    """The published methods this one points to, in the editor's order (one query)."""
    return list(
        Method.objects.published()
        .filter(related_from__method=method)
        .order_by("related_from__position")
        .only(*LIST_COLUMNS)
    )


@dataclass
class FeedbackSummary:
    count: int
    average: float | None
    latest: list[MethodFeedback]


def approved_feedback(method: Method) -> FeedbackSummary:
    """Approved feedback on a method: how many, the average rating, the latest (two
    queries). Pending and rejected feedback never shows."""
    approved = MethodFeedback.objects.filter(method=method, status=MethodFeedback.Status.APPROVED)
    totals = approved.aggregate(count=Count("pk"), average=Avg("rating"))
    latest = list(approved.select_related("zone").order_by("-submitted_at", "-pk")[:FEEDBACK_SHOWN])
    return FeedbackSummary(count=totals["count"], average=totals["average"], latest=latest)


# Learning from use ------------------------------------------------------------------------


def activity_link_ready() -> bool:
    """Whether People Zones activities record the toolkit method they used."""
    from peoplezones.models import Activity

    try:
        link = Activity._meta.get_field("method")
    except FieldDoesNotExist:
        return False
    return link.is_relation and link.related_model is Method


@dataclass
class ZoneUsage:
    name: str
    slug: str
    total: int = 0
    months: list[tuple[datetime.date, int]] = field(default_factory=list)


@dataclass
class MethodUsage:
    total: int
    zones: list[ZoneUsage]
    first_month: datetime.date | None
    last_month: datetime.date | None


def method_usage(method: Method) -> MethodUsage | None:
    """Where a method was used: activities in zones that used it, counted by zone and month
    (one query). Counts only: no titles, no people. None until activities record it."""
    if not activity_link_ready():
        return None
    from peoplezones.models import Activity

    rows = (
        Activity.objects.filter(method=method)
        .annotate(month=TruncMonth("occurred_on"))
        .values("zone__name", "zone__slug", "month")
        .annotate(count=Count("pk"))
        .order_by("zone__name", "zone__slug", "month")
    )
    zones: dict[str, ZoneUsage] = {}
    months: set[datetime.date] = set()
    for row in rows:
        zone = zones.setdefault(row["zone__slug"], ZoneUsage(row["zone__name"], row["zone__slug"]))
        month = _as_date(row["month"])
        zone.months.append((month, row["count"]))
        zone.total += row["count"]
        months.add(month)
    return MethodUsage(
        total=sum(zone.total for zone in zones.values()),
        zones=list(zones.values()),
        first_month=min(months, default=None),
        last_month=max(months, default=None),
    )


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


# Officers' pages --------------------------------------------------------------------------


@dataclass
class EditorFilters:
    """What officers narrow the list of methods to: words of the title, and a status (a
    published method also shows under the status of its revision in progress)."""

    text: str = ""
    status: str = ""

    @property
    def any(self) -> bool:
        return bool(self.text or self.status)


def methods_for_editors(filters: EditorFilters | None = None) -> QuerySet:
    """Methods (not revisions) matching the filters, by title, with their revision in
    progress and how much feedback waits for moderation (one query a page, one to count)."""
    filters = filters or EditorFilters()
    pending = (
        MethodFeedback.objects.filter(method=OuterRef("pk"), status=MethodFeedback.Status.PENDING)
        .order_by()
        .values("method")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    methods = Method.objects.live()
    for word in filters.text.split()[:MAX_TITLE_WORDS]:
        methods = methods.filter(title__icontains=word)
    if filters.status:
        methods = methods.filter(Q(status=filters.status) | Q(revision__status=filters.status))
    return (
        methods.select_related("revision")
        .only(*EDITOR_COLUMNS)
        .annotate(pending_feedback=Coalesce(Subquery(pending), 0))
        .order_by("title", "pk")
    )


def method_for_editor(pk: int) -> Method:
    """A method or revision, whatever its status, with what its page shows."""
    method = (
        Method.objects.select_related("revision_of", "created_by")
        .defer("search_vector")
        .prefetch_related("steps", "tags", "relations__related")
        .filter(pk=pk)
        .first()
    )
    if method is None:
        raise Http404("There is no method with this number.")
    return method


def method_changes(method: Method) -> list[MethodChange]:
    """The change log of a method, newest first (one query)."""
    return list(
        MethodChange.objects.filter(method=method.live_method)
        .select_related("actor")
        .defer("snapshot")
    )


def method_version(method: Method, number: int) -> MethodChange:
    """The publication that made `number` the method's version; 404 if there was none."""
    version = (
        MethodChange.objects.filter(
            method=method, action=MethodChange.Action.PUBLISHED, version=number
        )
        .select_related("actor")
        .first()
    )
    if version is None:
        raise Http404("This method has no such version.")
    return version


def feedback_for_moderation(status: str) -> QuerySet:
    """Feedback in one moderation status, oldest pending first, newest decisions first."""
    feedback = MethodFeedback.objects.filter(status=status).select_related(
        "method", "zone", "submitted_by", "moderated_by"
    )
    if status == MethodFeedback.Status.PENDING:
        return feedback.order_by("submitted_at", "pk")
    return feedback.order_by("-moderated_at", "-pk")


def feedback_totals() -> dict[str, int]:
    """How much feedback is in each moderation status (one query)."""
    return MethodFeedback.objects.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in MethodFeedback.Status.values}
    )


def editor_counts() -> dict[str, int]:
    """What waits for officers: methods and revisions in review, feedback to moderate (two
    queries)."""
    counts = Method.objects.aggregate(
        in_review=Count("pk", filter=Q(status=Method.Status.IN_REVIEW))
    )
    counts["pending_feedback"] = MethodFeedback.objects.filter(
        status=MethodFeedback.Status.PENDING
    ).count()
    return counts
