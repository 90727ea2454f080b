"""The API of activities and initiatives: the same rules as the pages."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from peoplezones.models import Activity, Initiative, InitiativeZone
from tests.factories_activities import (
    ActivityFactory,
    CoreTeamMemberFactory,
    InitiativeFactory,
    ObjectiveFactory,
    image_upload,
)

S = Initiative.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def api(world):
    client = APIClient()

    def as_(role: str) -> APIClient:
        client.force_authenticate(getattr(world.people, role))
        return client

    return as_


def new_activity(**overrides) -> dict:
    data = {
        "zone": "zone-a",
        "title": "Street-light audit",
        "occurred_on": str(timezone.localdate()),
        "description": "Eight residents walked the estate after dark and noted broken lights.",
        "domains": ["safety", "resources"],
        "principles": ["problem_solving"],
        "participants": 8,
        "volunteer_hours": "16.0",
    }
    data.update(overrides)
    return data


# Activities


def test_panel_member_logs_and_lists_their_zones_activities(api, world):
    client = api("panel_a")
    response = client.post("/api/v1/activities/", new_activity(), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["zone"] == "zone-a" and sorted(data["domains"]) == ["resources", "safety"]
    assert data["logged_by"] == str(world.people.panel_a) and data["verified"] is False
    ActivityFactory(zone=world.zones.b, title="Coalville only")
    titles = [a["title"] for a in client.get("/api/v1/activities/").json()["results"]]
    assert titles == ["Street-light audit"]


def test_new_parks_panel_member_cannot_see_log_or_edit_in_coalville(api, world):
    client = api("panel_a")
    response = client.post("/api/v1/activities/", new_activity(zone="zone-b"), format="json")
    assert response.status_code == 400 and "zone" in response.json()
    other = ActivityFactory(zone=world.zones.b, logged_by=world.people.panel_b)
    assert client.get(f"/api/v1/activities/{other.pk}/").status_code == 404
    patch = client.patch(f"/api/v1/activities/{other.pk}/", {"title": "Mine"}, format="json")
    assert patch.status_code == 404
    assert client.get(f"/api/v1/activities/{other.pk}/photo/").status_code == 404
    assert Activity.objects.get(pk=other.pk).title != "Mine"
    assert not Activity.objects.filter(zone=world.zones.b, title="Street-light audit").exists()


def test_a_closed_zone_takes_no_new_activities_through_the_api(api, world):
    world.zones.a.status = "closed"
    world.zones.a.save()
    response = api("panel_a").post("/api/v1/activities/", new_activity(), format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": ["Zone A is closed: it takes no new activities."]}
    assert not Activity.objects.exists()


def test_mass_assignment_of_logged_by_verified_and_zone_is_ignored(api, world):
    client = api("panel_a")
    response = client.post(
        "/api/v1/activities/",
        new_activity(logged_by=world.people.officer.pk, verified=True, verified_at="2020-01-01"),
        format="json",
    )
    activity = Activity.objects.get(pk=response.json()["id"])
    assert activity.logged_by == world.people.panel_a and not activity.is_verified
    patch = client.patch(f"/api/v1/activities/{activity.pk}/", {"zone": "zone-b"}, format="json")
    assert patch.status_code == 200
    assert Activity.objects.get(pk=activity.pk).zone == world.zones.a


def test_author_patches_within_the_window_and_is_refused_after(api, world, settings):
    settings.ACTIVITY_EDIT_HOURS = 72
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    client = api("panel_a")
    response = client.patch(
        f"/api/v1/activities/{activity.pk}/", {"domains": ["skills"]}, format="json"
    )
    assert response.status_code == 200 and response.json()["domains"] == ["skills"]
    assert response.json()["title"] == activity.title  # untouched fields keep their values
    Activity.objects.filter(pk=activity.pk).update(
        logged_at=timezone.now() - datetime.timedelta(hours=73)
    )
    late = client.patch(f"/api/v1/activities/{activity.pk}/", {"title": "Late"}, format="json")
    assert late.status_code == 400
    assert "changed for 72 hours" in late.json()["detail"][0]


def test_only_the_author_patches(api, world):
    activity = ActivityFactory(zone=world.zones.a)
    for role in ("panel_a", "officer"):
        response = api(role).patch(
            f"/api/v1/activities/{activity.pk}/", {"title": "Not mine"}, format="json"
        )
        assert response.status_code == 403, role


def test_verify_action_for_officers_and_core_team(api, world):
    activity = ActivityFactory(zone=world.zones.a)
    assert api("panel_a").post(f"/api/v1/activities/{activity.pk}/verify/").status_code == 403
    response = api("officer").post(f"/api/v1/activities/{activity.pk}/verify/")
    assert response.status_code == 200 and response.json()["verified"] is True
    again = api("officer").post(f"/api/v1/activities/{activity.pk}/verify/")
    assert again.status_code == 400 and "already verified" in again.json()["detail"][0]
    CoreTeamMemberFactory(zone=world.zones.b, user=world.people.partner_y)
    other = ActivityFactory(zone=world.zones.b)
    assert api("partner_y").post(f"/api/v1/activities/{other.pk}/verify/").status_code == 200
    assert api("partner_y").post(f"/api/v1/activities/{activity.pk}/verify/").status_code == 404


def test_officers_and_board_read_every_zone_partners_none(api, world):
    ActivityFactory(zone=world.zones.a)
    ActivityFactory(zone=world.zones.b)
    assert api("officer").get("/api/v1/activities/").json()["count"] == 2
    assert api("board").get("/api/v1/activities/").json()["count"] == 2
    assert api("partner_x").get("/api/v1/activities/").json()["count"] == 0
    assert api("body_member").get("/api/v1/activities/").json()["count"] == 0


def test_list_filters(api, world):
    ActivityFactory(zone=world.zones.a, domains=["skills"], title="Skills")
    ActivityFactory(zone=world.zones.b, domains=["safety"], title="Safety")
    client = api("officer")

    def titles(query):
        return [a["title"] for a in client.get(f"/api/v1/activities/?{query}").json()["results"]]

    assert titles("domain=skills") == ["Skills"]
    assert titles("zone=zone-b") == ["Safety"]
    assert titles("verified=true") == []
    assert titles(f"month={timezone.localdate() - datetime.timedelta(days=3):%Y-%m}")


def test_photo_by_multipart_checked_by_content_and_served_by_the_api(api, world):
    client = api("panel_a")
    data = {**new_activity(), "photo": image_upload("WEBP", name="x.jpg")}
    response = client.post("/api/v1/activities/", data, format="multipart")
    assert response.status_code == 201, response.json()
    url = response.json()["photo_url"]
    assert url.endswith(f"/api/v1/activities/{response.json()['id']}/photo/")
    photo = client.get(url, HTTP_ACCEPT="image/*")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/webp"
    bad = client.post(
        "/api/v1/activities/",
        {**new_activity(), "photo": image_upload("GIF", name="x.png")},
        format="multipart",
    )
    assert bad.status_code == 400
    assert bad.json()["photo"] == ["The photo must be a JPEG, PNG or WebP image"]


def test_a_missing_domain_is_refused_naming_the_field(api, world):
    response = api("panel_a").post("/api/v1/activities/", new_activity(domains=[]), format="json")
    assert response.status_code == 400 and "domains" in response.json()


def token_client(user) -> APIClient:
    """A client that signs in with a token on each request, as an app would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_activity_list_api_queries_are_pinned_and_do_not_grow(world, django_assert_num_queries):
    # The token with its user, the user's organisation, the officer's roles (2), then
    # count, page, domains, principles and organisations.
    client = token_client(world.people.officer)
    ActivityFactory(zone=world.zones.a)
    with django_assert_num_queries(9):
        client.get("/api/v1/activities/")
    for _ in range(5):
        ActivityFactory(zone=world.zones.b, domains=["skills", "health"])
    with django_assert_num_queries(9):
        assert client.get("/api/v1/activities/").json()["count"] == 6


