"""The review events API: governance viewers read events with their allocations; officers
create and move events and record allocations, spend and in kind, through the services."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from governance.models import ReviewEvent
from tests.factories_reviews import (
    AllocationFactory,
    HeldReviewEventFactory,
    InKindFactory,
    ReviewEventFactory,
    SpendFactory,
)


def current_date():
    """Today, read when asked: a run that passes midnight must not compare with yesterday."""
    return timezone.localdate()


@pytest.fixture
def api(world):
    client = APIClient()

    def as_role(role):
        client.force_authenticate(getattr(world.people, role))
        return client

    return as_role


def test_viewers_read_events_with_allocations_and_totals(api, world):
    event = HeldReviewEventFactory()
    allocation = AllocationFactory(event=event, amount=Decimal("500.00"))
    SpendFactory(allocation=allocation, amount=Decimal("600.00"))
    InKindFactory(event=event, hours=Decimal("3"), estimated_value=Decimal("90.00"))
    data = api("body_member").get(f"/api/v1/review-events/{event.pk}/").json()
    assert data["status"] == "held"
    assert data["budget"] == {
        "allocated": "500.00",
        "spent": "600.00",
        "remaining": "-100.00",
        "in_kind_hours": "3.0",
        "in_kind_value": "90.00",
    }
    (row,) = data["allocations"]
    assert row["is_overspent"] is True and row["remaining"] == "-100.00"
    assert [s["amount"] for s in row["spends"]] == ["600.00"]
    assert api("board").get("/api/v1/review-events/").json()["count"] == 1


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_panel_members_and_partners_are_refused(api, role):
    assert api(role).get("/api/v1/review-events/").status_code == 403


def test_list_queries_do_not_grow(api, world, django_assert_max_num_queries):
    client = api("officer")
    for _ in range(3):
        event = HeldReviewEventFactory()
        SpendFactory(allocation=AllocationFactory(event=event))
        InKindFactory(event=event)
    with django_assert_max_num_queries(12) as few:
        client.get("/api/v1/review-events/")
    for _ in range(3):
        event = HeldReviewEventFactory()
        SpendFactory(allocation=AllocationFactory(event=event))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/api/v1/review-events/")


def test_officer_creates_moves_and_funds_an_event(api, world):
    client = api("officer")
    day = current_date() + datetime.timedelta(days=90)
    response = client.post(
        "/api/v1/review-events/", {"title": "API review", "date": day.isoformat()}, format="json"
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    assert response.json()["period"] == f"{day:%Y-%m}"
    again = client.post("/api/v1/review-events/", {"title": "Twice", "date": day.isoformat()})
    assert again.status_code == 400 and "already a review event" in again.json()["date"][0]
    held = client.post(f"/api/v1/review-events/{pk}/status/", {"status": "held"})
    assert held.status_code == 400 and "cannot become held" in held.json()["detail"][0]
    added = client.post(
        f"/api/v1/review-events/{pk}/allocations/",
        {
            "body": world.bodies.csp_a.pk,
            "amount": "750.00",
            "purpose": "Patrols",
            "funding_source": "community_safety_fund",
        },
        format="json",
    )
    assert added.status_code == 201 and added.json()["spent"] == "0.00"
    refused = client.post(
        f"/api/v1/review-allocations/{added.json()['id']}/spend/",
        {"date": current_date().isoformat(), "amount": "10.00", "description": "Too early"},
    )
    assert refused.status_code == 400 and "held review event" in refused.json()["detail"][0]
    kind = client.post(
        f"/api/v1/review-events/{pk}/in-kind/",
        {"organisation": world.organisations.x.pk, "description": "Room", "hours": "4"},
    )
    assert kind.status_code == 201
    moved = client.patch(f"/api/v1/review-events/{pk}/", {"venue": "Online"}, format="json")
    assert moved.json()["venue"] == "Online"
    cancelled = client.post(
        f"/api/v1/review-events/{pk}/status/", {"status": "cancelled", "reason": "Clash"}
    )
    assert cancelled.json()["status"] == "cancelled"


def test_officer_records_spend_against_a_held_event(api, world):
    allocation = AllocationFactory()
    response = api("officer").post(
        f"/api/v1/review-allocations/{allocation.pk}/spend/",
        {"date": current_date().isoformat(), "amount": "25.50", "description": "Leaflets"},
    )
    assert response.status_code == 201 and response.json()["amount"] == "25.50"


@pytest.mark.parametrize("role", ["board", "body_member"])
def test_members_cannot_write(api, role, world):
    event = ReviewEventFactory()
    client = api(role)
    assert client.post("/api/v1/review-events/", {"title": "x"}).status_code == 403
    assert client.post(f"/api/v1/review-events/{event.pk}/status/", {}).status_code == 403
    assert client.patch(f"/api/v1/review-events/{event.pk}/", {"venue": "x"}).status_code == 403
    assert ReviewEvent.objects.get(pk=event.pk).venue != "x"


def test_the_schema_describes_the_review_api(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/review-events/{id}/allocations/" in schema["paths"]
    assert "/api/v1/review-allocations/{id}/spend/" in schema["paths"]
