"""The evaluation API: indicators and measurements written by officers and the zone's core
team, summaries and realisation read, published packs and their PDF; in the schema."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from evaluation.models import Indicator, Measurement
from evaluation.services import packs as services
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    core_team_member,
    days,
    draft_pack,
    pack_world,
)


@pytest.fixture
def api(world):
    def as_user(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return as_user


def indicator_data(statement, **overrides) -> dict:
    data = {
        "ambition_statement": statement.pk,
        "name": "Active volunteers",
        "domain": "skills",
        "unit": "people",
        "direction": "higher",
        "baseline_value": "18",
        "baseline_on": days(-100).isoformat(),
        "target_value": "40",
        "target_on": days(900).isoformat(),
        "source": "Volunteer register",
    }
    data.update(overrides)
    return data


def test_the_core_team_adds_an_indicator_and_a_measurement(world, api):
    statement = approved_statement(world.zones.a)
    client = api(core_team_member(world.zones.a))
    response = client.post("/api/v1/indicators/", indicator_data(statement), format="json")
    assert response.status_code == 201, response.data
    assert response.data["zone"] == "zone-a"
    assert response.data["progress"]["rag"] == "none"
    indicator = response.data["id"]
    response = client.post(
        "/api/v1/measurements/",
        {"indicator": indicator, "value": "29", "measured_on": days(-1).isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.data
    detail = client.get(f"/api/v1/indicators/{indicator}/").data
    assert detail["progress"]["percent"] == 50  # (29 − 18) ÷ (40 − 18)
    assert detail["progress"]["latest_value"] == "29.00"


def test_a_refused_change_answers_400_naming_the_field(world, api):
    statement = approved_statement(world.zones.a)
    client = api(world.people.officer)
    response = client.post(
        "/api/v1/indicators/", indicator_data(statement, target_value="10"), format="json"
    )
    assert response.status_code == 400
    assert response.data == {
        "target_value": ["When higher is better, the target must be above the baseline."]
    }
    indicator = IndicatorFactory(ambition_statement=statement)
    response = client.post(
        "/api/v1/measurements/",
        {"indicator": indicator.pk, "value": "1", "measured_on": days(5).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert response.data == {"measured_on": ["The date must be today or in the past."]}


def test_readers_may_not_write_through_the_api(world, api):
    statement = approved_statement(world.zones.a)
    indicator = IndicatorFactory(ambition_statement=statement)
    for role in ("board", "panel_a"):
        client = api(getattr(world.people, role))
        assert client.get(f"/api/v1/indicators/{indicator.pk}/").status_code == 200
        response = client.patch(
            f"/api/v1/indicators/{indicator.pk}/", {"name": "Changed"}, format="json"
        )
        assert response.status_code == 403
    assert Indicator.objects.get().name == indicator.name


def test_another_zones_indicators_are_not_found_and_partners_are_refused(world, api):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    MeasurementFactory(indicator=indicator)
    panel_b = api(world.people.panel_b)
    assert panel_b.get(f"/api/v1/indicators/{indicator.pk}/").status_code == 404
    assert panel_b.get("/api/v1/indicators/").data["count"] == 0
    assert panel_b.get("/api/v1/measurements/").data["count"] == 0
    response = panel_b.post(
        "/api/v1/measurements/",
        {"indicator": indicator.pk, "value": "1", "measured_on": days(-3).isoformat()},
        format="json",
    )
    assert response.status_code == 400  # no such indicator, as far as they can tell
    assert api(world.people.partner_x).get("/api/v1/indicators/").status_code == 403


def test_measurements_are_corrected_and_removed(world, api):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    )
    client = api(world.people.officer)
    response = client.patch(
        f"/api/v1/measurements/{measurement.pk}/", {"value": "58"}, format="json"
    )
    assert response.status_code == 200, response.data
    assert response.data["value"] == "58.00"
    assert client.delete(f"/api/v1/measurements/{measurement.pk}/").status_code == 204
    assert not Measurement.objects.exists()


def test_the_activity_summary_counts_for_the_zones_a_person_reads(world, api):
    ActivityFactory(
        zone=world.zones.a,
        occurred_on=days(-3),
        participants=12,
        volunteer_hours=Decimal("6.5"),
        domains=["safety", "skills"],
    )
    ActivityFactory(zone=world.zones.b, occurred_on=days(-3), participants=5)
    data = api(world.people.panel_a).get("/api/v1/activity-summary/").data
    assert data["zones"] == ["zone-a"]
    assert data["totals"] == {
        "activities": 1,
        "participants": 12,
        "volunteer_hours": "6.5",
        "in_kind_value": "0.00",
    }
    domains = {row["key"]: row["totals"]["activities"] for row in data["by_domain"]}
    assert domains == {"skills": 1, "resources": 0, "health": 0, "safety": 1}
    board = api(world.people.board)
    assert board.get("/api/v1/activity-summary/").data["totals"]["activities"] == 2
    one = board.get(f"/api/v1/activity-summary/?csp={world.bodies.csp_b.pk}").data
    assert one["zones"] == ["zone-b"]
    bad = board.get("/api/v1/activity-summary/?start=2026-05-01&end=2026-01-01")
    assert bad.status_code == 400
    assert api(world.people.panel_b).get("/api/v1/activity-summary/?zone=zone-a").status_code == 404


def test_realisation_is_read_per_zone(world, api):
    indicator = IndicatorFactory(ambition_statement=approved_statement(world.zones.a))
    MeasurementFactory(indicator=indicator, value=Decimal(50))
    data = api(world.people.officer).get("/api/v1/realisation/").data
    zone_a = next(row for row in data if row["zone"] == "zone-a")
    assert zone_a["realisation_percent"] == 50
    assert zone_a["indicators"][0]["rag"] == "green"


def test_board_members_read_published_packs_and_their_pdf(world, api):
    pack_world(world)
    draft = draft_pack(world, title="Still a draft")
    published = services.board_pack_publish(actor=world.people.officer, pack=draft_pack(world))
    client = api(world.people.board)
    listing = client.get("/api/v1/board-packs/").data
    assert [row["id"] for row in listing["results"]] == [published.pk]
    assert listing["results"][0]["content_hash"] == published.content_hash
    assert client.get(f"/api/v1/board-packs/{draft.pk}/").status_code == 404
    pdf = client.get(f"/api/v1/board-packs/{published.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join([pdf.content]) == bytes(published.pdf)
    assert api(world.people.panel_a).get("/api/v1/board-packs/").status_code == 403


def test_the_evaluation_endpoints_are_in_the_openapi_schema(client, db):
    schema = client.get("/api/schema/?format=json").json()
    for path in (
        "/api/v1/indicators/",
        "/api/v1/indicators/{id}/",
        "/api/v1/measurements/",
        "/api/v1/measurements/{id}/",
        "/api/v1/activity-summary/",
        "/api/v1/realisation/",
        "/api/v1/board-packs/",
        "/api/v1/board-packs/{id}/pdf/",
    ):
        assert path in schema["paths"], path
    pdf = schema["paths"]["/api/v1/board-packs/{id}/pdf/"]["get"]["responses"]["200"]
    assert "application/pdf" in pdf["content"]
    summary = schema["paths"]["/api/v1/activity-summary/"]["get"]
    assert {p["name"] for p in summary["parameters"]} >= {"zone", "csp", "start", "end"}
