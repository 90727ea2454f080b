"""The zones API: the same rules as the pages, the same services, refusals as 400."""

import pytest

from peoplezones.models import AmbitionStatement, Milestone, Objective
from tests.factories import UserFactory
from tests.factories_zones import (
    AmbitionStatementFactory,
    CoreTeamMemberFactory,
    MilestoneFactory,
    ObjectiveFactory,
    days,
    full_team,
)


@pytest.fixture
def api(client_as):
    def as_role(role):
        return client_as(role)

    return as_role


def test_zones_list_what_each_role_may_see_with_coverage(api, world):
    full_team(world.zones.a, lac=False)
    data = api("panel_a").get("/api/v1/zones/").json()
    assert [z["slug"] for z in data["results"]] == ["zone-a"]
    zone = data["results"][0]
    assert zone["coverage"]["gaps"] == []
    assert zone["coverage"]["agencies"]["Fire and rescue"] is True
    officer = api("officer").get("/api/v1/zones/").json()
    assert [z["slug"] for z in officer["results"]] == ["zone-a", "zone-b"]
    assert officer["results"][1]["coverage"]["gaps"][0] == "Local authority"


def test_another_zone_is_not_found(api, world):
    client = api("panel_a")
    assert client.get("/api/v1/zones/zone-b/").status_code == 404
    other = AmbitionStatementFactory(zone=world.zones.b)
    assert client.get(f"/api/v1/ambition-statements/{other.pk}/").status_code == 404
    objective = ObjectiveFactory(zone=world.zones.b)
    milestone = MilestoneFactory(objective=objective)
    assert client.get(f"/api/v1/objectives/{objective.pk}/").status_code == 404
    assert client.get(f"/api/v1/milestones/{milestone.pk}/").status_code == 404
    assert client.get("/api/v1/milestones/").json()["count"] == 0


def test_anonymous_callers_are_asked_for_credentials(client, world):
    assert client.get("/api/v1/zones/").status_code == 401


