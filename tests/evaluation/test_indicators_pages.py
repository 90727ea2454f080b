"""Adding and changing indicators and measurements through the pages: the happy path, the
errors summarised at the top and beside the field, and who may."""

from decimal import Decimal

import pytest

from evaluation.models import Indicator, Measurement
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    core_team_member,
    days,
)


def date_fields(name: str, day) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def indicator_post(statement, **overrides) -> dict:
    data = {
        "ambition_statement": str(statement.pk),
        "name": "Residents feeling safe after dark",
        "domain": "safety",
        "unit": "%",
        "direction": "higher",
        "baseline_value": "48",
        "target_value": "65",
        "source": "Residents' survey",
        **date_fields("baseline_on", days(-60)),
        **date_fields("target_on", days(700)),
    }
    data.update(overrides)
    return data


def test_an_officer_adds_an_indicator_to_the_current_statement(world, client_as):
    statement = approved_statement(world.zones.a)
    client = client_as("officer")
    form = client.get("/evaluation/zones/zone-a/indicators/new/").content.decode()
    assert f'<option value="{statement.pk}" selected>' in form
    response = client.post("/evaluation/zones/zone-a/indicators/new/", indicator_post(statement))
    indicator = Indicator.objects.get()
    assert response.status_code == 302 and response["Location"] == indicator.get_absolute_url()
    assert indicator.baseline_value == Decimal(48)
    assert indicator.created_by == world.people.officer


def test_a_target_the_wrong_way_is_shown_at_the_top_and_by_the_field(world, client_as):
    statement = approved_statement(world.zones.a)
    response = client_as("officer").post(
        "/evaluation/zones/zone-a/indicators/new/",
        indicator_post(statement, target_value="40"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert page.count("When higher is better, the target must be above the baseline.") == 2
    assert not Indicator.objects.exists()


def test_an_empty_form_says_what_to_enter(world, client_as):
    approved_statement(world.zones.a)
    page = client_as("officer").post("/evaluation/zones/zone-a/indicators/new/", {}).content
    page = page.decode()
    for message in (
        "Enter the name of the indicator",
        "Choose the resilience domain",
        "Enter the baseline",
        "Enter where the figures come from",
    ):
        assert message in page


def test_the_core_team_records_a_measurement(world, client):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    client.force_login(core_team_member(world.zones.a))
    response = client.post(
        f"/evaluation/indicators/{indicator.pk}/measurements/new/",
        {"value": "52.5", **date_fields("measured_on", days(-1)), "note": "Spring survey"},
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.note) == (Decimal("52.5"), "Spring survey")
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert "The measurement is recorded." in page
    assert "63 % of the way" in page  # (52.5 − 40) ÷ (60 − 40) = 62.5 %, rounded half up


def test_a_second_measurement_on_the_same_date_is_refused_beside_the_date(world, client_as):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    MeasurementFactory(indicator=indicator, measured_on=days(-1))
    response = client_as("officer").post(
        f"/evaluation/indicators/{indicator.pk}/measurements/new/",
        {"value": "50", **date_fields("measured_on", days(-1))},
    )
    page = response.content.decode()
    assert page.count("There is already a measurement on this date") == 2
    assert Measurement.objects.count() == 1


def test_a_measurement_is_corrected_and_removed(world, client_as):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    )
    client = client_as("officer")
    client.post(
        f"/evaluation/measurements/{measurement.pk}/edit/",
        {"value": "55", **date_fields("measured_on", measurement.measured_on)},
    )
    measurement.refresh_from_db()
    assert measurement.value == Decimal(55)
    confirm = client.get(f"/evaluation/measurements/{measurement.pk}/delete/").content.decode()
    assert "Remove the measurement of" in confirm
    client.post(f"/evaluation/measurements/{measurement.pk}/delete/")
    assert not Measurement.objects.exists()


def test_an_indicator_is_changed(world, client_as):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    client = client_as("officer")
    form = client.get(f"/evaluation/indicators/{indicator.pk}/edit/").content.decode()
    assert f'value="{indicator.name}"' in form
    client.post(
        f"/evaluation/indicators/{indicator.pk}/edit/",
        indicator_post(indicator.ambition_statement, name="Feeling safe at night"),
    )
    indicator.refresh_from_db()
    assert indicator.name == "Feeling safe at night"


@pytest.mark.parametrize("role", ["board", "panel_a"])
def test_readers_may_not_write(world, client_as, role):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    client = client_as(role)
    assert client.get(indicator.get_absolute_url()).status_code == 200
    response = client.post(
        f"/evaluation/indicators/{indicator.pk}/measurements/new/",
        {"value": "50", **date_fields("measured_on", days(-1))},
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()
