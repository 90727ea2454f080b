"""Writes of a zone's plans: workshops, key issues, consultations, ambition statement
versions, the delivery plan, the core team and the ingredients checklist."""

import datetime

from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone

from config.domain import DomainError
from governance.models import Organisation, User
from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    Zone,
    ZoneIngredient,
)

Status = AmbitionStatement.Status

# The one list of moves an ambition statement version may make. Approving a version also
# supersedes the zone's previously approved one; nothing else leaves "approved".
AMBITION_TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.CONSULTED},
    Status.CONSULTED: {Status.APPROVED, Status.DRAFT},
    Status.APPROVED: set(),
    Status.SUPERSEDED: set(),
}


def _save(obj: Model, actor: User | None) -> None:
    obj._history_user = actor
    obj.full_clean()
    obj.save()


def _not_future(day: datetime.date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise DomainError(f"{what} cannot be in the future.", field=field)


def _same_zone(zone: Zone, objects, field: str, what: str) -> None:
    if any(obj is not None and obj.zone_id != zone.pk for obj in objects):
        raise DomainError(f"Choose {what} of {zone.name}.", field=field)


# Workshops, key issues and consultations


@transaction.atomic
def workshop_save(
    *,
    actor: User,
    zone: Zone,
    workshop: Workshop | None = None,
    held_on: datetime.date,
    attendees: int,
    title: str = "",
    organisations: list[Organisation] = (),
    other_organisations: str = "",
    notes: str = "",
) -> Workshop:
    """Record a workshop held in the zone, or correct one."""
    _not_future(held_on, "held_on", "A workshop's date")
    workshop = workshop or Workshop(zone=zone)
    workshop.held_on, workshop.attendees, workshop.title = held_on, attendees, title
    workshop.other_organisations, workshop.notes = other_organisations, notes
    _save(workshop, actor)
    workshop.organisations.set(organisations)
    return workshop


@transaction.atomic
def key_issue_save(
    *,
    actor: User,
    zone: Zone,
    issue: KeyIssue | None = None,
    title: str,
    theme: str,
    description: str = "",
    status: str = KeyIssue.Status.OPEN,
    source_workshop: Workshop | None = None,
    source_consultation: Consultation | None = None,
) -> KeyIssue:
    """Record a key issue the community named, or change it."""
    if source_workshop and source_consultation:
        raise DomainError(
            "An issue comes from one workshop or one consultation, not both.",
            field="source_consultation",
        )
    _same_zone(zone, [source_workshop], "source_workshop", "a workshop")
    _same_zone(zone, [source_consultation], "source_consultation", "a consultation")
    issue = issue or KeyIssue(zone=zone)
    issue.title, issue.theme, issue.description, issue.status = title, theme, description, status
    issue.source_workshop, issue.source_consultation = source_workshop, source_consultation
    _save(issue, actor)
    return issue


@transaction.atomic
def consultation_save(
    *,
    actor: User,
    zone: Zone,
    consultation: Consultation | None = None,
    title: str,
    method: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    respondents: int = 0,
    findings: str = "",
    key_issues: list[KeyIssue] = (),
) -> Consultation:
    """Record a consultation of the zone's residents, or correct one."""
    if ends_on < starts_on:
        raise DomainError("The end date must be on or after the start date.", field="ends_on")
    _same_zone(zone, key_issues, "key_issues", "key issues")
    consultation = consultation or Consultation(zone=zone)
    consultation.title, consultation.method = title, method
    consultation.starts_on, consultation.ends_on = starts_on, ends_on
    consultation.respondents, consultation.findings = respondents, findings
    _save(consultation, actor)
    consultation.key_issues.set(key_issues)
    return consultation


# Ambition statements


def _open_zone(zone: Zone) -> None:
    if zone.status == Zone.Status.CLOSED:
        raise DomainError(f"{zone.name} is closed: its ambition statement cannot change.")


def _locked(statement: AmbitionStatement) -> AmbitionStatement:
    return AmbitionStatement.objects.select_for_update().get(pk=statement.pk)


def _move(statement: AmbitionStatement, to: str) -> None:
    if to not in AMBITION_TRANSITIONS[statement.status]:
        raise DomainError(
            f"Version {statement.version} is {statement.get_status_display().lower()}: "
            f"it cannot be marked {Status(to).label.lower()}."
        )


@transaction.atomic
def ambition_draft_start(
    *, actor: User, zone: Zone, text: str | None = None, measures: str | None = None
) -> AmbitionStatement:
    """Start a new version of the zone's ambition statement, from the approved one."""
    _open_zone(zone)
    zone = Zone.objects.select_for_update().get(pk=zone.pk)
    versions = zone.ambition_statements.all()
    open_version = versions.filter(status__in=(Status.DRAFT, Status.CONSULTED)).first()
    if open_version:
        raise DomainError(
            f"Version {open_version.version} is still {open_version.get_status_display().lower()}"
            ": finish it before starting another."
        )
    current = versions.filter(status=Status.APPROVED).first()
    statement = AmbitionStatement(
        zone=zone,
        version=(versions.aggregate(n=Max("version"))["n"] or 0) + 1,
        text=text if text is not None else (current.text if current else ""),
        measures=measures if measures is not None else (current.measures if current else ""),
    )
    if not statement.text.strip():
        raise DomainError("Write the ambition statement.", field="text")
    _save(statement, actor)
    return statement


@transaction.atomic
def ambition_update(
    *, actor: User, statement: AmbitionStatement, text: str, measures: str = ""
) -> AmbitionStatement:
    """Change the words of a draft version; consulted and approved words stay as they were."""
    statement = _locked(statement)
    if statement.status != Status.DRAFT:
        raise DomainError(
            f"Version {statement.version} is {statement.get_status_display().lower()}: only a "
            "draft can be changed. Start a new version instead."
        )
    statement.text, statement.measures = text, measures
    _save(statement, actor)
    return statement


@transaction.atomic
def ambition_mark_consulted(
    *, actor: User, statement: AmbitionStatement, on: datetime.date
) -> AmbitionStatement:
    """The community has been consulted on this draft."""
    _open_zone(statement.zone)
    statement = _locked(statement)
    _move(statement, Status.CONSULTED)
    _not_future(on, "on", "The date of the consultation")
    statement.status, statement.consulted_on = Status.CONSULTED, on
    _save(statement, actor)
    return statement


@transaction.atomic
def ambition_return_to_draft(*, actor: User, statement: AmbitionStatement) -> AmbitionStatement:
    """Take a consulted version back to draft, to change its words after consultation."""
    _open_zone(statement.zone)
    statement = _locked(statement)
    _move(statement, Status.DRAFT)
    statement.status, statement.consulted_on = Status.DRAFT, None
    _save(statement, actor)
    return statement


@transaction.atomic
def ambition_approve(
    *, actor: User, statement: AmbitionStatement, on: datetime.date
) -> AmbitionStatement:
    """The community panel approves this version: it becomes the zone's current ambition
    statement and the one approved before it is kept as superseded."""
    _open_zone(statement.zone)
    statement = _locked(statement)
    _move(statement, Status.APPROVED)
    _not_future(on, "on", "The date of approval")
    if on < statement.consulted_on:
        raise DomainError("A version cannot be approved before it was consulted on.", field="on")
    previous = statement.zone.ambition_statements.filter(status=Status.APPROVED).first()
    if previous:
        if on < previous.approved_on:
            raise DomainError(
                f"Version {previous.version} was approved on {previous.approved_on:%-d %B %Y}: "
                "a newer version cannot be approved before it.",
                field="on",
            )
        previous.status, previous.superseded_on = Status.SUPERSEDED, on
        _save(previous, actor)
    statement.status, statement.approved_on, statement.approved_by = Status.APPROVED, on, actor
    _save(statement, actor)
    return statement


# The delivery plan


@transaction.atomic
def objective_save(
    *,
    actor: User,
    zone: Zone,
    objective: Objective | None = None,
    title: str,
    description: str = "",
    theme: str = "other",
    key_issues: list[KeyIssue] = (),
    position: int | None = None,
) -> Objective:
    """Add an objective to the zone's delivery plan, or change one."""
    _same_zone(zone, key_issues, "key_issues", "key issues")
    if objective is None:
        objective = Objective(zone=zone)
        if position is None:
            position = (zone.objectives.aggregate(n=Max("position"))["n"] or 0) + 1
    objective.title, objective.description, objective.theme = title, description, theme
    if position is not None:
        objective.position = position
    _save(objective, actor)
    objective.key_issues.set(key_issues)
    return objective


@transaction.atomic
def milestone_save(
    *,
    actor: User,
    objective: Objective,
    milestone: Milestone | None = None,
    title: str,
    due_on: datetime.date,
    status: str = Milestone.Status.NOT_STARTED,
    owner_person: User | None = None,
    owner_organisation: Organisation | None = None,
    owner_name: str = "",
    completed_on: datetime.date | None = None,
    notes: str = "",
) -> Milestone:
    """Add a milestone to an objective, or change one. Past its due date and not done, it
    is late whatever status it was given."""
    if not (owner_person or owner_organisation or owner_name.strip()):
        raise DomainError("Name who owns the milestone: a person or an organisation.")
    today = timezone.localdate()
    if status == Milestone.Status.DONE:
        completed_on = completed_on or today
        _not_future(completed_on, "completed_on", "The date it was done")
    else:
        completed_on = None
        if due_on < today:
            status = Milestone.Status.LATE
    milestone = milestone or Milestone(objective=objective)
    milestone.title, milestone.due_on, milestone.status = title, due_on, status
    milestone.owner_person, milestone.owner_organisation = owner_person, owner_organisation
    milestone.owner_name, milestone.completed_on, milestone.notes = owner_name, completed_on, notes
    _save(milestone, actor)
    return milestone


@transaction.atomic
def milestones_flag_late(*, today: datetime.date | None = None) -> int:
    """Mark every milestone past its due date and not done as late; returns how many."""
    flagged = 0
    overdue = Milestone.objects.overdue(today).exclude(status=Milestone.Status.LATE)
    for milestone in overdue.select_for_update():
        milestone.status = Milestone.Status.LATE
        milestone._change_reason = "Past its due date and not done"
        milestone.save(update_fields=["status"])
        flagged += 1
    return flagged


# The core team


@transaction.atomic
def core_team_member_save(
    *,
    actor: User,
    zone: Zone,
    member: CoreTeamMember | None = None,
    role: str,
    user: User | None = None,
    name: str = "",
    organisation: Organisation | None = None,
) -> CoreTeamMember:
    """Put someone on the zone's core team, or change their place; someone with an account
    represents their own organisation unless another is given."""
    if user is None and not name.strip():
        raise DomainError("Choose a person with an account or give a name.", field="name")
    taken = zone.core_team.filter(user=user).exclude(pk=member.pk if member else None)
    if user is not None and taken.exists():
        raise DomainError(f"{user} is already on the core team of {zone.name}.", field="user")
    member = member or CoreTeamMember(zone=zone)
    member.role, member.user, member.name = role, user, "" if user else name
    member.organisation = organisation or (user.organisation if user else None)
    _save(member, actor)
    return member


@transaction.atomic
def core_team_member_remove(*, actor: User, member: CoreTeamMember) -> None:
    """Take someone off the zone's core team (their time on it stays in the history)."""
    member._history_user = actor
    member.delete()


# The Braunstone Blues ingredients


@transaction.atomic
def ingredient_upsert(*, name: str, description: str = "", position: int = 0) -> Ingredient:
    """Add an ingredient to the list, or update the one with this name."""
    ingredient = Ingredient.objects.filter(name=name).first() or Ingredient(name=name)
    ingredient.description, ingredient.position = description, position
    _save(ingredient, None)
    return ingredient


@transaction.atomic
def zone_ingredient_set(
    *, actor: User, zone: Zone, ingredient: Ingredient, status: str, evidence: str = ""
) -> ZoneIngredient:
    """Record how far the zone has integrated one ingredient, with the evidence."""
    if status == ZoneIngredient.Status.INTEGRATED and not evidence.strip():
        raise DomainError(
            "Say what shows the ingredient is integrated: add evidence notes.", field="evidence"
        )
    entry = ZoneIngredient.objects.select_for_update().filter(
        zone=zone, ingredient=ingredient
    ).first() or ZoneIngredient(zone=zone, ingredient=ingredient)
    entry.status, entry.evidence, entry.updated_at = status, evidence, timezone.now()
    _save(entry, actor)
    return entry