def test_an_officer_drafts_consults_and_approves_a_version(api, world):
    client = api("officer")
    created = client.post(
        "/api/v1/ambition-statements/",
        {"zone": "zone-a", "text": "Proud and safe", "measures": "Survey"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["version"] == 1 and created.json()["status"] == "draft"
    url = f"/api/v1/ambition-statements/{pk}/"
    assert client.post(url + "consulted/", {"on": str(days(-2))}).json()["status"] == "consulted"
    approved = client.post(url + "approve/", {"on": str(days(-1))})
    assert approved.json()["status"] == "approved"
    assert approved.json()["approved_on"] == str(days(-1))


def test_an_illegal_move_answers_400_naming_the_problem(api, world):
    statement = AmbitionStatementFactory(zone=world.zones.a, version=1)
    client = api("officer")
    response = client.post(
        f"/api/v1/ambition-statements/{statement.pk}/approve/", {"on": str(days(-1))}
    )
    assert response.status_code == 400
    assert response.json() == {"detail": ["Version 1 is draft: it cannot be marked approved."]}
    response = client.post(f"/api/v1/ambition-statements/{statement.pk}/consulted/", {})
    assert response.status_code == 400 and "on" in response.json()
    statement.refresh_from_db()
    assert statement.status == "draft"


def test_only_the_chair_or_an_officer_approves(api, world):
    statement = AmbitionStatementFactory(
        zone=world.zones.a, version=1, status="consulted", consulted_on=days(-3)
    )
    url = f"/api/v1/ambition-statements/{statement.pk}/approve/"
    assert api("partner_x").post(url, {"on": str(days(-1))}).status_code == 403
    assert api("board").post(url, {"on": str(days(-1))}).status_code == 403
    response = api("panel_a").post(url, {"on": str(days(-1))})
    assert response.status_code == 200
    assert AmbitionStatement.objects.get().approved_by == world.people.panel_a


def test_panel_members_and_partners_cannot_write_plans(api, world):
    objective = ObjectiveFactory(zone=world.zones.a)
    body = {"objective": objective.pk, "title": "X", "due_on": str(days(9)), "owner_name": "Us"}
    for role in ("panel_a", "partner_x", "board"):
        assert api(role).post("/api/v1/milestones/", body).status_code == 403, role
        assert (
            api(role).post("/api/v1/objectives/", {"zone": "zone-a", "title": "Y"}).status_code
            == 403
        ), role
    assert api("panel_b").post("/api/v1/milestones/", body).status_code == 400  # no such zone
    assert not Milestone.objects.exists()


def test_the_core_team_writes_objectives_and_milestones(client, world):
    lead = UserFactory(organisation=world.organisations.y)
    CoreTeamMemberFactory(zone=world.zones.a, user=lead, name="")
    client.force_login(lead)
    objective = client.post(
        "/api/v1/objectives/",
        {"zone": "zone-a", "title": "Youth evenings", "theme": "safety"},
        content_type="application/json",
    )
    assert objective.status_code == 201, objective.json()
    milestone = client.post(
        "/api/v1/milestones/",
        {
            "objective": objective.json()["id"],
            "title": "Hire the hall",
            "due_on": str(days(-1)),
            "status": "on_track",
            "owner_organisation": world.organisations.y.pk,
        },
        content_type="application/json",
    )
    assert milestone.status_code == 201, milestone.json()
    assert milestone.json()["status"] == "late"  # overdue when saved
    pk = milestone.json()["id"]
    done = client.patch(
        f"/api/v1/milestones/{pk}/", {"status": "done"}, content_type="application/json"
    )
    assert (done.json()["status"], done.json()["completed_on"]) == ("done", str(days(0)))
    listed = client.get("/api/v1/objectives/?zone=zone-a").json()["results"]
    assert [m["title"] for m in listed[0]["milestones"]] == ["Hire the hall"]
    # Not in another zone.
    other = ObjectiveFactory(zone=world.zones.b)
    response = client.post(
        "/api/v1/milestones/",
        {"objective": other.pk, "title": "X", "due_on": str(days(3)), "owner_name": "Us"},
    )
    assert response.status_code in (400, 403)
    assert Objective.objects.filter(zone=world.zones.b).get().milestones.count() == 0


def test_milestones_show_late_before_the_task_runs(api, world):
    MilestoneFactory(objective=ObjectiveFactory(zone=world.zones.a), due_on=days(-1))
    [milestone] = api("officer").get("/api/v1/milestones/").json()["results"]
    assert (milestone["status"], milestone["shown_status"]) == ("on_track", "late")


def test_partners_get_no_volunteer_details(api, world):
    volunteer = world.people.panel_a
    MilestoneFactory(
        objective=ObjectiveFactory(zone=world.zones.a),
        owner_person=volunteer,
        owner_name="Vera's group",
        notes="Ring Vera on her mobile",
    )
    [seen] = api("partner_x").get("/api/v1/milestones/").json()["results"]
    assert seen["owner_person"] is None and seen["notes"] == "" and seen["owner_name"] == ""
    assert str(volunteer) not in str(seen)
    [full] = api("officer").get("/api/v1/milestones/").json()["results"]
    assert full["owner_person"] == volunteer.pk and full["notes"]


def add_plans(world, n: int) -> None:
    for _ in range(n):
        objective = ObjectiveFactory(zone=world.zones.a)
        MilestoneFactory(objective=objective, owner_person=UserFactory())
        AmbitionStatementFactory(
            zone=world.zones.b,
            version=objective.pk,
            status="superseded",
            consulted_on=days(-9),
            approved_on=days(-8),
        )


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/api/v1/zones/", 10),
        ("/api/v1/objectives/", 12),
        ("/api/v1/milestones/", 10),
        ("/api/v1/ambition-statements/", 10),
    ],
)
def test_the_api_list_queries_are_pinned(api, world, django_assert_num_queries, path, queries):
    client = api("partner_x")
    add_plans(world, 1)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    add_plans(world, 4)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_the_schema_describes_the_zones_api(client, db):
    schema = client.get("/api/schema/").content.decode()
    for path in (
        "/api/v1/zones/",
        "/api/v1/ambition-statements/{id}/approve/",
        "/api/v1/objectives/",
        "/api/v1/milestones/",
    ):
        assert path in schema
    assert "MilestoneStatusEnum" in schema
