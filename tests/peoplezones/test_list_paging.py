"""Long lists of People Zones a page at a time: the activities across zones without counting
them all, the zones list with its filters, and zone filters that do not list every zone."""

import re

import pytest

from peoplezones.forms import activities as activity_forms
from peoplezones.models import Zone
from tests.factories import ZoneFactory
from tests.factories_activities import ActivityFactory, InitiativeFactory
from tests.factories_zones import CoreTeamMemberFactory, full_team


def body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def titles(page: str) -> list[str]:
    return re.findall(r'app-activity-list__title"><a [^>]*>([^<]+)</a>', page)


def sessions(zone, n: int, *, prefix: str = "Session") -> None:
    """n activities on the same day: newest first means the last made first."""
    for i in range(n):
        ActivityFactory(zone=zone, title=f"{prefix} {i:02d}")


# The activities across zones: no count of every zone's activities


def test_the_cross_zone_list_shows_which_activities_and_links_to_the_next_page(client_as, world):
    sessions(world.zones.a, 25)
    client = client_as("officer")
    first = body(client.get("/activities/?domain=safety"))
    assert titles(first) == [f"Session {i:02d}" for i in range(24, 4, -1)]
    assert "Matching activities 1 to 20" in first and "the next page has more" in first
    assert "Page 1</span>" in first and "Page 1 of" not in first
    assert 'href="?domain=safety&amp;page=2" rel="next"' in first
    assert 'rel="prev"' not in first

    second = body(client.get("/activities/?domain=safety&page=2"))
    assert titles(second) == [f"Session {i:02d}" for i in range(4, -1, -1)]
    # The last page knows how many there are without counting.
    assert "25 activities match" in second and "Showing 21 to 25" in second
    assert "Page 2 of 2" in second
    assert 'href="?domain=safety&amp;page=1" rel="prev"' in second
    assert 'rel="next"' not in second


def test_a_short_cross_zone_list_says_how_many_without_pages(client_as, world):
    sessions(world.zones.a, 3)
    page = body(client_as("board").get("/activities/"))
    assert "3 activities</h2>" in page
    assert "govuk-pagination" not in page


@pytest.mark.parametrize("asked", ["9", "99999999999999999999999"])
def test_a_page_beyond_the_end_says_so_and_links_to_the_first(client_as, world, asked):
    sessions(world.zones.a, 3)
    page = body(client_as("officer").get(f"/activities/?verified=no&page={asked}"))
    assert titles(page) == []
    assert "There are no activities on page" in page
    assert 'href="?verified=no">Go to the first page' in page


@pytest.mark.parametrize("asked", ["", "x", "-3", "0"])
def test_a_page_number_that_is_not_one_shows_the_first_page(client_as, world, asked):
    sessions(world.zones.a, 2)
    page = body(client_as("officer").get(f"/activities/?page={asked}"))
    assert titles(page) == ["Session 01", "Session 00"]


def test_a_zone_list_still_counts_its_activities_and_numbers_its_pages(client_as, world):
    sessions(world.zones.a, 23)
    sessions(world.zones.b, 4, prefix="Elsewhere")
    first = body(client_as("panel_a").get("/zones/zone-a/activities/"))
    assert "23 activities</h2>" in first and "Showing 1 to 20" in first
    assert "Page 1 of 2" in first
    # Asked beyond the end of a counted list: its last page, as before.
    last = body(client_as("panel_a").get("/zones/zone-a/activities/?page=7"))
    assert titles(last) == ["Session 02", "Session 01", "Session 00"]


def test_few_zones_are_offered_as_a_select_that_keeps_the_old_links_working(client_as, world):
    ActivityFactory(zone=world.zones.a, title="In zone A")
    ActivityFactory(zone=world.zones.b, title="In zone B")
    client = client_as("officer")
    page = body(client.get("/activities/"))
    assert '<select name="zone"' in page and '<option value="zone-b">Zone B</option>' in page
    assert titles(body(client.get("/activities/?zone=zone-b"))) == ["In zone B"]


def test_many_zones_are_found_by_typing_part_of_a_name(client_as, world, monkeypatch):
    monkeypatch.setattr(activity_forms, "ZONES_LISTED", 1)
    ActivityFactory(zone=world.zones.a, title="In zone A")
    ActivityFactory(zone=world.zones.b, title="In zone B")
    client = client_as("officer")
    page = body(client.get("/activities/"))
    assert '<select name="zone"' not in page
    assert re.search(r'<input type="text" name="zone"[^>]*id="id_zone"', page)
    assert "All or part of its name" in page
    assert titles(body(client.get("/activities/?zone=one+b"))) == ["In zone B"]
    assert titles(body(client.get("/activities/?zone=ZONE"))) == ["In zone B", "In zone A"]
    # A zone's slug, as the select sent it, still finds that zone.
    assert titles(body(client.get("/activities/?zone=zone-a"))) == ["In zone A"]
    nothing = body(client.get("/activities/?zone=Nowhere"))
    assert "No activities match these filters" in nothing


