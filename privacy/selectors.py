"""Reads for privacy requests: finding a person, what the service holds about them, and
the subject access export.

The export walks every model that points at the person's account, so a model added later
is exported without anyone remembering to list it here. Rows the person only *changed*
(history entries and admin log entries they made about other things) are given as audit
metadata only: what, which row and when, never the other rows' contents, which may be
someone else's personal data.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from privacy.models import PrivacyRequest

ERASED_PREFIX = "erased-"
# Fields of the person's own account never exported: the password hash.
SECRET_FIELDS = {"password"}
# Fields that name who made a change rather than what the row is about.
ACTOR_FIELDS = {"history_user"}
# Requests an officer handled about other people.
ACTOR_FIELDS_OF = {
    "privacy.PrivacyRequest": {"actor"},
    "privacy.HistoricalPrivacyRequest": {"actor"},
}
# Models whose rows are secrets or someone else's records of the person.
METADATA_ONLY = {"admin.LogEntry"}
SECRET_MODELS = {"authtoken.Token": ["created"]}
# What a list of people found shows of each.
PERSON_COLUMNS = ["pk", "username", "first_name", "last_name", "email"]
PERSON_COLUMNS += ["organisation", "organisation__name"]


MAX_SEARCH_WORDS = 8


def person_search(query: str) -> QuerySet:
    """People whose name, username or e-mail address contains every word of `query`, by
    name, with their organisation; none for an empty query (the list is never the whole
    table: the caller pages it)."""
    User = get_user_model()
    words = query.split()[:MAX_SEARCH_WORDS]
    if not words:
        return User.objects.none()
    match = Q()
    for word in words:
        match &= (
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    return (
        User.objects.filter(match)
        .select_related("organisation")
        .only(*PERSON_COLUMNS)
        .order_by("last_name", "first_name", "username", "pk")
    )


def _count(model, field: str):
    """How many rows of `model` point at the outer person through `field`."""
    rows = model._base_manager.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)


def person_get(pk: int):
    """The person with counts of what the service holds about them, in one query."""
    from django.shortcuts import get_object_or_404

    from governance.models import Issue, Membership, Notification
    from peoplezones.models import Activity, Initiative, PanelMembership
    from toolkit.models import MethodFeedback

    User = get_user_model()
    return get_object_or_404(
        User.objects.annotate(
            held_seats=_count(Membership, "user"),
            held_panel_seats=_count(PanelMembership, "user"),
            held_activities=_count(Activity, "logged_by"),
            held_issues=_count(Issue, "raised_by"),
            held_initiatives=_count(Initiative, "submitted_by"),
            held_notifications=_count(Notification, "recipient"),
            held_feedback=_count(MethodFeedback, "submitted_by"),
        ),
        pk=pk,
    )


def is_erased(person) -> bool:
    return person.username.startswith(ERASED_PREFIX) and not person.is_active


def privacy_requests_for(person) -> QuerySet:
    return PrivacyRequest.objects.filter(subject=person).select_related("actor")


def _value(field, obj):
    value = field.value_from_object(obj)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "name"):  # a stored file: its name, not its content
        return value.name or None
    return str(value)


def _row(obj, fields=None) -> dict:
    return {
        field.attname: _value(field, obj)
        for field in obj._meta.concrete_fields
        if field.name not in SECRET_FIELDS and (fields is None or field.name in fields)
    }


def _audit_row(obj) -> dict:
    """What the person changed, without the changed row's contents."""
    meta = obj._meta
    if meta.label == "admin.LogEntry":
        return {
            "action_time": obj.action_time.isoformat(),
            "model": obj.content_type.model if obj.content_type_id else None,
            "object_id": obj.object_id,
            "action": obj.get_action_flag_display(),
        }
    if not hasattr(obj, "history_id"):
        when = getattr(obj, "created_at", None)
        return {"model": meta.label, "object_id": obj.pk, "at": when and when.isoformat()}
    return {
        "model": meta.label.removeprefix(meta.app_label + ".").removeprefix("Historical"),
        "object_id": getattr(obj, "id", None),
        "history_id": obj.history_id,
        "history_date": obj.history_date.isoformat(),
        "history_type": obj.get_history_type_display(),
    }


def _person_fields(model):
    User = get_user_model()
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is User
    ]


def subject_access_export(person) -> dict:
    """Everything the service holds about `person`, as JSON-ready data.

    `account` is their own row (no password hash); `account_history` the saved versions
    of it; `records` every row of every other model that points at them, by model label;
    `changes_made` the audit trail of what they changed; `login_attempts` what the
    sign-in throttle recorded for their username.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    User = get_user_model()
    records: dict[str, list] = {}
    changes: dict[str, list] = {}
    for model in apps.get_models():
        if model._meta.proxy or model is User:
            continue
        fields = _person_fields(model)
        label = model._meta.label
        actor_names = ACTOR_FIELDS | ACTOR_FIELDS_OF.get(label, set())
        about = [f for f in fields if f.name not in actor_names]
        actor = [f for f in fields if f.name in actor_names]
        if label in METADATA_ONLY:
            actor, about = fields, []
        if about:
            match = Q()
            for field in about:
                match |= Q(**{field.attname: person.pk})
            rows = model._base_manager.filter(match).order_by("pk")
            keep = SECRET_MODELS.get(label)
            found = [_row(obj, keep) for obj in rows]
            if found:
                records[label] = found
        if actor:
            match = Q()
            for field in actor:
                match |= Q(**{field.attname: person.pk})
            exclude = Q()
            for field in about:  # rows already exported in full
                exclude |= Q(**{field.attname: person.pk})
            rows = model._base_manager.filter(match).exclude(exclude).order_by("pk")
            if label == "admin.LogEntry":
                rows = rows.select_related("content_type")
            found = [_audit_row(obj) for obj in rows]
            if found:
                changes[label] = found
    username = person.username
    attempts = {
        "attempts": [_row(o) for o in AccessAttempt.objects.filter(username=username)],
        "failures": [_row(o) for o in AccessFailureLog.objects.filter(username=username)],
        "sign_ins": [_row(o) for o in AccessLog.objects.filter(username=username)],
    }
    return {
        "generated_at": timezone.now().isoformat(),
        "about": "Personal data held by the service about one person (UK GDPR art. 15).",
        "account": _row(person),
        "account_history": [_row(o) for o in User.history.filter(id=person.pk).order_by("pk")],
        "records": records,
        "changes_made": changes,
        "login_attempts": attempts,
    }
