"""The priorities API: setting and routing, the assignments, and acknowledge and report as
POST actions of an assignment, with the same rules as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from governance.models import Priority, PriorityAssignment
from governance.services.priorities import priority_set
from tests.factories import MembershipFactory, UserFactory

TODAY = timezone.localdate


@pytest.fixture
def api():
    return APIClient()


def as_(api, person):
    api.force_authenticate(person)
    return api


def payload(world, **extra):
    return {
        "setting_body": world.bodies.spb.pk,
        "title": "Rural crime",
        "description": "Farm machinery theft.",
        "rationale": "Rising reports.",
        "theme": "rural",
        "period_start": TODAY().isoformat(),
        "period_end": (TODAY() + timedelta(days=180)).isoformat(),
        "acknowledge_by": (TODAY() + timedelta(days=21)).isoformat(),
        **extra,
    }


@pytest.fixture
def priority(world):
    return priority_set(
        actor=world.people.officer,
        setting_body=world.bodies.spb,
        title="Reduce serious violence",
        description="d",
        rationale="r",
        period_start=TODAY(),
        period_end=TODAY() + timedelta(days=90),
        acknowledge_by=TODAY() + timedelta(days=7),
    )


def test_an_officer_sets_a_priority_routed_to_every_body_below(api, world):
    response = as_(api, world.people.officer).post(
        "/api/v1/priorities/", payload(world), format="json"
    )
    assert response.status_code == 201
    data = response.json()
    assert (data["assigned"], data["acknowledged"], data["theme_label"]) == (5, 0, "Rural crime")
    assert data["setting_body"]["slug"] == "test-spb"


def test_a_priority_can_be_routed_to_chosen_bodies(api, world):
    b = world.bodies
    data = payload(world, route_to=[b.csp_a.pk, b.jag_a.pk])
    response = as_(api, world.people.board).post("/api/v1/priorities/", data, format="json")
    assert response.status_code == 201 and response.json()["assigned"] == 2


@pytest.mark.parametrize(
    ("who", "extra", "field", "message"),
    [
        ("body_member", {}, "setting_body", "Only OPCC officers and members of Test SPB"),
        ("officer", {"setting_body": "csp_a"}, "setting_body", "Priorities are set at"),
        ("officer", {"route_to": ["spb"]}, "route_to", "only be routed to active bodies below"),
    ],
)
def test_refused_priorities_answer_400_naming_the_field(api, world, who, extra, field, message):
    extra = {
        key: (
            [getattr(world.bodies, v).pk for v in value]
            if isinstance(value, list)
            else getattr(world.bodies, value).pk
        )
        for key, value in extra.items()
    }
    response = as_(api, getattr(world.people, who)).post(
        "/api/v1/priorities/", payload(world, **extra), format="json"
    )
    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Priority.objects.exists()


def test_a_period_ending_before_it_starts_is_refused(api, world):
    data = payload(world, period_end=(TODAY() - timedelta(days=1)).isoformat())
    response = as_(api, world.people.officer).post("/api/v1/priorities/", data, format="json")
    assert response.status_code == 400 and "period_end" in response.json()


def test_assignments_of_a_priority(api, world, priority):
    everyone = as_(api, world.people.officer).get(f"/api/v1/priorities/{priority.pk}/assignments/")
    assert len(everyone.json()) == 5
    own = as_(api, world.people.body_member).get(f"/api/v1/priorities/{priority.pk}/assignments/")
    assert [a["body"]["slug"] for a in own.json()] == ["jag-a"]


def test_acknowledge_then_report_through_the_api(api, world, priority):
    assignment = priority.assignments.get(body=world.bodies.jag_a)
    client = as_(api, world.people.body_member)
    url = f"/api/v1/priority-assignments/{assignment.pk}"
    response = client.post(f"{url}/acknowledge/", {"response": "Friday patrols"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "acknowledged"
    response = client.post(f"{url}/report/", {"rag": "amber", "text": "Started"}, format="json")
    assert response.status_code == 201 and response.json()["rag"] == "amber"
    assert client.get(f"{url}/").json()["status"] == "reporting"
    assert [r["text"] for r in client.get(f"{url}/reports/").json()] == ["Started"]


def test_illegal_assignment_moves_answer_400_and_change_nothing(api, world, priority):
    assignment = priority.assignments.get(body=world.bodies.jag_a)
    url = f"/api/v1/priority-assignments/{assignment.pk}"
    client = as_(api, world.people.body_member)
    response = client.post(f"{url}/report/", {"rag": "red", "text": "t"}, format="json")
    assert response.json() == {
        "detail": ["Acknowledge the priority before reporting progress on it."]
    }
    client.post(f"{url}/acknowledge/", {"response": "First"}, format="json")
    response = client.post(f"{url}/acknowledge/", {"response": "Second"}, format="json")
    assert response.status_code == 400
    assert "JAG A acknowledged this priority on" in response.json()["detail"][0]
    response = as_(api, world.people.officer).post(
        f"{url}/report/", {"rag": "red", "text": "for them"}, format="json"
    )
    assert response.status_code == 403  # not a member of the receiving body at all
    assert response.json() == {"detail": "Only members of JAG A can act on its priorities."}
    assignment.refresh_from_db()
    assert (assignment.response, assignment.reports.count()) == ("First", 0)


def test_a_bad_rag_names_the_field(api, world, priority):
    assignment = priority.assignments.get(body=world.bodies.jag_a)
    client = as_(api, world.people.body_member)
    client.post(f"/api/v1/priority-assignments/{assignment.pk}/acknowledge/", {"response": "r"})
    response = client.post(
        f"/api/v1/priority-assignments/{assignment.pk}/report/", {"rag": "blue", "text": "t"}
    )
    assert response.status_code == 400 and "rag" in response.json()


def test_another_bodys_assignment_is_read_as_on_its_page_but_not_acted_on(
    api, client_as, world, priority
):
    """Page and API agree: one body's answer is open to every governance reader; only the
    receiving body's members act on it (403 with the reason)."""
    other = priority.assignments.get(body=world.bodies.csp_b)
    page = client_as("body_member").get(other.get_absolute_url())
    assert page.status_code == 200
    client = as_(api, world.people.body_member)
    detail = client.get(f"/api/v1/priority-assignments/{other.pk}/")
    assert detail.status_code == 200 and detail.json()["body"]["slug"] == "csp-b"
    assert client.get(f"/api/v1/priority-assignments/{other.pk}/reports/").status_code == 200
    response = client.post(
        f"/api/v1/priority-assignments/{other.pk}/acknowledge/", {"response": "r"}
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Only members of CSP B can act on its priorities."}
    posted = client_as("body_member").post(
        f"{other.get_absolute_url()}acknowledge/", {"response": "r"}
    )
    assert posted.status_code == 403
    # The list stays the person's own: their bodies' answers.
    listed = client.get("/api/v1/priority-assignments/").json()["results"]
    assert [a["body"]["slug"] for a in listed] == ["jag-a"]


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_people_without_a_seat_read_no_assignment_on_page_or_api(
    role, api, client_as, world, priority
):
    other = priority.assignments.get(body=world.bodies.csp_b)
    person = getattr(world.people, role)
    assert as_(api, person).get(f"/api/v1/priority-assignments/{other.pk}/").status_code == 403
    assert client_as(role).get(other.get_absolute_url()).status_code == 403


def test_the_setting_body_sees_every_assignment(api, world, priority):
    board_secretary = UserFactory()
    MembershipFactory(body=world.bodies.spb, user=board_secretary, role="secretariat")
    listed = as_(api, board_secretary).get("/api/v1/priority-assignments/").json()["results"]
    assert len(listed) == PriorityAssignment.objects.count() == 5


def test_retiring_through_the_api(api, world, priority):
    response = as_(api, world.people.body_member).post(f"/api/v1/priorities/{priority.pk}/retire/")
    assert response.status_code == 403
    assert "can retire it" in response.json()["detail"]
    response = as_(api, world.people.officer).post(f"/api/v1/priorities/{priority.pk}/retire/")
    assert response.status_code == 200 and response.json()["status"] == "retired"
    assert (
        as_(api, world.people.officer).get("/api/v1/priorities/?status=active").json()["count"] == 0
    )