def test_a_name_search_finds_only_zones_the_person_may_read(client_as, world, monkeypatch):
    monkeypatch.setattr(activity_forms, "ZONES_LISTED", 0)
    zone_c = ZoneFactory(name="Zone C", csp=world.bodies.csp_b)
    for zone in (world.zones.a, zone_c):
        CoreTeamMemberFactory(zone=zone, user=world.people.partner_x)
    for zone in (world.zones.a, world.zones.b, zone_c):
        ActivityFactory(zone=zone, title=f"In {zone.name}")
    page = body(client_as("partner_x").get("/activities/?zone=Zone"))
    assert titles(page) == ["In Zone C", "In Zone A"]
    # A few zones' activities are cheap to count: the core team sees how many.
    assert "2 activities match" in page


# Query counts: the session, the user, the navigation's memberships and panel seats (4),
# the zones to filter by (1), the page and its domains (2), the session's idle timer (3).
CROSS_LIST_QUERIES = 10


@pytest.mark.parametrize(
    "query", ["", "?page=2", "?domain=safety&verified=no&page=2", "?zone=Zone&page=2"]
)
def test_cross_zone_list_reads_as_many_queries_on_any_page_with_any_filter(
    client_as, world, django_assert_num_queries, monkeypatch, query
):
    monkeypatch.setattr(activity_forms, "ZONES_LISTED", 1)
    sessions(world.zones.a, 22)
    sessions(world.zones.b, 22)
    client = client_as("officer")
    with django_assert_num_queries(CROSS_LIST_QUERIES):
        page = body(client.get(f"/activities/{query}"))
    assert titles(page)
    for _ in range(3):
        ZoneFactory(csp=world.bodies.csp_b)
    sessions(world.zones.b, 30, prefix="More")
    with django_assert_num_queries(CROSS_LIST_QUERIES):
        body(client.get(f"/activities/{query}"))


# The zones list


def test_a_handful_of_zones_shows_as_before_without_filters_or_pages(client_as, world):
    page = body(client_as("officer").get("/zones/"))
    assert "2 zones</caption>" in page
    assert "Filter zones" not in page and "govuk-pagination" not in page


def test_the_zones_list_is_paged_and_filtered_by_status_and_name(client_as, world):
    for i in range(30):
        status = Zone.Status.CLOSED if i % 10 == 0 else Zone.Status.ACTIVE
        ZoneFactory(name=f"Extra zone {i:02d}", csp=world.bodies.csp_b, status=status)
    client = client_as("officer")
    first = body(client.get("/zones/"))
    assert "32 zones, 1 to 25 shown" in first and "Page 1 of 2" in first
    assert "Filter zones" in first and 'name="search"' in first
    assert first.count('<th scope="row"') == 25
    second = body(client.get("/zones/?page=2"))
    assert second.count('<th scope="row"') == 7 and "Extra zone 29" in second

    closed = body(client.get("/zones/?status=closed"))
    assert "3 zones match</caption>" in closed
    assert {"Extra zone 00", "Extra zone 10", "Extra zone 20"} == set(
        re.findall(r">(Extra zone \d\d)</a>", closed)
    )
    found = body(client.get("/zones/?search=zone+a"))
    assert "1 zone matches</caption>" in found and ">Zone A</a>" in found
    by_partnership = body(client.get(f"/zones/?search={world.bodies.csp_a.name}"))
    assert ">Zone A</a>" in by_partnership and "Extra zone" not in by_partnership
    none = body(client.get("/zones/?search=Nowhere&status=active"))
    assert "No zones match these filters" in none and 'href="/zones/">Clear the filters' in none


def test_a_partner_filters_only_the_zones_they_may_see(client_as, world):
    ZoneFactory(name="Proposed elsewhere", csp=world.bodies.csp_b, status=Zone.Status.PROPOSED)
    page = body(client_as("partner_x").get("/zones/?search=elsewhere"))
    assert "Proposed elsewhere" not in page and "No zones match these filters" in page


ZONES_LIST_QUERIES = 9  # signed-in page (7), the count, the page of zones with coverage


def test_zones_list_reads_as_many_queries_on_any_page_whatever_the_zones_hold(
    client_as, world, django_assert_num_queries
):
    for zone in (world.zones.a, world.zones.b):
        full_team(zone)
    for i in range(27):
        ZoneFactory(name=f"Extra zone {i:02d}", csp=world.bodies.csp_b)
    client = client_as("officer")
    for query in ("", "?page=2", "?status=active&search=zone&page=2"):
        with django_assert_num_queries(ZONES_LIST_QUERIES):
            body(client.get(f"/zones/{query}"))
    for zone in Zone.objects.all():
        full_team(zone)
    for query in ("", "?page=2", "?status=active&search=zone&page=2"):
        with django_assert_num_queries(ZONES_LIST_QUERIES):
            body(client.get(f"/zones/{query}"))


# Initiatives


def test_initiatives_are_filtered_by_typing_part_of_a_zone_name(client_as, world, monkeypatch):
    monkeypatch.setattr(activity_forms, "ZONES_LISTED", 1)
    partner = world.people.partner_x
    InitiativeFactory(submitted_by=partner, title="For zone A", zones=[world.zones.a])
    InitiativeFactory(submitted_by=partner, title="For zone B", zones=[world.zones.b])
    client = client_as("officer")
    page = body(client.get("/initiatives/?zone=one+b"))
    assert "For zone B" in page and "For zone A" not in page
    assert "1 initiative matches" in page
