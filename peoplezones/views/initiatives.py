"""Pages of partner initiatives: partner staff offer them; officers and the zones' core
teams take them under review and accept them into a delivery plan or decline them; the
submitting organisation may withdraw one before a decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.domain import DomainError
from peoplezones import permissions
from peoplezones.forms.initiatives import (
    AcceptForm,
    DeclineForm,
    InitiativeFilterForm,
    InitiativeForm,
)
from peoplezones.models import Initiative
from peoplezones.selectors import initiatives as selectors
from peoplezones.selectors.activities import activities_awaiting_verification
from peoplezones.selectors.zones import zone_list_for_user
from peoplezones.services.initiatives import (
    initiative_accept,
    initiative_decline,
    initiative_start_review,
    initiative_submit,
    initiative_withdraw,
)
from peoplezones.views.activities import show_refusal
from peoplezones.views.paging import query_without_page, uncounted_page
from peoplezones.views.zones import form_page


def _trail() -> list[tuple[str, str]]:
    return [("Initiatives", reverse("initiative-list"))]


@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    """The initiatives this person may see: their organisation's, or those to review."""
    if not permissions.can_view_initiatives(request.user):
        raise PermissionDenied("Initiatives are for partner agencies and OPCC officers.")
    filters = InitiativeFilterForm(request.GET or None, zones=zone_list_for_user(request.user))
    initiatives = selectors.initiative_list(user=request.user, **filters.filters())
    context = {
        # Partners offer initiatives by the dozen, not by the thousand: counted.
        "page": uncounted_page(request, initiatives, count=initiatives.count),
        "query": query_without_page(request),
        "filters": filters,
        "filtered": any(request.GET.get(name) for name in filters.fields),
        "can_submit": permissions.can_submit_initiative(request.user),
        "trail": [],
    }
    return render(request, "peoplezones/initiatives/list.html", context)


@login_required
def initiative_create(request: HttpRequest) -> HttpResponse:
    """Partner staff offer an initiative to one or more active zones."""
    if not permissions.can_submit_initiative(request.user):
        raise PermissionDenied("Only staff of a partner agency can submit initiatives.")
    form = InitiativeForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: initiative_submit(
            actor=request.user, zones=data["zones"], details=form.details()
        ),
        title="Offer an initiative",
        caption=str(request.user.organisation),
        intro="Any contribution is welcome. Zones run on existing resources, so say plainly "
        "what it would cost the zone: the aim is no additional revenue cost.",
        done=lambda initiative: (
            f"“{initiative.title}” is submitted. You will hear here and "
            "by email when it has been decided."
        ),
        trail=_trail(),
    )


@login_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One initiative, its status, where it sits in the plans, and what may happen next."""
    initiative = selectors.initiative_get_for_user(request.user, pk)
    can_review = permissions.can_review_initiative(request.user, initiative)
    can_withdraw = permissions.can_withdraw_initiative(request.user, initiative)
    context = {
        "initiative": initiative,
        "can_start_review": can_review and initiative.allows("review"),
        "can_decide": can_review and initiative.allows("accept"),
        "can_withdraw": can_withdraw and initiative.allows("withdraw"),
        "trail": _trail(),
    }
    return render(request, "peoplezones/initiatives/detail.html", context)


@login_required
@require_POST
def initiative_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a submitted initiative under review."""
    initiative = selectors.initiative_get_for_user(request.user, pk, action="review")
    try:
        initiative_start_review(actor=request.user, initiative=initiative)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The initiative is under review. Accept or decline it next.")
    return redirect(initiative)


def _decision_page(request, initiative: Initiative, form, *, title: str, template: str, **more):
    context = {
        **more,
        "initiative": initiative,
        "form": form,
        "title": title,
        "trail": [*_trail(), (initiative.title, initiative.get_absolute_url())],
    }
    return render(request, f"peoplezones/initiatives/{template}.html", context)


def _not_now(request, initiative: Initiative, action: str) -> HttpResponse | None:
    """Send the reviewer back to the initiative, saying why, when the workflow says no."""
    if initiative.allows(action):
        return None
    messages.error(
        request,
        f"This initiative is {initiative.get_status_display().lower()}: "
        + (
            "take it under review first."
            if initiative.status == Initiative.Status.SUBMITTED
            else "it has already been decided or withdrawn."
        ),
    )
    return redirect(initiative)


@login_required
def initiative_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept an initiative under review into its zones' delivery plans."""
    initiative = selectors.initiative_get_for_user(request.user, pk, action="review")
    if refused := _not_now(request, initiative, "accept"):
        return refused
    choices = selectors.placement_choices(initiative)
    missing = [zone for zone, objectives in choices if not objectives]
    form = AcceptForm(request.POST or None, choices=choices)
    if request.method == "POST" and not missing and form.is_valid():
        try:
            initiative_accept(
                actor=request.user,
                initiative=initiative,
                placements=form.placements(),
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                f"“{initiative.title}” is accepted into the delivery plan. "
                f"{initiative.organisation} has been told.",
            )
            return redirect(initiative)
    return _decision_page(
        request,
        initiative,
        form,
        title="Accept the initiative",
        template="accept",
        missing_plans=missing,
    )


@login_required
def initiative_decline_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Decline an initiative under review, with the reason the organisation will read."""
    initiative = selectors.initiative_get_for_user(request.user, pk, action="review")
    if refused := _not_now(request, initiative, "decline"):
        return refused
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative_decline(
                actor=request.user, initiative=initiative, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                f"“{initiative.title}” is declined. {initiative.organisation} has been told why.",
            )
            return redirect(initiative)
    return _decision_page(
        request, initiative, form, title="Decline the initiative", template="decline"
    )


@login_required
def initiative_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The submitting organisation withdraws its initiative before a decision."""
    initiative = selectors.initiative_get_for_user(request.user, pk, action="withdraw")
    if refused := _not_now(request, initiative, "withdraw"):
        return refused
    if request.method == "POST":
        try:
            initiative_withdraw(actor=request.user, initiative=initiative)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"“{initiative.title}” is withdrawn.")
        return redirect(initiative)
    return _decision_page(
        request, initiative, None, title="Withdraw the initiative", template="withdraw"
    )


def zone_section(request: HttpRequest, zone) -> dict | None:
    """The zone page's open initiatives this person may see (two queries)."""
    user = request.user
    if not (
        permissions.can_view_initiatives(user) or permissions.is_panel_member_of_zone(user, zone)
    ):
        return None
    return {
        "initiatives": selectors.zone_open_initiatives(user, zone),
        "can_submit": permissions.can_submit_initiative(user),
    }


def partner_panel(request: HttpRequest, roles) -> dict | None:
    """Dashboard: the partner's organisation's latest initiatives and decisions (two
    queries)."""
    if not roles.is_partner:
        return None
    mine = selectors.initiative_list(user=request.user, organisation_id=roles.organisation.pk)
    return {"organisation": roles.organisation, "initiatives": list(mine[:5])}


def review_panel(request: HttpRequest, roles) -> dict | None:
    """Dashboard: initiatives awaiting a decision and activities awaiting verification,
    for officers and core team members (six queries at most)."""
    if not roles.is_officer and not permissions.core_team_zone_ids(request.user):
        return None
    initiative_count, initiatives = selectors.initiatives_awaiting_review(request.user)
    activity_count, activities = activities_awaiting_verification(request.user)
    return {
        "initiative_count": initiative_count,
        "initiatives": initiatives,
        "activity_count": activity_count,
        "activities": activities,
    }
