"""Reads of indicators and measurements: the latest reading of each indicator comes from a
subquery, so a list costs the same whether an indicator has two measurements or two
hundred."""

import datetime
from dataclasses import dataclass

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from evaluation.models import Indicator, Measurement
from evaluation.permissions import zone_evaluation_or_refuse
from evaluation.progress import Progress, indicator_progress
from peoplezones.models import AmbitionStatement, ResilienceDomain, Zone

VALUE = DecimalField(max_digits=12, decimal_places=2)
Status = AmbitionStatement.Status


def current_statements(zones) -> dict[int, AmbitionStatement]:
    """Each zone's current ambition statement (one query): the approved version, else the
    version being drafted or consulted on. Zones with neither are left out."""
    current: dict[int, AmbitionStatement] = {}
    statements = (
        AmbitionStatement.objects.filter(zone__in=list(zones))
        .exclude(status=Status.SUPERSEDED)
        .select_related("zone")
        .order_by("zone", "-version")
    )
    for statement in statements:
        held = current.get(statement.zone_id)
        if held is None or (statement.status == Status.APPROVED and held.status != Status.APPROVED):
            current[statement.zone_id] = statement
    return current


def with_latest(
    indicators: QuerySet[Indicator], *, on: datetime.date | None = None, name: str = "latest"
):
    """Annotate `<name>_value` and `<name>_on`: the newest measurement on or before `on`."""
    readings = Measurement.objects.filter(indicator=OuterRef("pk"))
    if on is not None:
        readings = readings.filter(measured_on__lte=on)
    readings = readings.order_by("-measured_on", "-pk")
    return indicators.annotate(
        **{
            f"{name}_value": Subquery(readings.values("value")[:1], output_field=VALUE),
            f"{name}_on": Subquery(readings.values("measured_on")[:1]),
        }
    )


@dataclass
class IndicatorRow:
    indicator: Indicator
    progress: Progress


def progress_of(indicator: Indicator, today: datetime.date, name: str = "latest") -> Progress:
    """Progress of an indicator annotated by `with_latest` (under `name`)."""
    return indicator_progress(
        baseline=indicator.baseline_value,
        target=indicator.target_value,
        baseline_on=indicator.baseline_on,
        target_on=indicator.target_on,
        latest=getattr(indicator, f"{name}_value"),
        latest_on=getattr(indicator, f"{name}_on"),
        today=today,
    )


DOMAIN_ORDER = {value: n for n, value in enumerate(ResilienceDomain.values)}


def in_domain_order(indicators) -> list[Indicator]:
    """Indicators in the seed's order of the domains, then by name."""
    return sorted(indicators, key=lambda i: (DOMAIN_ORDER[i.domain], i.name, i.pk))


def indicator_rows(indicators, today: datetime.date) -> list[IndicatorRow]:
    """Each indicator (annotated by `with_latest`) with its progress, in domain order."""
    return [
        IndicatorRow(indicator, progress_of(indicator, today))
        for indicator in in_domain_order(indicators)
    ]


@dataclass
class StatementIndicators:
    statement: AmbitionStatement
    is_current: bool
    rows: list[IndicatorRow]


def zone_indicators(zone: Zone, *, today: datetime.date | None = None) -> list[StatementIndicators]:
    """The zone's ambition statement versions that have indicators (and the current one,
    even without), newest first, each with its indicators' progress (two queries)."""
    today = today or timezone.localdate()
    statements = list(zone.ambition_statements.order_by("-version"))
    current = current_statements([zone]).get(zone.pk) if statements else None
    current = next((s for s in statements if current and s.pk == current.pk), None)
    indicators = with_latest(Indicator.objects.filter(ambition_statement__zone=zone))
    by_statement: dict[int, list] = {}
    for indicator in indicators:
        by_statement.setdefault(indicator.ambition_statement_id, []).append(indicator)
    return [
        StatementIndicators(s, s is current, indicator_rows(by_statement.get(s.pk, []), today))
        for s in statements
        if s is current or s.pk in by_statement
    ]


def indicator_get_for_user(user, pk: int, *, write: bool = False) -> Indicator:
    """The indicator if this person may read its zone's evaluation (else 404, or 403 for
    people without evaluation); with `write`, only its editors (else 403)."""
    indicator = (
        with_latest(Indicator.objects.filter(pk=pk))
        .select_related("ambition_statement__zone", "created_by")
        .first()
    )
    zone_evaluation_or_refuse(user, indicator.zone if indicator else None, write=write)
    return indicator


def measurement_get_for_user(user, pk: int) -> Measurement:
    """A measurement its editors may change or remove (404/403 as for indicators)."""
    measurement = (
        Measurement.objects.select_related("indicator__ambition_statement__zone")
        .filter(pk=pk)
        .first()
    )
    if measurement is None:
        zone_evaluation_or_refuse(user, None)
        raise Http404
    zone_evaluation_or_refuse(user, measurement.indicator.zone, write=True)
    return measurement


def indicator_measurements(indicator: Indicator) -> list[Measurement]:
    """The indicator's measurements, oldest first, with who entered them (one query)."""
    return list(indicator.measurements.select_related("entered_by").order_by("measured_on", "pk"))


def indicators_in(zone_ids: frozenset[int] | None) -> QuerySet[Indicator]:
    """Indicators of the zones in `zone_ids` (None: every zone), for lists and the API."""
    indicators = Indicator.objects.select_related("ambition_statement__zone")
    if zone_ids is not None:
        indicators = indicators.filter(ambition_statement__zone_id__in=zone_ids)
    return indicators


@dataclass
class ThenAndNow:
    indicator: Indicator
    now: Progress
    then: Progress


def indicators_then_and_now(
    statement: AmbitionStatement | None, *, now: datetime.date, then: datetime.date
) -> list[ThenAndNow]:
    """The statement's indicators as they stood on `then` and stand on `now` (one query)."""
    if statement is None:
        return []
    indicators = Indicator.objects.filter(ambition_statement=statement).order_by("name", "pk")
    indicators = with_latest(with_latest(indicators, on=now), on=then, name="then")
    return [
        ThenAndNow(i, progress_of(i, now), progress_of(i, then, name="then")) for i in indicators
    ]
