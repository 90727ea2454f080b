"""Pages of activities: logging from a phone, the lists, editing, verifying and photos."""

import datetime

import pytest
from django.utils import timezone

from peoplezones.models import Activity
from tests.factories_activities import (
    ActivityFactory,
    CoreTeamMemberFactory,
    ObjectiveFactory,
    activity_post,
    image_upload,
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def body(response) -> str:
    return response.content.decode()


# Logging


def test_log_form_defaults_to_today_with_gov_uk_checkboxes_and_numeric_inputs(client_as, world):
    page = body(client_as("panel_a").get("/zones/zone-a/activities/new/"))
    today = timezone.localdate()
    assert f'name="occurred_on_0" value="{today.day}"' in page
    assert f'name="occurred_on_2" value="{today.year}"' in page
    assert page.count('class="govuk-checkboxes__input"') >= 8  # domains and principles
    assert 'name="participants"' in page and 'inputmode="numeric"' in page
    assert 'inputmode="decimal"' in page
    assert 'enctype="multipart/form-data"' in page
    assert page.count("<h1") == 1


def test_panel_member_logs_an_activity_and_lands_on_it(client_as, world):
    client = client_as("panel_a")
    response = client.post("/zones/zone-a/activities/new/", activity_post())
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/activities/{activity.pk}/"
    page = body(client.get(response["Location"]))
    assert "Litter pick on Aikman Avenue" in page and "is logged for Zone A" in page
    assert "Safety" in page and "Resources" in page
    assert "You can change this activity until" in page


def test_missing_fields_are_summarised_and_shown_beside_each_field(client_as, world):
    client = client_as("panel_a")
    response = client.post(
        "/zones/zone-a/activities/new/", activity_post(title="", domains=[], description="")
    )
    page = body(response)
    assert response.status_code == 200 and "There is a problem" in page
    for message in (
        "Enter a title for the activity",
        "Say what happened",
        "Select at least one resilience domain",
    ):
        assert page.count(message) == 2  # in the summary and beside the field
    assert not Activity.objects.exists()


def test_new_parks_panel_member_cannot_see_or_log_in_coalville(client_as, world):
    client = client_as("panel_a")
    ActivityFactory(zone=world.zones.b, title="Coalville only")
    assert client.get("/zones/zone-b/activities/").status_code == 404
    assert client.get("/zones/zone-b/activities/new/").status_code == 404
    response = client.post("/zones/zone-b/activities/new/", activity_post())
    assert response.status_code == 404
    assert not Activity.objects.filter(zone=world.zones.b, title="Litter pick on Aikman Avenue")
    other = Activity.objects.get(title="Coalville only")
    assert client.get(f"/activities/{other.pk}/").status_code == 404
    assert client.get(f"/activities/{other.pk}/edit/").status_code == 404
    assert client.post(f"/activities/{other.pk}/edit/", activity_post()).status_code == 404


def test_a_closed_zone_says_so_and_refuses_the_post(client_as, world):
    world.zones.a.status = "closed"
    world.zones.a.save()
    client = client_as("panel_a")
    page = body(client.get("/zones/zone-a/activities/new/"))
    assert "Zone A is closed: it takes no new activities." in page
    response = client.post("/zones/zone-a/activities/new/", activity_post())
    assert response.status_code == 200
    assert "Zone A is closed: it takes no new activities." in body(response)
    assert not Activity.objects.exists()
    listing = body(client.get("/zones/zone-a/activities/"))
    assert "so it takes no new activities" in listing and "Log an activity" not in listing


def test_officers_see_activities_but_do_not_log_them(client_as, world):
    client = client_as("officer")
    assert client.get("/zones/zone-a/activities/").status_code == 200
    assert client.get("/zones/zone-a/activities/new/").status_code == 403


def test_photo_of_the_wrong_type_is_refused_beside_the_field(client_as, world):
    client = client_as("panel_a")
    fake = image_upload("GIF", name="photo.jpg")
    response = client.post(
        "/zones/zone-a/activities/new/", {**activity_post(), "photo": fake, "photo_consent": "on"}
    )
    assert "The photo must be a JPEG, PNG or WebP image" in body(response)
    assert not Activity.objects.exists()


def test_a_photo_needs_the_consent_of_the_people_in_it(client_as, world):
    client = client_as("panel_a")
    response = client.post(
        "/zones/zone-a/activities/new/", {**activity_post(), "photo": image_upload()}
    )
    assert "Confirm everyone recognisable in the photo agreed to it" in body(response)
    assert not Activity.objects.exists()


def test_photo_is_served_only_to_those_who_may_see_the_activity(client_as, world):
    client = client_as("panel_a")
    client.post(
        "/zones/zone-a/activities/new/",
        {**activity_post(), "photo": image_upload("PNG"), "photo_consent": "on"},
    )
    activity = Activity.objects.get()
    url = f"/activities/{activity.pk}/photo/"
    assert f'src="{url}"' in body(client.get(f"/activities/{activity.pk}/"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, max-age=3600"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    for role, status in [("officer", 200), ("panel_b", 404), ("partner_x", 404)]:
        assert client_as(role).get(url).status_code == status, role
    assert client_as("anonymous").get(url).status_code == 302


# Changing


def test_author_changes_their_entry_and_the_form_is_filled_in(client_as, world):
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a, title="Old")
    client = client_as("panel_a")
    assert 'value="Old"' in body(client.get(f"/activities/{activity.pk}/edit/"))
    response = client.post(f"/activities/{activity.pk}/edit/", activity_post(title="New"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "New" and sorted(activity.domain_values) == ["resources", "safety"]


def test_after_the_window_the_edit_page_sends_the_author_back_with_the_reason(
    client_as, world, settings
):
    settings.ACTIVITY_EDIT_HOURS = 72
    activity = ActivityFactory(
        zone=world.zones.a,
        logged_by=world.people.panel_a,
        logged_at=timezone.now() - datetime.timedelta(hours=80),
    )
    client = client_as("panel_a")
    response = client.post(f"/activities/{activity.pk}/edit/", activity_post(title="Late"))
    assert response.status_code == 302 and response["Location"] == f"/activities/{activity.pk}/"
    page = body(client.get(response["Location"]))
    assert "Activities can be changed for 72 hours after they are logged" in page
    assert "Change the activity" not in page
    activity.refresh_from_db()
    assert activity.title != "Late"


def test_other_panel_members_of_the_zone_cannot_edit(client_as, world):
    activity = ActivityFactory(zone=world.zones.a)  # logged by another member
    assert client_as("panel_a").get(f"/activities/{activity.pk}/edit/").status_code == 403


# Verifying


def test_officer_verifies_from_the_activity_page(client_as, world):
    activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    client = client_as("officer")
    assert "Verify activity" in body(client.get(f"/activities/{activity.pk}/"))
    response = client.post(f"/activities/{activity.pk}/verify/")
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.verified_by == world.people.officer
    page = body(client_as("panel_a").get(f"/activities/{activity.pk}/"))
    assert "so it can no longer be changed" in page


def test_core_team_verifies_its_zone_only(client_as, world):
    CoreTeamMemberFactory(zone=world.zones.a, user=world.people.partner_x)
    mine = ActivityFactory(zone=world.zones.a)
    theirs = ActivityFactory(zone=world.zones.b)
    client = client_as("partner_x")
    assert client.post(f"/activities/{mine.pk}/verify/").status_code == 302
    assert client.post(f"/activities/{theirs.pk}/verify/").status_code == 404
    assert Activity.objects.get(pk=mine.pk).is_verified
    assert not Activity.objects.get(pk=theirs.pk).is_verified


def test_panel_members_cannot_verify(client_as, world):
    activity = ActivityFactory(zone=world.zones.a)
    assert client_as("panel_a").post(f"/activities/{activity.pk}/verify/").status_code == 403


def test_verifying_twice_says_why_and_changes_nothing(client_as, world):
    activity = ActivityFactory(zone=world.zones.a)
    client = client_as("officer")
    client.post(f"/activities/{activity.pk}/verify/")
    first = Activity.objects.get(pk=activity.pk).verified_at
    response = client.post(f"/activities/{activity.pk}/verify/", follow=True)
    assert "already verified by" in body(response)
    assert Activity.objects.get(pk=activity.pk).verified_at == first


# Lists


def test_zone_list_filters_by_domain_principle_month_and_verification(client_as, world):
    today = timezone.localdate()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=10)
    ActivityFactory(zone=world.zones.a, title="Safety walk", domains=["safety"])
    ActivityFactory(
        zone=world.zones.a, title="Skills session", domains=["skills"], occurred_on=last_month
    )
    verified = ActivityFactory(zone=world.zones.a, title="Verified café", domains=["health"])
    verified.verified_by, verified.verified_at = world.people.officer, timezone.now()
    verified.save()
    client = client_as("panel_a")

    def titles(query: str) -> set[str]:
        page = body(client.get(f"/zones/zone-a/activities/?{query}"))
        return {t for t in ("Safety walk", "Skills session", "Verified café") if t in page}

    assert titles("") == {"Safety walk", "Skills session", "Verified café"}
    assert titles("domain=safety") == {"Safety walk"}
    assert titles(f"month={last_month:%Y-%m}") == {"Skills session"}
    assert titles("verified=yes") == {"Verified café"}
    assert titles("verified=no") == {"Safety walk", "Skills session"}
    assert titles("principle=problem_solving") == set()
    assert "No activities match these filters" in body(
        client.get("/zones/zone-a/activities/?principle=problem_solving")
    )


def test_lists_are_paginated_keeping_the_filters(client_as, world):
    for n in range(23):
        ActivityFactory(zone=world.zones.a, title=f"Session {n}", domains=["skills"])
    client = client_as("panel_a")
    first = body(client.get("/zones/zone-a/activities/?domain=skills"))
    assert "23 activities" in first and "Page 1 of 2" in first
    assert "?domain=skills&amp;page=2" in first
    second = body(client.get("/zones/zone-a/activities/?domain=skills&page=2"))
    assert second.count('class="app-activity-list__item"') == 3


def test_activities_link_takes_a_panel_member_to_their_own_zone(client_as, world):
    response = client_as("panel_a").get("/activities/?verified=no")
    assert response.status_code == 302
    assert response["Location"] == "/zones/zone-a/activities/?verified=no"


def test_officers_and_board_see_every_zone_in_the_cross_zone_list(client_as, world):
    ActivityFactory(zone=world.zones.a, title="In zone A")
    ActivityFactory(zone=world.zones.b, title="In zone B")
    for role in ("officer", "board"):
        page = body(client_as(role).get("/activities/"))
        assert "In zone A" in page and "In zone B" in page, role
        assert 'name="zone"' in page
    page = body(client_as("officer").get("/activities/?zone=zone-b"))
    assert "In zone B" in page and "In zone A" not in page


def test_partners_and_body_members_have_no_activities_list(client_as, world):
    assert client_as("partner_x").get("/activities/").status_code == 403
    assert client_as("body_member").get("/activities/").status_code == 403
    assert client_as("partner_x").get("/zones/zone-a/activities/").status_code == 404


def test_a_log_form_objective_choice_lists_only_the_zones_own_objectives(client_as, world):
    ObjectiveFactory(zone=world.zones.a, title="Safer alleyways")
    ObjectiveFactory(zone=world.zones.b, title="Coalville objective")
    page = body(client_as("panel_a").get("/zones/zone-a/activities/new/"))
    assert "Safer alleyways" in page and "Coalville objective" not in page


# Query counts: the session, the user, the navigation's memberships and panel seats (4),
# the page's own reads, then the session's idle timer pushed on (3).
LIST_QUERIES = 12  # + zone, core-team seats, count, page, the page's domains
# + the zones to filter by, page, domains: no count of every zone's activities and no
# core-team read.
CROSS_LIST_QUERIES = 10
# + zone, core-team seats, organisations, objectives, and the published toolkit methods (read
# once for the method select; test_activities_method.py shows it does not grow with them).
FORM_QUERIES = 12


def _more_activities(world, n: int = 6) -> None:
    for _ in range(n):
        ActivityFactory(zone=world.zones.a, domains=["safety", "skills", "health"])
        ActivityFactory(zone=world.zones.b, domains=["resources"])
        ObjectiveFactory(zone=world.zones.a)


def test_zone_activity_list_queries_are_pinned_and_do_not_grow(
    client_as, world, django_assert_num_queries
):
    client = client_as("panel_a")
    ActivityFactory(zone=world.zones.a)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/zones/zone-a/activities/").status_code == 200
    _more_activities(world)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/zones/zone-a/activities/?domain=safety").status_code == 200


def test_cross_zone_list_queries_are_pinned_and_do_not_grow(
    client_as, world, django_assert_num_queries
):
    client = client_as("officer")
    ActivityFactory(zone=world.zones.a)
    with django_assert_num_queries(CROSS_LIST_QUERIES):
        assert client.get("/activities/").status_code == 200
    _more_activities(world)
    with django_assert_num_queries(CROSS_LIST_QUERIES):
        assert client.get("/activities/").status_code == 200


def test_log_form_queries_are_pinned_and_do_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("panel_a")
    with django_assert_num_queries(FORM_QUERIES):
        assert client.get("/zones/zone-a/activities/new/").status_code == 200
    _more_activities(world)
    with django_assert_num_queries(FORM_QUERIES):
        assert client.get("/zones/zone-a/activities/new/").status_code == 200
