"""Activities and initiatives on the zone page and the dashboard, and the navigation."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from governance.selectors import roles_for
from peoplezones.services.initiatives import initiative_start_review
from peoplezones.views import activities as activity_views
from peoplezones.views import initiatives as initiative_views
from tests.factories_activities import ActivityFactory, CoreTeamMemberFactory, InitiativeFactory


def body(response) -> str:
    return response.content.decode()


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


# The zone page


def test_zone_page_shows_recent_activities_with_their_domains(client_as, world):
    ActivityFactory(zone=world.zones.a, title="Community café", domains=["health", "skills"])
    ActivityFactory(zone=world.zones.b, title="Coalville walk")
    page = body(client_as("panel_a").get("/zones/zone-a/"))
    assert "Recent activities" in page and "Community café" in page
    assert "Health and well-being" in page and "Skills" in page
    assert "Coalville walk" not in page
    assert 'href="/zones/zone-a/activities/new/"' in page


def test_zone_page_hides_activities_from_partners_who_may_only_read_the_zone(client_as, world):
    ActivityFactory(zone=world.zones.a, title="Community café")
    page = body(client_as("partner_x").get("/zones/zone-a/"))
    assert "Recent activities" not in page and "Community café" not in page


def test_open_initiatives_on_the_zone_page_follow_who_may_see_them(client_as, world):
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a], title="Offer X")
    InitiativeFactory(submitted_by=world.people.partner_y, zones=[world.zones.a], title="Offer Y")
    officer = body(client_as("officer").get("/zones/zone-a/"))
    assert "Open initiatives" in officer and "Offer X" in officer and "Offer Y" in officer
    partner = body(client_as("partner_x").get("/zones/zone-a/"))
    assert "Offer X" in partner and "Offer Y" not in partner
    assert "No cost to the zone" in partner
    panel = body(client_as("panel_a").get("/zones/zone-a/"))
    assert "Open initiatives" in panel and "No initiatives are open" in panel


def test_zone_sections_read_a_fixed_number_of_queries(world, django_assert_num_queries):
    request = request_as(world.people.panel_a)
    roles_for(world.people.panel_a)  # the page has read the person's roles already
    ActivityFactory(zone=world.zones.a)
    # Core-team seats (once per person), the activities, their domains.
    with django_assert_num_queries(3):
        activity_views.zone_section(request, world.zones.a)
    for _ in range(6):
        ActivityFactory(zone=world.zones.a, domains=["safety", "skills"])
    with django_assert_num_queries(2):
        assert len(activity_views.zone_section(request, world.zones.a)["activities"]) == 5
    # The initiatives the officer may see, and their zone links.
    officer = request_as(world.people.officer)
    roles_for(world.people.officer)
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    with django_assert_num_queries(2):
        initiative_views.zone_section(officer, world.zones.a)
    for _ in range(6):
        InitiativeFactory(submitted_by=world.people.partner_y, zones=[world.zones.a])
    with django_assert_num_queries(2):
        assert len(initiative_views.zone_section(officer, world.zones.a)["initiatives"]) == 5


# The dashboard


def test_panel_member_dashboard_has_a_prominent_log_button_and_their_entries(client_as, world):
    ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a, title="My café")
    ActivityFactory(zone=world.zones.a, title="Someone else's walk")
    page = body(client_as("panel_a").get("/"))
    assert "govuk-button--start" in page and 'href="/zones/zone-a/activities/new/"' in page
    assert "My café" in page and "Someone else's walk" not in page


def test_panel_member_of_a_closed_zone_is_told_instead_of_a_button(client_as, world):
    world.zones.a.status = "closed"
    world.zones.a.save()
    page = body(client_as("panel_a").get("/"))
    assert "Zone A is closed, so it takes no new activities." in page
    assert 'href="/zones/zone-a/activities/new/"' not in page


def test_partner_dashboard_lists_their_organisations_initiatives_and_decisions(client_as, world):
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a], title="Ours")
    InitiativeFactory(submitted_by=world.people.partner_y, zones=[world.zones.a], title="Theirs")
    page = body(client_as("partner_x").get("/"))
    assert "Test Fire and Rescue's initiatives" in page and "Ours" in page
    assert "Theirs" not in page and 'href="/initiatives/new/"' in page


def test_officer_dashboard_shows_what_waits_for_review_and_verification(client_as, world):
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a], title="Offer")
    ActivityFactory(zone=world.zones.a, title="Unverified walk")
    done = ActivityFactory(zone=world.zones.a, title="Checked café")
    done.verified_by, done.verified_at = world.people.officer, timezone.now()
    done.save()
    page = body(client_as("officer").get("/"))
    assert "Initiatives awaiting a decision: 1" in page and "Offer" in page
    assert "Activities awaiting verification: 1" in page and "Unverified walk" in page
    assert "Checked café" not in page


def test_core_team_sees_only_their_zones_waiting_items(client_as, world):
    CoreTeamMemberFactory(zone=world.zones.b, user=world.people.partner_y)
    ActivityFactory(zone=world.zones.a, title="Zone A walk")
    ActivityFactory(zone=world.zones.b, title="Zone B walk")
    page = body(client_as("partner_y").get("/"))
    assert "Activities awaiting verification: 1" in page
    assert "Zone B walk" in page and "Zone A walk" not in page


def test_review_panel_is_not_shown_to_people_who_review_nothing(world):
    for role in ("panel_a", "partner_x", "board", "body_member"):
        person = getattr(world.people, role)
        assert initiative_views.review_panel(request_as(person), roles_for(person)) is None
    for role in ("officer", "board", "body_member"):
        person = getattr(world.people, role)
        assert activity_views.panel_member_panel(request_as(person), roles_for(person)) is None
        assert initiative_views.partner_panel(request_as(person), roles_for(person)) is None


def _grow(world) -> None:
    for _ in range(7):
        ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a, domains=["skills"])
        ActivityFactory(zone=world.zones.b, domains=["safety", "health"])
        initiative = InitiativeFactory(
            submitted_by=world.people.partner_x, zones=[world.zones.a, world.zones.b]
        )
        initiative_start_review(actor=world.people.officer, initiative=initiative)


# (panel function, role): queries once the person's roles are read.
PANEL_QUERIES = {
    ("panel_member_panel", "panel_a"): 2,  # latest entries, their domains
    ("partner_panel", "partner_x"): 3,  # core-team seats, initiatives, zone links
    ("review_panel", "officer"): 6,  # count and oldest few of each, zone links, domains
}


@pytest.mark.parametrize(("name", "role"), PANEL_QUERIES)
def test_dashboard_panels_read_a_fixed_number_of_queries(
    name, role, world, django_assert_num_queries
):
    module = activity_views if name == "panel_member_panel" else initiative_views
    panel = getattr(module, name)
    person = getattr(world.people, role)
    ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    roles = roles_for(person)
    with django_assert_num_queries(PANEL_QUERIES[name, role]):
        panel(request_as(person), roles)
    person.__dict__.pop("_core_team_zone_ids", None)
    _grow(world)
    with django_assert_num_queries(PANEL_QUERIES[name, role]):
        assert panel(request_as(person), roles)


def test_navigation_shows_activities_and_initiatives_to_the_right_roles(client_as, world):
    expected = {
        "officer": (True, True),
        "board": (True, False),
        "panel_a": (True, False),
        "partner_x": (False, True),
        "body_member": (False, False),
    }
    for role, (activities, initiatives) in expected.items():
        page = body(client_as(role).get("/"))
        assert ('href="/activities/"' in page) == activities, role
        assert ('href="/initiatives/"' in page) == initiatives, role
