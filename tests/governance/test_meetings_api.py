"""The API of bodies, meetings and actions: the same rules as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from governance.models import Body, Meeting, User
from tests.factories import MembershipFactory, UserFactory
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
)


@pytest.fixture
def api():
    return APIClient()


def as_(api, world, role):
    api.force_authenticate(getattr(world.people, role))
    return api


def test_bodies_list_with_level_and_parent_and_filters(api, world):
    client = as_(api, world, "body_member")
    rows = client.get("/api/v1/bodies/").json()["results"]
    jag_a = next(row for row in rows if row["slug"] == "jag-a")
    assert jag_a == {
        "id": world.bodies.jag_a.pk,
        "name": "JAG A",
        "slug": "jag-a",
        "level": Body.Level.JAG,
        "level_label": "Joint Action Group",
        "parent": world.bodies.csp_a.pk,
        "area": "Test area",
        "is_active": True,
    }
    jags = client.get("/api/v1/bodies/", {"level": 1}).json()["results"]
    assert {row["slug"] for row in jags} == {"jag-a", "jag-b"}
    under = client.get("/api/v1/bodies/", {"parent": world.bodies.sog.pk}).json()["results"]
    assert {row["slug"] for row in under} == {"csp-a", "csp-b"}


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_people_without_a_seat_cannot_read_governance(api, world, role):
    client = as_(api, world, role)
    assert client.get("/api/v1/bodies/").status_code == 403
    assert client.get("/api/v1/meetings/").status_code == 403


def test_confidential_agenda_items_are_left_out_for_other_bodies(api, world):
    meeting = MeetingFactory(body=world.bodies.jag_b)
    AgendaItemFactory(meeting=meeting, title="Open item")
    AgendaItemFactory(meeting=meeting, title="Secret item", is_confidential=True)
    seen = as_(api, world, "body_member").get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert [item["title"] for item in seen["agenda_items"]] == ["Open item"]
    seen = as_(api, world, "board").get("/api/v1/meetings/").json()["results"][0]
    assert [item["title"] for item in seen["agenda_items"]] == ["Open item", "Secret item"]


def test_the_chair_schedules_and_moves_a_meeting(api, world):
    client = as_(api, world, "body_member")
    starts = timezone.now() + timedelta(days=9)
    response = client.post(
        "/api/v1/meetings/",
        {
            "body": world.bodies.jag_a.pk,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "online_url": "https://meet.example.org/a",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "scheduled"
    assert any(item["source_key"] == "standing:aob" for item in data["agenda_items"])
    response = client.patch(
        f"/api/v1/meetings/{data['id']}/", {"location": "Library"}, format="json"
    )
    assert response.status_code == 200 and response.json()["location"] == "Library"


def test_scheduling_for_a_body_one_does_not_manage_is_forbidden(api, world):
    starts = timezone.now() + timedelta(days=9)
    response = as_(api, world, "board").post(
        "/api/v1/meetings/",
        {
            "body": world.bodies.jag_a.pk,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "location": "Hall",
        },
        format="json",
    )
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_refused_change_answers_400_naming_the_problem(api, world):
    client = as_(api, world, "officer")
    meeting = MeetingFactory(body=world.bodies.jag_a)
    response = client.post(f"/api/v1/meetings/{meeting.pk}/status/", {"status": "held"})
    assert response.status_code == 400
    assert "before it starts" in response.json()["status"][0]
    response = client.post(f"/api/v1/meetings/{meeting.pk}/status/", {"status": "cancelled"})
    assert response.json() == {"reason": ["Say why the meeting is cancelled."]}
    response = client.patch(
        f"/api/v1/meetings/{meeting.pk}/", {"body": world.bodies.jag_b.pk}, format="json"
    )
    assert response.status_code == 400 and "another body" in response.json()["body"][0]
    meeting.refresh_from_db()
    assert meeting.is_scheduled and meeting.body == world.bodies.jag_a
    response = client.post(
        f"/api/v1/meetings/{meeting.pk}/status/", {"status": "cancelled", "reason": "Snow"}
    )
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    held = HeldMeetingFactory(body=world.bodies.jag_a)
    response = client.patch(f"/api/v1/meetings/{held.pk}/", {"location": "X"}, format="json")
    assert response.status_code == 400 and "cannot be changed" in response.json()["detail"][0]


def test_actions_are_read_and_updated_by_their_owner(api, world):
    owner = UserFactory()
    MembershipFactory(body=world.bodies.jag_b, user=owner)
    action = ActionFactory(meeting__body=world.bodies.jag_a, owner_person=owner)
    client = as_(api, world, "board")
    assert client.get(f"/api/v1/actions/{action.pk}/").json()["status"] == "open"
    response = client.patch(f"/api/v1/actions/{action.pk}/", {"status": "done"}, format="json")
    assert response.status_code == 403
    api.force_authenticate(owner)
    response = api.patch(
        f"/api/v1/actions/{action.pk}/", {"status": "done", "progress": "Fixed"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "done" and response.json()["completed_at"]
    response = api.patch(f"/api/v1/actions/{action.pk}/", {"status": "in_progress"}, format="json")
    assert response.status_code == 400 and "reopen it first" in response.json()["status"][0]


def test_confidential_actions_are_left_out_and_overdue_ones_can_be_filtered(api, world):
    late = timezone.localdate() - timedelta(days=2)
    ActionFactory(meeting__body=world.bodies.jag_b, description="Secret", is_confidential=True)
    ActionFactory(meeting__body=world.bodies.jag_b, description="Late", due_date=late)
    ActionFactory(meeting__body=world.bodies.jag_a, description="On time")
    client = as_(api, world, "body_member")
    seen = {a["description"] for a in client.get("/api/v1/actions/").json()["results"]}
    assert seen == {"Late", "On time"}
    overdue = client.get("/api/v1/actions/", {"overdue": "true"}).json()["results"]
    assert [a["description"] for a in overdue] == ["Late"]
    seen = {
        a["description"]
        for a in as_(api, world, "officer").get("/api/v1/actions/").json()["results"]
    }
    assert "Secret" in seen


def test_an_owner_without_a_seat_sees_only_their_own_actions(api, world):
    ActionFactory(meeting__body=world.bodies.jag_a, owner_person=world.people.partner_x)
    ActionFactory(meeting__body=world.bodies.jag_a)
    rows = as_(api, world, "partner_x").get("/api/v1/actions/").json()["results"]
    assert len(rows) == 1


def test_the_schema_describes_bodies_meetings_and_actions(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/bodies/",
        "/api/v1/meetings/",
        "/api/v1/meetings/{id}/status/",
        "/api/v1/actions/{id}/",
    } <= paths
    assert "MeetingStatusEnum" in schema["components"]["schemas"]


# Memberships and panel seats (2), a count and a page; meetings also read their agenda.
API_PINNED = {"/api/v1/meetings/": 5, "/api/v1/actions/": 4, "/api/v1/bodies/": 4}


@pytest.mark.parametrize("path", API_PINNED)
def test_api_lists_keep_their_query_count(path, api, world, django_assert_num_queries):
    def get():
        # A fresh user object each time: roles are read once per request, as in real use.
        api.force_authenticate(User.objects.get(pk=world.people.body_member.pk))
        with django_assert_num_queries(API_PINNED[path]):
            assert api.get(path).status_code == 200

    MeetingFactory(body=world.bodies.jag_a)
    ActionFactory(meeting__body=world.bodies.jag_a)
    get()
    for _ in range(3):
        meeting = MeetingFactory(body=world.bodies.jag_b)
        AgendaItemFactory.create_batch(2, meeting=meeting)
        ActionFactory(meeting=meeting, status="open")
    get()
