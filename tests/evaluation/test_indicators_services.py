"""Writing indicators and measurements: who may, and what the rules refuse (with the
reason, changing nothing)."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from config.domain import DomainError
from evaluation.models import Indicator, Measurement
from evaluation.services.indicators import (
    indicator_save,
    measurement_delete,
    measurement_record,
    measurement_update,
)
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    core_team_member,
    days,
)

D = Decimal


def definition(statement, **overrides) -> dict:
    values = {
        "ambition_statement": statement,
        "name": "Residents feeling safe after dark",
        "domain": "safety",
        "unit": "%",
        "direction": "higher",
        "baseline_value": D(48),
        "baseline_on": days(-100),
        "target_value": D(65),
        "target_on": days(600),
        "source": "Residents' survey",
    }
    values.update(overrides)
    return values


def test_an_officer_adds_an_indicator(world):
    statement = approved_statement(world.zones.a)
    indicator = indicator_save(actor=world.people.officer, **definition(statement))
    assert indicator.zone == world.zones.a
    assert indicator.created_by == world.people.officer
    assert indicator.history.latest().history_user == world.people.officer


def test_the_zones_core_team_adds_indicators_and_measurements(world):
    core = core_team_member(world.zones.a)
    indicator = indicator_save(actor=core, **definition(approved_statement(world.zones.a)))
    measurement = measurement_record(
        actor=core, indicator=indicator, value=D(50), measured_on=days(-1)
    )
    assert measurement.entered_by == core


@pytest.mark.parametrize("role", ["board", "panel_a", "panel_b", "partner_x", "body_member"])
def test_others_may_not_write_indicators(world, role):
    with pytest.raises(PermissionDenied):
        indicator_save(
            actor=getattr(world.people, role), **definition(approved_statement(world.zones.a))
        )
    assert not Indicator.objects.exists()


def test_another_zones_core_team_may_not_write(world):
    core_b = core_team_member(world.zones.b, username="core-b")
    with pytest.raises(PermissionDenied):
        indicator_save(actor=core_b, **definition(approved_statement(world.zones.a)))


def test_a_closed_zones_core_team_may_no_longer_write(world):
    core = core_team_member(world.zones.a)
    statement = approved_statement(world.zones.a)
    world.zones.a.status = "closed"
    world.zones.a.save()
    with pytest.raises(PermissionDenied):
        indicator_save(actor=core, **definition(statement))
    indicator_save(actor=world.people.officer, **definition(statement))  # officers still may


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target_value": D(40)}, "target_value", "target must be above the baseline"),
        (
            {"direction": "lower", "target_value": D(50)},
            "target_value",
            "target must be below the baseline",
        ),
        ({"target_on": days(-100)}, "target_on", "after the baseline date"),
    ],
)
def test_a_target_the_wrong_way_or_too_early_is_refused(world, overrides, field, message):
    statement = approved_statement(world.zones.a)
    with pytest.raises(DomainError) as refused:
        indicator_save(actor=world.people.officer, **definition(statement, **overrides))
    assert refused.value.field == field and message in refused.value.message
    assert not Indicator.objects.exists()


def test_the_same_name_twice_on_one_statement_is_refused(world):
    statement = approved_statement(world.zones.a)
    indicator_save(actor=world.people.officer, **definition(statement))
    with pytest.raises(DomainError, match="already has an indicator with this name"):
        indicator_save(actor=world.people.officer, **definition(statement))


def test_a_superseded_version_takes_no_new_indicators(world):
    statement = approved_statement(world.zones.a)
    statement.status = "superseded"
    statement.superseded_on = days(-1)
    statement.save()
    with pytest.raises(DomainError, match="superseded"):
        indicator_save(actor=world.people.officer, **definition(statement))


def test_moving_the_baseline_after_a_measurement_is_refused(world):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    MeasurementFactory(indicator=indicator, measured_on=days(-300))
    with pytest.raises(DomainError, match="before this baseline date") as refused:
        indicator_save(
            actor=world.people.officer,
            indicator=indicator,
            **definition(indicator.ambition_statement, baseline_on=days(-200)),
        )
    assert refused.value.field == "baseline_on"
    indicator.refresh_from_db()
    assert indicator.baseline_on == days(-365)


@pytest.mark.parametrize(
    ("measured_on", "message"),
    [(days(1), "today or in the past"), (days(-400), "on or after the baseline date")],
)
def test_a_measurement_in_the_future_or_before_the_baseline_is_refused(world, measured_on, message):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    with pytest.raises(DomainError, match=message):
        measurement_record(
            actor=world.people.officer, indicator=indicator, value=D(1), measured_on=measured_on
        )
    assert not Measurement.objects.exists()


def test_one_measurement_a_day_per_indicator(world):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    first = MeasurementFactory(indicator=indicator, measured_on=days(-2))
    with pytest.raises(DomainError, match="already a measurement on this date"):
        measurement_record(
            actor=world.people.officer, indicator=indicator, value=D(1), measured_on=days(-2)
        )
    # Correcting that same measurement keeps its date.
    measurement_update(
        actor=world.people.officer, measurement=first, value=D(52), measured_on=days(-2)
    )
    first.refresh_from_db()
    assert first.value == D(52)
    assert first.history.count() == 2


def test_a_measurement_entered_by_mistake_is_removed_and_its_history_kept(world):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    )
    measurement_delete(actor=world.people.officer, measurement=measurement)
    assert not Measurement.objects.exists()
    assert Measurement.history.filter(history_type="-").get().history_user == world.people.officer


def test_an_indicator_stays_with_its_zone(world):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.b))
    core_a = core_team_member(world.zones.a)
    # Someone who may write zone A's indicators cannot pull zone B's across.
    with pytest.raises(DomainError, match="stays with its zone") as refused:
        indicator_save(
            actor=core_a,
            indicator=indicator,
            **definition(approved_statement(world.zones.a)),
        )
    assert refused.value.field == "ambition_statement"
    indicator.refresh_from_db()
    assert indicator.zone == world.zones.b
