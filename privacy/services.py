"""Writes for privacy requests: recording a subject access export, and erasing a person.

Erasure anonymises the account rather than deleting it: meeting minutes, decisions,
issues and activities the public body must keep (and that evaluation counts) still point
at the account, which now reads "Erased person". Everything else personal goes: their
sessions, API token, notifications, seats, sign-in records, the contact details on
initiatives they submitted, and every earlier saved version of their account. A last
sweep replaces their full name and e-mail address wherever free text still holds them.
"""

import logging
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q

from config.domain import DomainError
from privacy.models import PrivacyRequest
from privacy.permissions import can_handle_privacy_requests
from privacy.selectors import ERASED_PREFIX, is_erased, subject_access_export

log = logging.getLogger(__name__)

ERASED_FIRST_NAME, ERASED_LAST_NAME = "Erased", "person"
ERASED_NAME = f"{ERASED_FIRST_NAME} {ERASED_LAST_NAME}"
# Sessions are found by decoding each one; they are read this many at a time.
SESSION_BATCH = 500


def _officer(actor) -> None:
    if not can_handle_privacy_requests(actor):
        raise DomainError("Only OPCC officers handle subject access and erasure requests.")


@transaction.atomic
def subject_access_record(*, actor, person) -> dict:
    """The export of everything held about `person`, recorded as a request `actor` made."""
    _officer(actor)
    PrivacyRequest.objects.create(kind=PrivacyRequest.Kind.EXPORT, subject=person, actor=actor)
    return subject_access_export(person)


def _identifiers(person) -> dict:
    full_name = f"{person.first_name} {person.last_name}".strip()
    return {
        "username": person.username,
        "email": person.email.strip(),
        "full_name": full_name if person.first_name and person.last_name else "",
    }


def _delete_sessions(person) -> None:
    key = str(person.pk)
    doomed = []
    for session in Session.objects.iterator(chunk_size=SESSION_BATCH):
        if session.get_decoded().get("_auth_user_id") == key:
            doomed.append(session.session_key)
    Session.objects.filter(session_key__in=doomed).delete()


def _clear_contacts(person) -> None:
    """Initiatives they submitted keep their content but lose the contact details."""
    from peoplezones.models import Initiative

    cleared = {
        "contact_name": ERASED_NAME,
        "contact_email": f"{ERASED_PREFIX}{person.pk}@erased.invalid",
        "contact_phone": "",
    }
    ids = list(Initiative.objects.filter(submitted_by=person).values_list("pk", flat=True))
    Initiative.objects.filter(pk__in=ids).update(**cleared)
    Initiative.history.filter(id__in=ids).update(**cleared)


def _text_fields(model) -> list:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    ]


def _sweep(old: dict, new_username: str) -> int:
    """Replace the person's full name and e-mail address in every text column of every
    table (history included), and their username where a column holds exactly it."""
    patterns = [
        (re.compile(re.escape(old[key]), re.IGNORECASE), replacement)
        for key, replacement in (("full_name", ERASED_NAME), ("email", "(erased)"))
        if old[key]
    ]
    changed = 0
    for model in apps.get_models():
        fields = _text_fields(model)
        if model._meta.proxy or not fields:
            continue
        match = Q()
        for field in fields:
            match |= Q(**{field.attname: old["username"]})
            for key in ("full_name", "email"):
                if old[key]:
                    match |= Q(**{f"{field.attname}__icontains": old[key]})
        names = [field.attname for field in fields]
        for row in model._base_manager.filter(match).values("pk", *names):
            update = {}
            for name in names:
                value = row[name]
                if not value:
                    continue
                if value == old["username"]:
                    update[name] = new_username
                    continue
                for pattern, replacement in patterns:
                    value = pattern.sub(replacement, value)
                if value != row[name]:
                    update[name] = value
            if update:
                changed += model._base_manager.filter(pk=row["pk"]).update(**update)
    return changed


@transaction.atomic
def person_erase(*, actor, person, reason: str):
    """Erase `person` (UK GDPR art. 17): see the module's description. All or nothing."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from rest_framework.authtoken.models import Token

    from governance.models import Membership, Notification
    from peoplezones.models import CoreTeamMember, PanelMembership

    _officer(actor)
    reason = reason.strip()
    if not reason:
        raise DomainError("Say why the person is erased.", field="reason")
    User = get_user_model()
    person = User.objects.select_for_update(of=("self",)).get(pk=person.pk)
    if person.pk == actor.pk:
        raise DomainError("You cannot erase your own account. Ask another officer.")
    if is_erased(person):
        raise DomainError("This person has already been erased.")
    old = _identifiers(person)

    _delete_sessions(person)
    Token.objects.filter(user=person).delete()
    Notification.history.filter(recipient_id=person.pk).delete()
    Notification.objects.filter(recipient=person).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old["username"]).delete()
    Membership.objects.filter(user=person).delete()
    PanelMembership.objects.filter(user=person).delete()
    CoreTeamMember.objects.filter(user=person).delete()
    _clear_contacts(person)

    anonymous = {
        "username": f"{ERASED_PREFIX}{person.pk}",
        "first_name": ERASED_FIRST_NAME,
        "last_name": ERASED_LAST_NAME,
        "email": "",
        "job_title": "",
    }
    for name, value in anonymous.items():
        setattr(person, name, value)
    person.is_active = person.is_staff = person.is_superuser = False
    person.set_unusable_password()
    person.save()
    # Earlier saved versions of the account held the name: they now hold the erased one.
    User.history.filter(id=person.pk).update(**anonymous)
    # Recorded before the sweep, so a reason that named the person does not keep the name.
    record = PrivacyRequest.objects.create(
        kind=PrivacyRequest.Kind.ERASURE, subject=person, actor=actor, reason=reason
    )
    _sweep(old, anonymous["username"])
    # The log names the account by number only: the name is what was erased.
    log.warning("Person #%s erased by %s (request #%s)", person.pk, actor.username, record.pk)
    return person
