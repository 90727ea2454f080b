"""Pages of zones: the list, the zone page, and officers' forms to open and close zones."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.domain import DomainError
from peoplezones import permissions
from peoplezones.forms.zones import ZoneFilterForm, ZoneForm, ZoneStatusForm
from peoplezones.models import Zone
from peoplezones.selectors.zones import (
    annotated_coverage,
    zone_get_for_user,
    zone_list_filtered_for_user,
)
from peoplezones.services.zones import zone_create, zone_status_change, zone_update
from peoplezones.views.paging import query_without_page, uncounted_page
from peoplezones.zone_page import sections_for

ZONES_PER_PAGE = 25


def zones_trail(zone: Zone | None = None) -> list[tuple[str, str]]:
    """Breadcrumbs down to the zones list, and to the zone's page when given."""
    trail = [("People Zones", reverse("zone-list"))]
    if zone is not None:
        trail.append((zone.name, zone.get_absolute_url()))
    return trail


def form_page(
    request: HttpRequest,
    form,
    *,
    save: Callable[[dict], object],
    title: str,
    done: str | Callable[[object], str],
    trail: list,
    caption: str = "",
    intro: str = "",
    to: Callable[[object], str] | None = None,
) -> HttpResponse:
    """Show a form; on a valid post call `save(cleaned_data)`, say `done` and go `to` the
    saved object's page (or where `to` says). A refused change shows its reason beside the
    field it concerns."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except DomainError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, done(saved) if callable(done) else done)
            return redirect(to(saved) if to else saved.get_absolute_url())
    context = {"form": form, "title": title, "trail": trail, "caption": caption, "intro": intro}
    return render(request, "peoplezones/form.html", context)


@login_required
def zone_list(request: HttpRequest) -> HttpResponse:
    """The zones this person may see, with their coverage gaps and late milestones, a page
    at a time, filtered by status and by name or district."""
    if not permissions.can_view_zones(request.user):
        raise PermissionDenied
    filters = ZoneFilterForm(request.GET or None)
    zones = zone_list_filtered_for_user(request.user, **filters.filters())
    page = uncounted_page(request, zones, per_page=ZONES_PER_PAGE, count=zones.count)
    context = {
        "page": page,
        "zones": [(zone, annotated_coverage(zone)) for zone in page.object_list],
        "filters": filters,
        "filtered": any(request.GET.get(name) for name in filters.fields),
        "query": query_without_page(request),
        "can_manage": permissions.can_manage_zones(request.user),
        "trail": [],
    }
    return render(request, "peoplezones/zones/list.html", context)


@login_required
def zone_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The zone page: its details, then each section People Zones adds."""
    zone = zone_get_for_user(request.user, slug)
    context = {
        "zone": zone,
        "sections": sections_for(request, zone),
        "can_manage": permissions.can_manage_zones(request.user),
        "trail": zones_trail(),
    }
    return render(request, "peoplezones/zones/detail.html", context)


@login_required
def zone_create_view(request: HttpRequest) -> HttpResponse:
    """Officers propose a new zone."""
    if not permissions.can_manage_zones(request.user):
        raise PermissionDenied
    return form_page(
        request,
        ZoneForm(request.POST or None),
        save=lambda data: zone_create(actor=request.user, **data),
        title="Propose a People Zone",
        done=lambda zone: f"{zone.name} is proposed. Open it when its work starts.",
        trail=zones_trail(),
    )


@login_required
def zone_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Officers change a zone's details."""
    zone = zone_get_for_user(request.user, slug, action="manage")
    return form_page(
        request,
        ZoneForm(request.POST or None, instance=zone),
        save=lambda data: zone_update(actor=request.user, zone=zone, **data),
        title="Change the zone's details",
        caption=zone.name,
        done="The zone's details are saved.",
        trail=zones_trail(zone),
    )


@login_required
def zone_status(request: HttpRequest, slug: str) -> HttpResponse:
    """Officers open, close or reopen a zone."""
    zone = zone_get_for_user(request.user, slug, action="manage")
    return form_page(
        request,
        ZoneStatusForm(request.POST or None, zone=zone),
        save=lambda data: zone_status_change(actor=request.user, zone=zone, **data),
        title="Change the zone's status",
        caption=zone.name,
        intro=f"{zone.name} is {zone.get_status_display().lower()}. A closed zone keeps its "
        "records and can be opened again.",
        done=lambda z: f"{z.name} is now {z.get_status_display().lower()}.",
        trail=zones_trail(zone),
    )
