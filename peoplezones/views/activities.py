"""Pages of activities: a panel member logs one from a phone; lists per zone and across
zones; officers and the zone's core team verify; photos only for those who may see them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.domain import DomainError
from governance.selectors import roles_for
from peoplezones import permissions
from peoplezones.forms.activities import ActivityFilterForm, ActivityForm
from peoplezones.models import Activity, Zone
from peoplezones.selectors import activities as selectors
from peoplezones.services.activities import (
    activity_edit_refusal,
    activity_log,
    activity_update,
    activity_verify,
)
from peoplezones.views.paging import query_without_page, uncounted_page
from peoplezones.views.zones import zones_trail


def _list_page(request, *, filters: ActivityFilterForm, zone: Zone | None, trail) -> HttpResponse:
    criteria = filters.filters()
    if zone is not None:
        criteria["zone"] = zone
    activities = selectors.activities_filtered(user=request.user, **criteria)
    # Counting every zone's activities costs more than reading the page: the cross-zone
    # list says which ones it shows, and whether there are more.
    cheap = selectors.activity_total_is_cheap(request.user, zone=zone)
    page = uncounted_page(
        request,
        activities,
        count=activities.count if cheap else None,
        shown=selectors.activities_shown,
    )
    can_log = zone is not None and permissions.can_log_activity_in_zone(request.user, zone)
    context = {
        "zone": zone,
        "show_zone": zone is None,
        "page": page,
        "query": query_without_page(request),
        "filters": filters,
        "filtered": any(request.GET.get(name) for name in filters.fields),
        "can_log": can_log,
        "trail": trail,
    }
    return render(request, "peoplezones/activities/list.html", context)


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    """Activities across zones for officers and board members; a panel member is taken to
    their own zone's list."""
    roles = roles_for(request.user)
    scope = permissions.activity_zone_ids(request.user)
    if scope is not None and len(scope) == 1 and not roles.is_officer:
        zone = Zone.objects.get(pk=next(iter(scope)))
        url = reverse("zone-activity-list", args=[zone.slug])
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    if scope is not None and not scope:
        raise PermissionDenied("Activities are for community panels, officers and the board.")
    zones = selectors.zones_for_activities(request.user)
    filters = ActivityFilterForm(request.GET or None, zones=zones)
    return _list_page(request, filters=filters, zone=None, trail=[])


@login_required
def zone_activity_list(request: HttpRequest, slug: str) -> HttpResponse:
    """One zone's activities, filtered by domain, principle, month and verification."""
    zone = selectors.zone_for_activities(request.user, slug)
    filters = ActivityFilterForm(request.GET or None)
    return _list_page(request, filters=filters, zone=zone, trail=zones_trail(zone))


def _form_page(request, form: ActivityForm, *, zone: Zone, title: str, trail) -> HttpResponse:
    context = {"form": form, "zone": zone, "title": title, "trail": trail}
    return render(request, "peoplezones/activities/form.html", context)


def show_refusal(form, error: DomainError) -> None:
    """Show a refused change beside the field it concerns, or at the top of the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def activity_create(request: HttpRequest, slug: str) -> HttpResponse:
    """A panel member logs an activity for their zone."""
    zone = selectors.zone_for_activities(request.user, slug, action="log")
    form = ActivityForm(request.POST or None, request.FILES or None, zone=zone)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            activity = activity_log(
                actor=request.user, zone=zone, details=form.details(), photo=data["photo"]
            )
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, f"“{activity.title}” is logged for {zone.name}.")
            return redirect(activity)
    trail = [*zones_trail(zone), ("Activities", reverse("zone-activity-list", args=[slug]))]
    return _form_page(request, form, zone=zone, title="Log an activity", trail=trail)


def _activity_trail(activity: Activity) -> list:
    zone = activity.zone
    return [*zones_trail(zone), ("Activities", reverse("zone-activity-list", args=[zone.slug]))]


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One activity, with who logged and verified it, and what its author may still do."""
    activity = selectors.activity_get_for_user(request.user, pk)
    is_author = activity.logged_by_id == request.user.pk
    context = {
        "activity": activity,
        "edit_refusal": activity_edit_refusal(request.user, activity) if is_author else "",
        "is_author": is_author,
        "can_verify": permissions.can_verify_activity(request.user, activity),
        "trail": _activity_trail(activity),
    }
    return render(request, "peoplezones/activities/detail.html", context)


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Its author corrects an activity, within the edit window and before verification."""
    activity = selectors.activity_get_for_user(request.user, pk, action="edit")
    refusal = activity_edit_refusal(request.user, activity)
    if refusal:
        messages.error(request, refusal)
        return redirect(activity)
    form = ActivityForm(
        request.POST or None, request.FILES or None, zone=activity.zone, activity=activity
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_update(
                actor=request.user,
                activity=activity,
                details=form.details(),
                photo=form.cleaned_data["photo"],
                remove_photo=form.cleaned_data.get("remove_photo", False),
            )
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect(activity)
    trail = [*_activity_trail(activity), (activity.title, activity.get_absolute_url())]
    return _form_page(request, form, zone=activity.zone, title="Change the activity", trail=trail)


@login_required
@require_POST
def activity_verify_view(request: HttpRequest, pk: int) -> HttpResponse:
    """An officer or the zone's core team confirms the activity took place as logged."""
    activity = selectors.activity_get_for_user(request.user, pk, action="verify")
    try:
        activity_verify(actor=request.user, activity=activity)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{activity.title}” is verified.")
    return redirect(activity)


@login_required
def activity_photo(request: HttpRequest, pk: int) -> FileResponse:
    """The activity's photo, only for those who may see the activity."""
    activity = selectors.activity_get_for_user(request.user, pk)
    if not activity.photo:
        raise Http404("This activity has no photo.")
    response = FileResponse(activity.photo.open("rb"), content_type=activity.photo_type)
    suffix = activity.photo.name.rsplit(".", 1)[-1]
    response["Content-Disposition"] = f'inline; filename="activity-{activity.pk}.{suffix}"'
    # Kept in the person's own browser only, never in a shared cache.
    response["Cache-Control"] = "private, max-age=3600"
    return response


def zone_section(request: HttpRequest, zone: Zone) -> dict | None:
    """The zone page's recent activities (two queries), for those who may read them."""
    if not permissions.can_view_activities_of_zone(request.user, zone):
        return None
    can_log = permissions.can_log_activity_in_zone(request.user, zone)
    return {
        "activities": selectors.recent_activities(zone),
        "can_log": can_log and zone.status == Zone.Status.ACTIVE,
    }


def panel_member_panel(request: HttpRequest, roles) -> dict | None:
    """Dashboard: the button to log an activity, and the person's latest entries (two
    queries)."""
    if not roles.is_panel_member:
        return None
    zones = [membership.zone for membership in roles.panel_memberships]
    return {
        "zones": zones,
        "several_zones": len(zones) > 1,
        "mine": selectors.activities_logged_by(request.user),
    }
