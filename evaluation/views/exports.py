"""Downloads of activities, indicators and measurements, for the zones (and the period) a
person may read: the same rules as the pages."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from evaluation.exports import DATASETS, csv_response, xlsx_response
from evaluation.forms.packs import PeriodFilterForm
from evaluation.selectors.zones import evaluation_zone, readable_zones
from evaluation.views import evaluation_page, evaluation_trail


@evaluation_page
def export_page(request: HttpRequest) -> HttpResponse:
    """What can be downloaded, for which zones and period."""
    filters = PeriodFilterForm(request.GET or None)
    zones = readable_zones(request.user)
    context = {
        "filters": filters,
        "period": filters.period(),
        # counted, not read: an officer may read hundreds of zones
        "zone_count": zones.count(),
        "first_zone": zones.first(),
        "datasets": DATASETS.values(),
        "query": request.GET.urlencode(),
        "trail": evaluation_trail(),
    }
    return render(request, "evaluation/export.html", context)


def _export(request: HttpRequest, dataset: str, respond) -> HttpResponse:
    if dataset not in DATASETS:
        raise Http404("No such download.")
    filters = PeriodFilterForm(request.GET or None, with_csp=True)
    slug = request.GET.get("zone")
    if slug:
        zone_ids = [evaluation_zone(request.user, slug).pk]
    else:
        zones = readable_zones(request.user)
        if filters.chosen_csp() is not None:
            zones = zones.filter(csp=filters.chosen_csp())
        zone_ids = list(zones.values_list("pk", flat=True))
    return respond(DATASETS[dataset], zone_ids, filters.period())


@evaluation_page
def export_csv(request: HttpRequest, dataset: str) -> HttpResponse:
    return _export(request, dataset, csv_response)


@evaluation_page
def export_xlsx(request: HttpRequest, dataset: str) -> HttpResponse:
    return _export(request, dataset, xlsx_response)
