"""Writes of the toolkit: the editorial workflow of methods and the moderation of feedback.
Pages, the API and the admin call these alike.

A method moves draft → in review → published → unpublished (TRANSITIONS below). A
published method is changed through a revision: a copy that goes through review on its
own and is merged into the published method when it is published, so what the public
reads is always reviewed. Each publication needs a change note and is kept as a version.
"""

from dataclasses import asdict, dataclass, field, fields

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from config.domain import DomainError
from governance.models import User
from peoplezones.models import Zone
from toolkit import permissions
from toolkit.models import (
    FACET_CHOICES,
    Facet,
    Method,
    MethodChange,
    MethodFeedback,
    MethodRelation,
    MethodStep,
    MethodTag,
)
from toolkit.search import refresh_search_vector

Status = Method.Status
Action = MethodChange.Action

# action: (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({Status.DRAFT, Status.UNPUBLISHED}), Status.IN_REVIEW),
    "return": (frozenset({Status.IN_REVIEW}), Status.DRAFT),
    "publish": (frozenset({Status.IN_REVIEW}), Status.PUBLISHED),
    "unpublish": (frozenset({Status.PUBLISHED}), Status.UNPUBLISHED),
}
FEEDBACK_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "approve": (
        frozenset({MethodFeedback.Status.PENDING, MethodFeedback.Status.REJECTED}),
        MethodFeedback.Status.APPROVED,
    ),
    "reject": (
        frozenset({MethodFeedback.Status.PENDING, MethodFeedback.Status.APPROVED}),
        MethodFeedback.Status.REJECTED,
    ),
}
MAX_STEPS = 20
MAX_RELATED = 6


@dataclass
class MethodContent:
    """Everything an editor writes about a method."""

    title: str
    summary: str
    when_to_use: str
    people_needed: str
    time_needed: str
    materials: str
    budget: str
    tips: str
    risks: str
    evidence_effect: str
    evidence_mechanism: str
    evidence_moderators: str
    evidence_implementation: str
    evidence_economic_cost: str
    evidence_strength: str
    effort: str
    cost: str
    keywords: str = ""
    tags: dict[str, list[str]] = field(default_factory=dict)
    steps: list[tuple[str, str]] = field(default_factory=list)
    related: list[Method] = field(default_factory=list)

    @classmethod
    def text_fields(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in ("tags", "steps", "related")]

    @classmethod
    def of(cls, method: Method) -> "MethodContent":
        """The content a method holds now."""
        return cls(
            **{name: getattr(method, name) for name in cls.text_fields()},
            tags={facet: method.tag_values(facet) for facet in Facet.values},
            steps=[(step.title, step.detail) for step in method.steps.all()],
            related=[relation.related for relation in method.relations.all()],
        )

    def snapshot(self) -> dict:
        """The content as JSON, related methods by slug: what a version keeps."""
        data = asdict(self)
        data["steps"] = [list(step) for step in self.steps]
        data["related"] = [method.slug for method in self.related]
        data["tags"] = {facet: sorted(values) for facet, values in self.tags.items() if values}
        return data


def changed_labels(before: dict | None, after: dict) -> list[str]:
    """The names of the parts of a method that differ between two snapshots."""
    if before is None:
        return []
    labels = []
    for name in MethodContent.text_fields():
        if before.get(name) != after.get(name):
            labels.append(field_label(name))
    for facet in Facet:
        if sorted(before.get("tags", {}).get(facet, [])) != after["tags"].get(facet, []):
            labels.append(f"{facet.label}s")
    if before.get("steps") != after["steps"]:
        labels.append("Steps")
    if before.get("related") != after["related"]:
        labels.append("Related methods")
    return labels


def field_label(name: str) -> str:
    """How the change log names a field of a method."""
    label = str(Method._meta.get_field(name).verbose_name)
    if name.startswith("evidence_") and name != "evidence_strength":
        return f"Evidence: {label.lower()}"
    return label[:1].upper() + label[1:]


def _require_editor(actor: User) -> None:
    if not permissions.can_edit_methods(actor):
        raise PermissionDenied("Only OPCC officers write and publish toolkit methods.")


