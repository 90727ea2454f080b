"""Writes of partner initiatives: submitted by partner staff, reviewed by officers and the
zones' core teams, accepted into a delivery plan or declined, or withdrawn before a decision.

Every move follows `Initiative.TRANSITIONS`; an illegal one raises DomainError and changes
nothing. The submitting organisation is told of each decision, in the app and by e-mail.
"""

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config.domain import DomainError
from governance.models import Notification, User
from governance.services.notifications import notify_users
from peoplezones import permissions
from peoplezones.models import Initiative, InitiativeZone, Milestone, Objective, Zone
from peoplezones.services.plans import milestone_save


@dataclass
class InitiativeDetails:
    """What a partner agency offers."""

    title: str
    description: str
    audience: str
    resources_offered: str
    starts_on: datetime.date
    contact_name: str
    contact_email: str
    cost_to_zone: Decimal = Decimal(0)
    ends_on: datetime.date | None = None
    contact_phone: str = ""


@dataclass(frozen=True)
class Placement:
    """Where an accepted initiative sits in one zone's delivery plan: an objective, and an
    existing milestone of it (or None, to add a milestone for the initiative)."""

    zone: Zone
    objective: Objective
    milestone: Milestone | None = None


def _locked(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .prefetch_related("zone_links__zone")
        .get(pk=initiative.pk)
    )


def _move(initiative: Initiative, action: str, actor: User) -> None:
    """Check the workflow allows `action` from the current status, then take it."""
    sources, target = Initiative.TRANSITIONS[action]
    if initiative.status not in sources:
        message = (
            f"This initiative is {initiative.get_status_display().lower()}, so it cannot be "
            f"{ACTION_PAST[action]}."
        )
        if initiative.status == Initiative.Status.SUBMITTED:
            message += " Take it under review first."
        raise DomainError(message)
    initiative.status = target
    initiative._history_user = actor


ACTION_PAST = {
    "review": "taken under review",
    "accept": "accepted",
    "decline": "declined",
    "withdraw": "withdrawn",
}


@transaction.atomic
def initiative_submit(
    *, actor: User, zones: Iterable[Zone], details: InitiativeDetails
) -> Initiative:
    """Offer an initiative to one or more active zones, on behalf of the actor's agency."""
    if not permissions.can_submit_initiative(actor):
        raise PermissionDenied("Only staff of a partner agency can submit initiatives.")
    zones = list({zone.pk: zone for zone in zones}.values())
    if not zones:
        raise DomainError("Select at least one People Zone", field="zones")
    closed = [zone.name for zone in zones if zone.status != Zone.Status.ACTIVE]
    if closed:
        raise DomainError(
            f"Initiatives can only be offered to active zones, and {', '.join(closed)} "
            f"{'is' if len(closed) == 1 else 'are'} not active.",
            field="zones",
        )
    initiative = Initiative(organisation=actor.organisation, submitted_by=actor, **asdict(details))
    initiative._history_user = actor
    initiative.full_clean()
    initiative.save()
    InitiativeZone.objects.bulk_create(
        [InitiativeZone(initiative=initiative, zone=zone) for zone in zones]
    )
    return initiative


def _reviewer_only(actor: User, initiative: Initiative) -> None:
    if not permissions.can_review_initiative(actor, initiative):
        raise PermissionDenied("Only OPCC officers and the zone's core team review initiatives.")


@transaction.atomic
def initiative_start_review(*, actor: User, initiative: Initiative) -> Initiative:
    """Take a submitted initiative under review."""
    initiative = _locked(initiative)
    _reviewer_only(actor, initiative)
    _move(initiative, "review", actor)
    initiative.reviewer, initiative.review_started_at = actor, timezone.now()
    initiative.save()
    return initiative


def _placements_checked(initiative: Initiative, placements: Iterable[Placement]) -> dict:
    by_zone = {placement.zone.pk: placement for placement in placements}
    for link in initiative.zone_links.all():
        placement = by_zone.get(link.zone_id)
        if placement is None or placement.objective is None:
            raise DomainError(
                f"Choose an objective of {link.zone.name}'s delivery plan.", field="objective"
            )
        if placement.objective.zone_id != link.zone_id:
            raise DomainError(
                f"Choose an objective of {link.zone.name}'s delivery plan.", field="objective"
            )
        milestone = placement.milestone
        if milestone is not None and milestone.objective_id != placement.objective.pk:
            raise DomainError(
                f"The milestone “{milestone}” belongs to another objective: choose one of "
                f"“{placement.objective}”, or add a new one.",
                field="milestone",
            )
    return by_zone


@transaction.atomic
def initiative_accept(
    *, actor: User, initiative: Initiative, placements: Iterable[Placement], note: str = ""
) -> Initiative:
    """Accept an initiative under review into each of its zones' delivery plans: under the
    chosen objective, at the chosen milestone or at a new one the initiative owns."""
    initiative = _locked(initiative)
    _reviewer_only(actor, initiative)
    _move(initiative, "accept", actor)
    by_zone = _placements_checked(initiative, placements)
    for link in initiative.zone_links.all():
        placement = by_zone[link.zone_id]
        link.objective = placement.objective
        link.milestone = placement.milestone or milestone_save(
            actor=actor,
            objective=placement.objective,
            title=initiative.title[:200],
            due_on=initiative.ends_on or initiative.starts_on,
            owner_organisation=initiative.organisation,
            notes=f"Partner initiative from {initiative.organisation}, accepted "
            f"{timezone.localdate():%-d %B %Y}.",
        )
        link._history_user = actor
        link.save()
    _decide(initiative, actor, note.strip())
    return initiative


@transaction.atomic
def initiative_decline(*, actor: User, initiative: Initiative, reason: str) -> Initiative:
    """Decline an initiative under review, saying why."""
    if not reason.strip():
        raise DomainError("Say why the initiative is declined", field="reason")
    initiative = _locked(initiative)
    _reviewer_only(actor, initiative)
    _move(initiative, "decline", actor)
    _decide(initiative, actor, reason.strip())
    return initiative


def _decide(initiative: Initiative, actor: User, reason: str) -> None:
    initiative.decided_by, initiative.decided_at = actor, timezone.now()
    initiative.decision_reason = reason
    initiative.full_clean()
    initiative.save()
    _tell_organisation(initiative)


@transaction.atomic
def initiative_withdraw(*, actor: User, initiative: Initiative) -> Initiative:
    """Withdraw an initiative before a decision: staff of the submitting organisation."""
    initiative = _locked(initiative)
    if not permissions.can_withdraw_initiative(actor, initiative):
        raise PermissionDenied("Only the organisation that submitted it can withdraw it.")
    _move(initiative, "withdraw", actor)
    initiative.withdrawn_by, initiative.withdrawn_at = actor, timezone.now()
    initiative.save()
    return initiative


def _tell_organisation(initiative: Initiative) -> None:
    staff = initiative.organisation.staff.filter(is_active=True)
    verdict = initiative.get_status_display().lower()
    zones = ", ".join(link.zone.name for link in initiative.zone_links.all())
    message = f"“{initiative.title}” for {zones} was {verdict} by {initiative.decided_by}."
    if initiative.decision_reason:
        label = "Reason" if initiative.status == Initiative.Status.DECLINED else "Note"
        message += f"\n\n{label}: {initiative.decision_reason}"
    notify_users(
        users=staff,
        kind=Notification.Kind.INITIATIVE_DECIDED,
        subject=f"Initiative {verdict}: {initiative.title}",
        message=message,
        url=reverse("initiative-detail", args=[initiative.pk]),
        key=f"initiative-{initiative.pk}-{initiative.status}",
    )
