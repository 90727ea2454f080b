"""Pages of indicators and their measurements: everyone who reads a zone's evaluation sees
them; officers and the zone's core team add and change them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from evaluation.forms.indicators import IndicatorForm, MeasurementForm
from evaluation.permissions import can_edit_indicators_of_zone
from evaluation.progress import RAG_RULES
from evaluation.selectors.indicators import (
    current_statements,
    indicator_get_for_user,
    indicator_measurements,
    measurement_get_for_user,
    progress_of,
    zone_indicators,
)
from evaluation.selectors.realisation import METHOD
from evaluation.selectors.zones import evaluation_zone
from evaluation.services import indicators as services
from evaluation.views import evaluation_page, evaluation_trail, posted, saved_or_none


def _indicators_trail(zone) -> list:
    return [*evaluation_trail(zone), ("Indicators", reverse("indicator-list", args=[zone.slug]))]


def _form_page(request, form, *, zone, title, trail, caption="") -> HttpResponse:
    context = {"form": form, "zone": zone, "title": title, "trail": trail, "caption": caption}
    return render(request, "evaluation/form.html", context)


@evaluation_page
def indicator_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The zone's indicators by ambition statement version, with progress and RAG."""
    zone = evaluation_zone(request.user, slug)
    context = {
        "zone": zone,
        "statements": zone_indicators(zone),
        "can_edit": can_edit_indicators_of_zone(request.user, zone),
        "rag_rules": RAG_RULES,
        "trail": evaluation_trail(zone),
    }
    return render(request, "evaluation/indicators/list.html", context)


def _indicator_data(data: dict) -> dict:
    return {name: value for name, value in data.items() if name != "ambition_statement"}


def _indicator_saver(request, indicator=None):
    def save(data: dict):
        return services.indicator_save(
            actor=request.user,
            ambition_statement=data["ambition_statement"],
            indicator=indicator,
            **_indicator_data(data),
        )

    return save


@evaluation_page
def indicator_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Officers and the core team add an indicator to the zone's ambition statement."""
    zone = evaluation_zone(request.user, slug, write=True)
    current = current_statements([zone]).get(zone.pk)
    form = IndicatorForm(posted(request), zone=zone, initial={"ambition_statement": current})
    done = saved_or_none(request, form, _indicator_saver(request), "The indicator is added.", _url)
    return done or _form_page(
        request, form, zone=zone, title="Add an indicator", trail=_indicators_trail(zone)
    )


def _url(saved) -> str:
    return saved.get_absolute_url()


def _indicator_trail(indicator) -> list:
    return [*_indicators_trail(indicator.zone), (indicator.name, indicator.get_absolute_url())]


@evaluation_page
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One indicator: its definition, progress, RAG and every measurement, as a chart and a
    table."""
    indicator = indicator_get_for_user(request.user, pk)
    zone = indicator.zone
    context = {
        "indicator": indicator,
        "zone": zone,
        "progress": progress_of(indicator, timezone.localdate()),
        "measurements": indicator_measurements(indicator),
        "can_edit": can_edit_indicators_of_zone(request.user, zone),
        "trail": _indicators_trail(zone),
        **METHOD,
    }
    return render(request, "evaluation/indicators/detail.html", context)


@evaluation_page
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_get_for_user(request.user, pk, write=True)
    zone = indicator.zone
    initial = {name: getattr(indicator, name) for name in IndicatorForm.base_fields}
    form = IndicatorForm(posted(request), zone=zone, editing=True, initial=initial)
    done = saved_or_none(
        request, form, _indicator_saver(request, indicator), "The indicator is saved.", _url
    )
    return done or _form_page(
        request, form, zone=zone, title="Change the indicator", trail=_indicator_trail(indicator)
    )


def _measurement_page(request, form, indicator, *, title, save, done) -> HttpResponse:
    saved = saved_or_none(request, form, save, done, lambda m: indicator.get_absolute_url())
    return saved or _form_page(
        request,
        form,
        zone=indicator.zone,
        title=title,
        caption=indicator.name,
        trail=_indicator_trail(indicator),
    )


@evaluation_page
def measurement_create(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_get_for_user(request.user, pk, write=True)
    return _measurement_page(
        request,
        MeasurementForm(posted(request), unit=indicator.unit),
        indicator,
        title="Record a measurement",
        save=lambda data: services.measurement_record(
            actor=request.user, indicator=indicator, **data
        ),
        done="The measurement is recorded.",
    )


@evaluation_page
def measurement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = measurement_get_for_user(request.user, pk)
    initial = {name: getattr(measurement, name) for name in MeasurementForm.base_fields}
    return _measurement_page(
        request,
        MeasurementForm(posted(request), unit=measurement.indicator.unit, initial=initial),
        measurement.indicator,
        title="Change the measurement",
        save=lambda data: services.measurement_update(
            actor=request.user, measurement=measurement, **data
        ),
        done="The measurement is saved.",
    )


@evaluation_page
def measurement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = measurement_get_for_user(request.user, pk)
    indicator = measurement.indicator
    if request.method == "POST":
        services.measurement_delete(actor=request.user, measurement=measurement)
        messages.success(request, "The measurement is removed.")
        return redirect(indicator)
    context = {
        "measurement": measurement,
        "indicator": indicator,
        "trail": _indicator_trail(indicator),
    }
    return render(request, "evaluation/indicators/measurement_delete.html", context)
