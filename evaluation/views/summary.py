"""Pages that read the evaluation: its start page, resilience activity summaries (across
zones and for one zone), a zone's resilience profile, and ambition realisation."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from evaluation.forms.packs import PeriodFilterForm
from evaluation.permissions import (
    can_edit_indicators_of_zone,
    can_manage_board_packs,
    can_read_board_reports,
    can_view_every_zone_evaluation,
)
from evaluation.selectors.activity import activity_summary
from evaluation.selectors.profile import resilience_profile
from evaluation.selectors.realisation import (
    METHOD,
    realisation_for_zones,
    serving_activities,
)
from evaluation.selectors.zones import evaluation_zone, readable_zones
from evaluation.views import evaluation_page, evaluation_trail

# An officer reads every zone (430 at the scale of 43 force areas): lists of zones come a
# page at a time, so a page never reads every zone's figures.
ZONES_PER_PAGE = 25
# Across every zone there are hundreds of partner organisations (301 at 43 areas): the
# summary names those involved in the most activities; the downloads name them all.
ORGANISATIONS_SHOWN = 25


def _zone_page(request: HttpRequest, zones) -> Page:
    return Paginator(zones, ZONES_PER_PAGE).get_page(request.GET.get("page"))


def _only_zone(request: HttpRequest, url_name: str):
    """People who read a single zone go straight to its page (keeping the query)."""
    if can_view_every_zone_evaluation(request.user):
        return None
    zones = list(readable_zones(request.user)[:2])
    if len(zones) != 1:
        return None
    url = reverse(url_name, args=[zones[0].slug])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


@evaluation_page
def evaluation_home(request: HttpRequest) -> HttpResponse:
    """Where the evaluation starts: the zones this person may read, and the reports."""
    context = {
        "page": _zone_page(request, readable_zones(request.user)),
        "every_zone": can_view_every_zone_evaluation(request.user),
        "can_manage_packs": can_manage_board_packs(request.user),
        "can_read_reports": can_read_board_reports(request.user),
        "trail": [],
    }
    return render(request, "evaluation/home.html", context)


def _summary_page(request, *, zones, zone=None, page=None, filters, trail) -> HttpResponse:
    period = filters.period()
    query = request.GET.copy()
    query.pop("page", None)  # the rest of the query, kept by each link of the page
    context = {
        "zone": zone,
        "filters": filters,
        # Totals and breakdowns count every zone in the database; zone by zone, a page.
        "summary": activity_summary(
            zones=zones, period=period, zones_shown=None if page is None else list(page)
        ),
        "page": page,
        "zone_count": 1 if page is None else page.paginator.count,
        "organisations_shown": ORGANISATIONS_SHOWN,
        "period": period,
        "query": query.urlencode(),
        "csp": filters.chosen_csp(),
        "trail": trail,
    }
    return render(request, "evaluation/summary.html", context)


@evaluation_page
def evaluation_summary(request: HttpRequest) -> HttpResponse:
    """Resilience activity across the zones this person may read, compared zone by zone
    (25 zones a page)."""
    single = _only_zone(request, "zone-summary")
    if single:
        return single
    filters = PeriodFilterForm(request.GET or None, with_csp=True)
    zones = readable_zones(request.user)
    if filters.chosen_csp() is not None:
        zones = zones.filter(csp=filters.chosen_csp())
    return _summary_page(
        request,
        zones=zones,
        page=_zone_page(request, zones),
        filters=filters,
        trail=evaluation_trail(),
    )


@evaluation_page
def zone_summary(request: HttpRequest, slug: str) -> HttpResponse:
    """Resilience activity in one zone."""
    zone = evaluation_zone(request.user, slug)
    filters = PeriodFilterForm(request.GET or None)
    return _summary_page(
        request, zones=[zone], zone=zone, filters=filters, trail=evaluation_trail()
    )


@evaluation_page
def zone_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """The four resilience domains of a zone: the last twelve months beside the year before."""
    zone = evaluation_zone(request.user, slug)
    context = {"zone": zone, "profile": resilience_profile(zone), "trail": evaluation_trail(zone)}
    return render(request, "evaluation/profile.html", context)


@evaluation_page
def realisation_list(request: HttpRequest) -> HttpResponse:
    """The realisation of every zone's current ambition statement, side by side."""
    single = _only_zone(request, "zone-realisation")
    if single:
        return single
    page = _zone_page(request, readable_zones(request.user))
    context = {
        "page": page,
        "realisations": realisation_for_zones(list(page)),
        "trail": evaluation_trail(),
        **METHOD,
    }
    return render(request, "evaluation/realisation_list.html", context)


@evaluation_page
def zone_realisation(request: HttpRequest, slug: str) -> HttpResponse:
    """The realisation of one zone's ambition statement, with the activities that served it."""
    zone = evaluation_zone(request.user, slug)
    (realisation,) = realisation_for_zones([zone])
    context = {
        "zone": zone,
        "realisation": realisation,
        "activities": serving_activities(realisation),
        "can_edit": can_edit_indicators_of_zone(request.user, zone),
        "trail": evaluation_trail(zone),
        **METHOD,
    }
    return render(request, "evaluation/realisation_zone.html", context)
