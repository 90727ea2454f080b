"""Writes of indicators and measurements: officers and the zone's core team keep them.
Pages and the API call these alike."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from config.domain import DomainError
from evaluation.models import Direction, Indicator, Measurement
from evaluation.permissions import can_edit_indicators_of_zone
from evaluation.services import save_checked
from governance.models import User
from peoplezones.models import AmbitionStatement

REFUSED = "Only OPCC officers and the zone's core team change its indicators."


def _may_edit(actor: User, zone) -> None:
    if not can_edit_indicators_of_zone(actor, zone):
        raise PermissionDenied(REFUSED)


def _direction_holds(direction: str, baseline: Decimal, target: Decimal) -> None:
    if direction == Direction.HIGHER and target <= baseline:
        raise DomainError(
            "When higher is better, the target must be above the baseline.", field="target_value"
        )
    if direction == Direction.LOWER and target >= baseline:
        raise DomainError(
            "When lower is better, the target must be below the baseline.", field="target_value"
        )


@transaction.atomic
def indicator_save(
    *,
    actor: User,
    ambition_statement: AmbitionStatement,
    indicator: Indicator | None = None,
    name: str,
    domain: str,
    unit: str,
    direction: str,
    baseline_value: Decimal,
    baseline_on: datetime.date,
    target_value: Decimal,
    target_on: datetime.date,
    source: str,
    description: str = "",
) -> Indicator:
    """Add an indicator to an ambition statement, or change one."""
    _may_edit(actor, ambition_statement.zone)
    if indicator is not None and indicator.ambition_statement.zone_id != ambition_statement.zone_id:
        raise DomainError(
            "An indicator stays with its zone: choose a version of this zone's ambition statement.",
            field="ambition_statement",
        )
    if indicator is None and ambition_statement.status == AmbitionStatement.Status.SUPERSEDED:
        raise DomainError(
            "This version of the ambition statement is superseded: add indicators to the "
            "current version.",
            field="ambition_statement",
        )
    if target_on <= baseline_on:
        raise DomainError("The target date must be after the baseline date.", field="target_on")
    _direction_holds(direction, baseline_value, target_value)
    if indicator is not None:
        earliest = indicator.measurements.order_by("measured_on").first()
        if earliest is not None and earliest.measured_on < baseline_on:
            raise DomainError(
                f"There is a measurement from {earliest.measured_on:%-d %B %Y}, before this "
                "baseline date. Change or remove it first.",
                field="baseline_on",
            )
    indicator = indicator or Indicator(created_by=actor)
    indicator.ambition_statement = ambition_statement
    indicator.name, indicator.domain, indicator.unit = name, domain, unit
    indicator.direction, indicator.source, indicator.description = direction, source, description
    indicator.baseline_value, indicator.baseline_on = baseline_value, baseline_on
    indicator.target_value, indicator.target_on = target_value, target_on
    save_checked(indicator, actor)
    return indicator


def _reading_fits(indicator: Indicator, measured_on: datetime.date, exclude: int | None) -> None:
    if measured_on > timezone.localdate():
        raise DomainError("The date must be today or in the past.", field="measured_on")
    if measured_on < indicator.baseline_on:
        raise DomainError(
            f"The date must be on or after the baseline date, {indicator.baseline_on:%-d %B %Y}.",
            field="measured_on",
        )
    taken = indicator.measurements.filter(measured_on=measured_on).exclude(pk=exclude)
    if taken.exists():
        raise DomainError(
            "There is already a measurement on this date: change that one instead.",
            field="measured_on",
        )


@transaction.atomic
def measurement_record(
    *,
    actor: User,
    indicator: Indicator,
    value: Decimal,
    measured_on: datetime.date,
    source: str = "",
    note: str = "",
) -> Measurement:
    """Record a reading of an indicator."""
    _may_edit(actor, indicator.zone)
    _reading_fits(indicator, measured_on, None)
    measurement = Measurement(
        indicator=indicator,
        value=value,
        measured_on=measured_on,
        source=source,
        note=note,
        entered_by=actor,
    )
    save_checked(measurement, actor)
    return measurement


@transaction.atomic
def measurement_update(
    *,
    actor: User,
    measurement: Measurement,
    value: Decimal,
    measured_on: datetime.date,
    source: str = "",
    note: str = "",
) -> Measurement:
    """Correct a reading (its history keeps what it said before)."""
    _may_edit(actor, measurement.indicator.zone)
    _reading_fits(measurement.indicator, measured_on, measurement.pk)
    measurement.value, measurement.measured_on = value, measured_on
    measurement.source, measurement.note = source, note
    save_checked(measurement, actor)
    return measurement


@transaction.atomic
def measurement_delete(*, actor: User, measurement: Measurement) -> None:
    """Remove a reading entered by mistake (its history keeps it)."""
    _may_edit(actor, measurement.indicator.zone)
    measurement._history_user = actor
    measurement.delete()