def test_initiative_list_api_queries_are_pinned_and_do_not_grow(world, django_assert_num_queries):
    # The token with its user, the user's organisation, the partner's roles (2) and
    # core-team seats, then count, page and the zone links with their zones.
    client = token_client(world.people.partner_x)
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    with django_assert_num_queries(8):
        client.get("/api/v1/initiatives/")
    for _ in range(5):
        InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a, world.zones.b])
    with django_assert_num_queries(8):
        assert client.get("/api/v1/initiatives/").json()["count"] == 6


# Initiatives


def new_initiative(**overrides) -> dict:
    data = {
        "zones": ["zone-a"],
        "title": "Safe and Well visits",
        "description": "Home fire safety checks.",
        "audience": "Older residents",
        "resources_offered": "Two firefighters",
        "cost_to_zone": "0.00",
        "starts_on": str(timezone.localdate()),
        "contact_name": "Sam Station",
        "contact_email": "sam@example.org",
    }
    data.update(overrides)
    return data


def test_partner_submits_and_mass_assignment_is_ignored(api, world):
    response = api("partner_x").post(
        "/api/v1/initiatives/",
        new_initiative(status="accepted", organisation="Test Police", decision_reason="Yes"),
        format="json",
    )
    assert response.status_code == 201, response.json()
    initiative = Initiative.objects.get()
    assert initiative.status == S.SUBMITTED and initiative.organisation == world.organisations.x
    assert initiative.decision_reason == ""
    assert response.json()["status"] == "submitted"