def _log(method: Method, action: str, actor: User, **values) -> MethodChange:
    return MethodChange.objects.create(
        method=method.live_method, action=action, actor=actor, at=timezone.now(), **values
    )


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A readable address for a new method, numbered when its title is taken."""
    base = slugify(title)[:110].strip("-") or "method"
    taken = set(
        Method.objects.live()
        .exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check(content: MethodContent, method: Method | None) -> None:
    if not content.steps:
        raise DomainError("Add at least one step to the guide", field="steps")
    if len(content.steps) > MAX_STEPS:
        raise DomainError(f"A guide has at most {MAX_STEPS} steps", field="steps")
    if not content.tags.get(Facet.DOMAIN):
        raise DomainError("Select at least one resilience domain", field="domains")
    for facet, values in content.tags.items():
        unknown = set(values) - set(FACET_CHOICES[facet].values)
        if unknown:
            raise DomainError(f"Unknown {Facet(facet).label.lower()}: {', '.join(unknown)}")
    if len(content.related) > MAX_RELATED:
        raise DomainError(f"Choose at most {MAX_RELATED} related methods", field="related")
    own = method.live_method.pk if method else None
    for other in content.related:
        if other.is_revision or (own is not None and other.pk == own):
            raise DomainError("A method cannot be related to itself", field="related")


def _write(method: Method, content: MethodContent) -> Method:
    """Save the content into the method row and its steps, tags and related methods."""
    for name in MethodContent.text_fields():
        setattr(method, name, getattr(content, name).strip())
    try:
        method.full_clean(exclude=["slug"] if method.is_revision else None)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=name if name != "__all__" else None) from error
    method.save()
    method.steps.all().delete()
    MethodStep.objects.bulk_create(
        MethodStep(method=method, position=number, title=title.strip(), detail=detail.strip())
        for number, (title, detail) in enumerate(content.steps, start=1)
    )
    method.tags.all().delete()
    MethodTag.objects.bulk_create(
        MethodTag(method=method, facet=facet, value=value)
        for facet, values in content.tags.items()
        for value in dict.fromkeys(values)
    )
    method.relations.all().delete()
    MethodRelation.objects.bulk_create(
        MethodRelation(method=method, related=other, position=number)
        for number, other in enumerate(dict.fromkeys(content.related), start=1)
    )
    method = Method.objects.prefetch_related("steps", "tags", "relations__related").get(
        pk=method.pk
    )
    refresh_search_vector(method)
    return method


@transaction.atomic
def method_create(*, actor: User, content: MethodContent, slug: str = "") -> Method:
    """Start a new method as a draft, at `slug` or at an address made from its title."""
    _require_editor(actor)
    _check(content, None)
    slug = unique_slug(slug or content.title)
    method = Method(slug=slug, created_by=actor, status=Status.DRAFT)
    method = _write(method, content)
    _log(method, Action.CREATED, actor)
    return method


def method_edit_refusal(method: Method) -> str:
    """Why the method cannot be edited as it is now, or "" when it can."""
    if method.is_published:
        return (
            f"“{method.title}” is published. Start a revision to change it: the published "
            "version stays as it is until the revision is reviewed and published."
        )
    if not method.is_revision and hasattr(method, "revision"):
        return f"“{method.title}” has a revision in progress: change the revision instead."
    return ""


@transaction.atomic
def method_update(*, actor: User, method: Method, content: MethodContent) -> Method:
    """Change a draft, a method in review, an unpublished method or a revision."""
    _require_editor(actor)
    method = Method.objects.select_for_update().get(pk=method.pk)
    refusal = method_edit_refusal(method)
    if refusal:
        raise DomainError(refusal)
    _check(content, method)
    before = MethodContent.of(method).snapshot()
    method = _write(method, content)
    changed = changed_labels(before, content.snapshot())
    if changed:
        note = "In the revision." if method.is_revision else ""
        _log(method, Action.EDITED, actor, changed_fields=changed, note=note)
    return method


@transaction.atomic
def method_revision_start(*, actor: User, method: Method) -> Method:
    """The revision of a published method, started now as a copy of it if there is none."""
    _require_editor(actor)
    method = Method.objects.select_for_update().get(pk=method.pk)
    if method.is_revision:
        return method
    if hasattr(method, "revision"):
        return method.revision
    if method.status != Status.PUBLISHED:
        raise DomainError(f"“{method.title}” is not published: change it directly.")
    content = MethodContent.of(method)
    revision = Method(
        slug=method.slug,
        revision_of=method,
        version=method.version,
        created_by=actor,
        status=Status.DRAFT,
    )
    revision = _write(revision, content)
    _log(method, Action.REVISION_STARTED, actor)
    return revision


@transaction.atomic
def method_revision_discard(*, actor: User, revision: Method) -> Method:
    """Throw a revision away; the published method stays as it is."""
    _require_editor(actor)
    if not revision.is_revision:
        raise DomainError("Only a revision can be discarded.")
    live = revision.revision_of
    revision.delete()
    _log(live, Action.REVISION_DISCARDED, actor)
    return live


def _transition(method: Method, action: str) -> str:
    starts, target = TRANSITIONS[action]
    if method.status not in starts:
        raise DomainError(
            f"“{method.title}” is {method.get_status_display().lower()}, so it cannot be "
            f"{ACTION_WORDS[action]}."
        )
    return target


ACTION_WORDS = {
    "submit": "sent for review",
    "return": "returned to draft",
    "publish": "published until it has been sent for review",
    "unpublish": "unpublished",
}


def _locked(method: Method) -> Method:
    return (
        Method.objects.select_for_update()
        .prefetch_related("steps", "tags", "relations__related")
        .get(pk=method.pk)
    )


@transaction.atomic
def method_submit(*, actor: User, method: Method) -> Method:
    """Send a draft (or an unpublished method, or a revision) for review."""
    _require_editor(actor)
    method = _locked(method)
    if not method.is_revision and hasattr(method, "revision"):
        raise DomainError(method_edit_refusal(method))
    method.status = _transition(method, "submit")
    method.save(update_fields=["status", "updated_at"])
    _log(method, Action.SUBMITTED, actor, note="Revision." if method.is_revision else "")
    return method


def _required_note(note: str, what: str) -> str:
    note = note.strip()
    if not note:
        raise DomainError(what, field="note")
    return note


@transaction.atomic
def method_return(*, actor: User, method: Method, note: str) -> Method:
    """Send a method in review back to draft, saying what needs to change."""
    _require_editor(actor)
    method = _locked(method)
    method.status = _transition(method, "return")
    note = _required_note(note, "Say what needs to change before it can be published")
    method.save(update_fields=["status", "updated_at"])
    _log(method, Action.RETURNED, actor, note=note)
    return method


def _last_snapshot(method: Method) -> dict | None:
    last = (
        MethodChange.objects.filter(method=method, action=Action.PUBLISHED)
        .order_by("-version")
        .values_list("snapshot", flat=True)
        .first()
    )
    return last


@transaction.atomic
def method_publish(*, actor: User, method: Method, note: str) -> Method:
    """Publish a reviewed method (or merge a reviewed revision into its published method)
    as a new version, recording the change note and what changed."""
    _require_editor(actor)
    method = _locked(method)
    _transition(method, "publish")
    note = _required_note(note, "Enter a change note: say what changed and why")
    content = MethodContent.of(method)
    live = _locked(method.revision_of) if method.is_revision else method
    if method.is_revision:
        method.delete()
        live = _write(live, content)
    now = timezone.now()
    live.status = Status.PUBLISHED
    live.version += 1
    live.published_at = now
    live.first_published_at = live.first_published_at or now
    live.save()
    snapshot = content.snapshot()
    changed = changed_labels(_last_snapshot(live), snapshot)
    _log(
        live,
        Action.PUBLISHED,
        actor,
        note=note,
        version=live.version,
        snapshot=snapshot,
        changed_fields=changed,
    )
    return live


@transaction.atomic
def method_unpublish(*, actor: User, method: Method, note: str) -> Method:
    """Take a published method off the public toolkit, saying why."""
    _require_editor(actor)
    method = _locked(method)
    method.status = _transition(method, "unpublish")
    note = _required_note(note, "Say why the method is being unpublished")
    method.save(update_fields=["status", "updated_at"])
    _log(method, Action.UNPUBLISHED, actor, note=note)
    return method


WORKFLOW = {
    "submit": lambda actor, method, note: method_submit(actor=actor, method=method),
    "return": lambda actor, method, note: method_return(actor=actor, method=method, note=note),
    "publish": lambda actor, method, note: method_publish(actor=actor, method=method, note=note),
    "unpublish": lambda actor, method, note: method_unpublish(
        actor=actor, method=method, note=note
    ),
}


def allowed_actions(method: Method) -> list[str]:
    """The workflow actions open to a method in its present status."""
    actions = [name for name, (starts, _) in TRANSITIONS.items() if method.status in starts]
    if not method.is_revision and hasattr(method, "revision"):
        actions = [name for name in actions if name == "unpublish"]
    return actions


# Feedback ---------------------------------------------------------------------------------


@dataclass
class FeedbackDetails:
    rating: int
    how_it_went: str
    would_change: str = ""
    zone: Zone | None = None


@transaction.atomic
def feedback_submit(
    *, method: Method, details: FeedbackDetails, actor: User | None = None
) -> MethodFeedback:
    """Record feedback on a published method; nobody sees it until an officer approves it."""
    if not method.is_published:
        raise DomainError("Feedback can only be given on a published method.")
    feedback = MethodFeedback(
        method=method,
        rating=details.rating,
        how_it_went=details.how_it_went.strip(),
        would_change=details.would_change.strip(),
        zone=details.zone,
        submitted_by=actor if actor is not None and actor.is_authenticated else None,
        submitted_at=timezone.now(),
    )
    try:
        feedback.full_clean()
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=name if name != "__all__" else None) from error
    feedback.save()
    return feedback


@transaction.atomic
def feedback_moderate(
    *, actor: User, feedback: MethodFeedback, decision: str, note: str = ""
) -> MethodFeedback:
    """Approve feedback (it becomes public) or reject it (it stays hidden)."""
    if not permissions.can_moderate_feedback(actor):
        raise PermissionDenied("Only OPCC officers moderate feedback.")
    if decision not in FEEDBACK_TRANSITIONS:
        raise DomainError("Choose whether to approve or reject the feedback.", field="decision")
    feedback = MethodFeedback.objects.select_for_update().get(pk=feedback.pk)
    starts, target = FEEDBACK_TRANSITIONS[decision]
    if feedback.status not in starts:
        raise DomainError(f"This feedback is already {feedback.get_status_display().lower()}.")
    feedback.status = target
    feedback.moderated_by = actor
    feedback.moderated_at = timezone.now()
    feedback.moderation_note = note.strip()
    feedback.save()
    return feedback
