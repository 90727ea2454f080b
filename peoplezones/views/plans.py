"""Pages of a zone's plans: workshops, key issues, consultations, ambition statement
versions, the delivery plan and its timeline, the core team and the ingredients."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.domain import DomainError
from peoplezones import permissions
from peoplezones.forms.plans import (
    AmbitionForm,
    AmbitionMoveForm,
    ConsultationForm,
    CoreTeamMemberForm,
    KeyIssueForm,
    MilestoneForm,
    ObjectiveForm,
    WorkshopForm,
    ZoneIngredientForm,
)
from peoplezones.models import Ingredient, Milestone, Zone
from peoplezones.selectors import plans as selectors
from peoplezones.selectors.zones import coverage_of, zone_get_for_user
from peoplezones.services import plans as services
from peoplezones.views.zones import form_page, zones_trail


def _one(queryset, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404
    return found


def _page(request, zone: Zone, template: str, heading: str, **context) -> HttpResponse:
    context.setdefault("trail", zones_trail(zone))
    context.update(
        zone=zone,
        heading=heading,
        can_edit=permissions.can_edit_zone_content(request.user, zone),
        show_names=permissions.can_see_volunteer_names(request.user, zone),
    )
    return render(request, f"peoplezones/plans/{template}", context)


def _trail(zone: Zone, label: str, url_name: str) -> list:
    return [*zones_trail(zone), (label, reverse(url_name, args=[zone.slug]))]


# Workshops


@login_required
def workshop_list(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    return _page(
        request, zone, "workshop_list.html", "Workshops", workshops=selectors.workshop_list(zone)
    )


@login_required
def workshop_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    workshop = selectors.workshop_get(zone, pk)
    if workshop is None:
        raise Http404
    return _page(
        request,
        zone,
        "workshop_detail.html",
        str(workshop),
        workshop=workshop,
        trail=_trail(zone, "Workshops", "workshop-list"),
    )


@login_required
def workshop_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    workshop = _one(zone.workshops, pk=pk) if pk else None
    return form_page(
        request,
        WorkshopForm(request.POST or None, instance=workshop, zone=zone),
        save=lambda data: services.workshop_save(
            actor=request.user, zone=zone, workshop=workshop, **data
        ),
        title="Change the workshop" if workshop else "Record a workshop",
        caption=zone.name,
        done="The workshop is saved.",
        trail=_trail(zone, "Workshops", "workshop-list"),
    )


# Key issues


@login_required
def key_issue_list(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    return _page(
        request, zone, "key_issue_list.html", "Key issues", issues=selectors.key_issue_list(zone)
    )


@login_required
def key_issue_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    issue = _one(zone.key_issues, pk=pk) if pk else None
    return form_page(
        request,
        KeyIssueForm(request.POST or None, instance=issue, zone=zone),
        save=lambda data: services.key_issue_save(
            actor=request.user, zone=zone, issue=issue, **data
        ),
        to=lambda saved: reverse("key-issue-list", args=[zone.slug]),
        title="Change the key issue" if issue else "Add a key issue",
        caption=zone.name,
        done="The key issue is saved.",
        trail=_trail(zone, "Key issues", "key-issue-list"),
    )


# Consultations


@login_required
def consultation_list(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    consultations = selectors.consultation_list(zone)
    return _page(
        request, zone, "consultation_list.html", "Consultations", consultations=consultations
    )


@login_required
def consultation_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    consultation = selectors.consultation_get(zone, pk)
    if consultation is None:
        raise Http404
    return _page(
        request,
        zone,
        "consultation_detail.html",
        consultation.title,
        consultation=consultation,
        trail=_trail(zone, "Consultations", "consultation-list"),
    )


@login_required
def consultation_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    consultation = _one(zone.consultations, pk=pk) if pk else None
    return form_page(
        request,
        ConsultationForm(request.POST or None, instance=consultation, zone=zone),
        save=lambda data: services.consultation_save(
            actor=request.user, zone=zone, consultation=consultation, **data
        ),
        title="Change the consultation" if consultation else "Record a consultation",
        caption=zone.name,
        done="The consultation is saved.",
        trail=_trail(zone, "Consultations", "consultation-list"),
    )


# Ambition statements


@login_required
def ambition_list(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    versions = list(selectors.ambition_versions(zone))
    return _page(
        request,
        zone,
        "ambition_list.html",
        "Ambition statement",
        versions=versions,
        can_start=not any(v.status in ("draft", "consulted") for v in versions),
    )


@login_required
def ambition_detail(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    statement = selectors.ambition_get(zone, version)
    if statement is None:
        raise Http404
    return _page(
        request,
        zone,
        "ambition_detail.html",
        f"Ambition statement, version {statement.version}",
        statement=statement,
        can_approve=permissions.can_approve_ambition(request.user, zone),
        trail=_trail(zone, "Ambition statement", "ambition-list"),
    )


@login_required
def ambition_create(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    current = selectors.ambition_current(zone)
    initial = {"text": current.text, "measures": current.measures} if current else {}
    return form_page(
        request,
        AmbitionForm(request.POST or None, initial=initial),
        save=lambda data: services.ambition_draft_start(actor=request.user, zone=zone, **data),
        title="Start a new version of the ambition statement",
        caption=zone.name,
        intro="The new version starts as a draft. The approved version stays current until "
        "the community panel approves this one.",
        done=lambda s: f"Version {s.version} is saved as a draft.",
        trail=_trail(zone, "Ambition statement", "ambition-list"),
    )


@login_required
def ambition_edit(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    statement = _one(zone.ambition_statements, version=version)
    return form_page(
        request,
        AmbitionForm(request.POST or None, instance=statement),
        save=lambda data: services.ambition_update(actor=request.user, statement=statement, **data),
        title=f"Change draft version {statement.version}",
        caption=zone.name,
        done="The draft is saved.",
        trail=_trail(zone, "Ambition statement", "ambition-list"),
    )


@login_required
def ambition_consulted(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    statement = _one(zone.ambition_statements, version=version)
    return form_page(
        request,
        AmbitionMoveForm(request.POST or None),
        save=lambda data: services.ambition_mark_consulted(
            actor=request.user, statement=statement, **data
        ),
        title=f"Mark version {statement.version} as consulted on",
        caption=zone.name,
        intro="Once consulted on, the words are fixed. Take it back to draft to change them.",
        done=lambda s: f"Version {s.version} is marked as consulted on.",
        trail=_trail(zone, "Ambition statement", "ambition-list"),
    )


@login_required
def ambition_approve(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="approve")
    statement = _one(zone.ambition_statements, version=version)
    return form_page(
        request,
        AmbitionMoveForm(request.POST or None),
        save=lambda data: services.ambition_approve(
            actor=request.user, statement=statement, **data
        ),
        title=f"Approve version {statement.version}",
        caption=zone.name,
        intro="Record the date the community panel approved this version. It becomes the "
        "zone's ambition statement; the version approved before it is kept as superseded.",
        done=lambda s: f"Version {s.version} is approved: it is now {zone.name}'s ambition.",
        trail=_trail(zone, "Ambition statement", "ambition-list"),
    )


@login_required
@require_POST
def ambition_redraft(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    statement = _one(zone.ambition_statements, version=version)
    try:
        services.ambition_return_to_draft(actor=request.user, statement=statement)
    except DomainError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"Version {statement.version} is a draft again.")
    return redirect(statement.get_absolute_url())


# The delivery plan


@login_required
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    rows, overall = selectors.plan_progress(zone)
    progress = {objective.pk: p for objective, p in rows}
    objectives = [(o, progress[o.pk]) for o in selectors.objective_list(zone)]
    return _page(
        request,
        zone,
        "plan_detail.html",
        "Delivery plan",
        objectives=objectives,
        overall=overall,
        ambition=selectors.ambition_current(zone),
    )


@login_required
def plan_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    return _page(
        request,
        zone,
        "plan_timeline.html",
        "Delivery plan timeline",
        months=selectors.timeline(zone),
        trail=_trail(zone, "Delivery plan", "plan-detail"),
    )


@login_required
def objective_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    objective = _one(selectors.objective_list(zone), pk=pk)
    return _page(
        request,
        zone,
        "objective_detail.html",
        objective.title,
        objective=objective,
        trail=_trail(zone, "Delivery plan", "plan-detail"),
    )


@login_required
def objective_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    objective = _one(zone.objectives, pk=pk) if pk else None
    return form_page(
        request,
        ObjectiveForm(request.POST or None, instance=objective, zone=zone),
        save=lambda data: services.objective_save(
            actor=request.user, zone=zone, objective=objective, **data
        ),
        title="Change the objective" if objective else "Add an objective",
        caption=zone.name,
        done="The objective is saved.",
        trail=_trail(zone, "Delivery plan", "plan-detail"),
    )


def _milestone_form(request, zone, objective, milestone: Milestone | None) -> HttpResponse:
    return form_page(
        request,
        MilestoneForm(request.POST or None, instance=milestone, zone=zone),
        save=lambda data: services.milestone_save(
            actor=request.user, objective=objective, milestone=milestone, **data
        ),
        to=lambda saved: objective.get_absolute_url(),
        title="Change the milestone" if milestone else "Add a milestone",
        caption=objective.title,
        done="The milestone is saved.",
        trail=[
            *_trail(zone, "Delivery plan", "plan-detail"),
            (objective.title, objective.get_absolute_url()),
        ],
    )


@login_required
def milestone_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    return _milestone_form(request, zone, _one(zone.objectives, pk=pk), None)


@login_required
def milestone_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    milestone = _one(Milestone.objects.select_related("objective"), pk=pk, objective__zone=zone)
    return _milestone_form(request, zone, milestone.objective, milestone)


# The core team


@login_required
def core_team_list(request: HttpRequest, slug: str) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug)
    members = selectors.core_team_list(zone)
    return _page(
        request,
        zone,
        "core_team_list.html",
        "Core team",
        members=members,
        coverage=coverage_of(zone, members),
    )


@login_required
def core_team_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    member = _one(zone.core_team, pk=pk) if pk else None
    return form_page(
        request,
        CoreTeamMemberForm(request.POST or None, instance=member, zone=zone),
        save=lambda data: services.core_team_member_save(
            actor=request.user, zone=zone, member=member, **data
        ),
        to=lambda saved: reverse("core-team-list", args=[zone.slug]),
        title="Change a core team member" if member else "Add someone to the core team",
        caption=zone.name,
        done="The core team is saved.",
        trail=_trail(zone, "Core team", "core-team-list"),
    )


@login_required
def core_team_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    member = _one(zone.core_team.select_related("user", "organisation"), pk=pk)
    if request.method == "POST":
        services.core_team_member_remove(actor=request.user, member=member)
        messages.success(request, f"{member.display_name} is no longer on the core team.")
        return redirect("core-team-list", slug=zone.slug)
    return _page(
        request,
        zone,
        "core_team_remove.html",
        f"Remove {member.display_name} from the core team",
        member=member,
        trail=_trail(zone, "Core team", "core-team-list"),
    )


# The Braunstone Blues ingredients


@login_required
def ingredient_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    zone = zone_get_for_user(request.user, slug, action="edit")
    ingredient = _one(Ingredient.objects.all(), pk=pk)
    entry = zone.ingredients.filter(ingredient=ingredient).first()
    return form_page(
        request,
        ZoneIngredientForm(request.POST or None, instance=entry),
        save=lambda data: services.zone_ingredient_set(
            actor=request.user, zone=zone, ingredient=ingredient, **data
        ),
        to=lambda saved: f"{zone.get_absolute_url()}#ingredients",
        title=ingredient.name,
        caption=f"{zone.name}: Braunstone Blues ingredient",
        intro=ingredient.description,
        done=f"{ingredient.name}: saved.",
        trail=zones_trail(zone),
    )