def test_only_partners_submit_and_only_to_active_zones(api, world):
    assert (
        api("officer").post("/api/v1/initiatives/", new_initiative(), format="json").status_code
        == 403
    )
    world.zones.b.status = "proposed"
    world.zones.b.save()
    response = api("partner_x").post(
        "/api/v1/initiatives/", new_initiative(zones=["zone-b"]), format="json"
    )
    assert response.status_code == 400 and "zones" in response.json()


def test_a_partner_cannot_see_another_organisations_submissions(api, world):
    theirs = InitiativeFactory(submitted_by=world.people.partner_y, zones=[world.zones.a])
    mine = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    client = api("partner_x")
    assert [i["id"] for i in client.get("/api/v1/initiatives/").json()["results"]] == [mine.pk]
    assert client.get(f"/api/v1/initiatives/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/initiatives/{theirs.pk}/withdraw/").status_code == 404
    assert Initiative.objects.get(pk=theirs.pk).status == S.SUBMITTED


def test_the_whole_workflow_through_the_api(api, world):
    objective = ObjectiveFactory(zone=world.zones.a)
    initiative = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    officer = api("officer")
    url = f"/api/v1/initiatives/{initiative.pk}/"
    early = officer.post(url + "accept/", {"placements": []}, format="json")
    assert early.status_code == 400 and "Take it under review first" in early.json()["detail"][0]
    assert officer.post(url + "review/").json()["status"] == "under_review"
    accepted = officer.post(
        url + "accept/",
        {"placements": [{"zone": "zone-a", "objective": objective.pk}], "note": "Welcome"},
        format="json",
    )
    assert accepted.status_code == 200, accepted.json()
    placement = accepted.json()["placements"][0]
    assert placement["objective"] == objective.pk and placement["milestone"]
    assert InitiativeZone.objects.get(initiative=initiative).milestone_id == placement["milestone"]
    after = api("partner_x").post(url + "withdraw/")
    assert after.status_code == 400 and "accepted, so it cannot be withdrawn" in str(after.json())


def test_decline_needs_a_reason_and_partners_cannot_decide(api, world):
    initiative = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    url = f"/api/v1/initiatives/{initiative.pk}/"
    assert api("partner_x").post(url + "review/").status_code == 403
    officer = api("officer")
    officer.post(url + "review/")
    assert officer.post(url + "decline/", {}, format="json").status_code == 400
    declined = officer.post(url + "decline/", {"reason": "Covered already"}, format="json")
    assert declined.json()["status"] == "declined"
    assert declined.json()["decision_reason"] == "Covered already"


def test_accept_refuses_an_objective_outside_the_zones_plan(api, world):
    elsewhere = ObjectiveFactory(zone=world.zones.b)
    initiative = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    url = f"/api/v1/initiatives/{initiative.pk}/"
    officer = api("officer")
    officer.post(url + "review/")
    response = officer.post(
        url + "accept/",
        {"placements": [{"zone": "zone-a", "objective": elsewhere.pk}]},
        format="json",
    )
    assert response.status_code == 400 and "placements" in response.json()
    assert Initiative.objects.get(pk=initiative.pk).status == S.UNDER_REVIEW


def test_the_schema_describes_activities_and_initiatives(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/activities/",
        "/api/v1/activities/{id}/",
        "/api/v1/activities/{id}/verify/",
        "/api/v1/activities/{id}/photo/",
        "/api/v1/initiatives/",
        "/api/v1/initiatives/{id}/review/",
        "/api/v1/initiatives/{id}/accept/",
        "/api/v1/initiatives/{id}/decline/",
        "/api/v1/initiatives/{id}/withdraw/",
    ):
        assert path in paths, path
    assert "put" not in paths["/api/v1/initiatives/{id}/"]
