"""The resilience activity summary across many zones: totals and breakdowns count every
zone, the zone-by-zone table comes a page of zones at a time, and the page reads the same
number of queries however many zones and activities there are."""

import datetime

import pytest

from evaluation.views import summary as summary_views
from tests.factories import OrganisationFactory, ZoneFactory
from tests.factories_activities import ActivityFactory

PERIOD = "start=2026-01-01&end=2026-03-31"
ON = datetime.date(2026, 2, 1)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def zones_with_activities(world, n: int, *, start: int = 1) -> list:
    """n more zones under CSP B ("Zone 01"... sort before "Zone A"), each with as many
    activities in the period as its number, every one with 3 participants."""
    made = []
    for i in range(start, start + n):
        zone = ZoneFactory(name=f"Zone {i:02d}", slug=f"zone-{i:02d}", csp=world.bodies.csp_b)
        for _ in range(i):
            ActivityFactory(zone=zone, occurred_on=ON, participants=3, domains=["skills"])
        made.append(zone)
    return made


@pytest.fixture
def five(world, monkeypatch):
    """Zone A, Zone B and five zones, two zones a page: four pages."""
    monkeypatch.setattr(summary_views, "ZONES_PER_PAGE", 2)
    ActivityFactory(zone=world.zones.a, occurred_on=ON, participants=3, domains=["safety"])
    zones_with_activities(world, 5)
    return world


def test_the_totals_count_every_zone_not_only_the_page(five, client_as):
    client = client_as("officer")
    first = text(client.get(f"/evaluation/summary/?{PERIOD}"))
    last = text(client.get(f"/evaluation/summary/?{PERIOD}&page=4"))
    # 1 + 2 + 3 + 4 + 5 activities in the new zones and one in zone A: 16, 48 participants
    for page in (first, last):
        assert "7 People Zones" in page
        assert '<div class="app-figures__item"><dt>Activities</dt><dd>16</dd></div>' in page
        assert "<dt>Participants</dt><dd>48</dd>" in page
        assert "Skills: 15; Resources: 0; Health and well-being: 0; Safety: 1" in page
    assert "Zones 1 to 2 of 7, by name" in first
    assert ">Zone 01</a>" in first and ">Zone 02</a>" in first
    assert ">Zone 03</a>" not in first and ">Zone A</a>" not in first
    assert "Zone 7 of 7, by name" in last and ">Zone B</a>" in last and ">Zone 01</a>" not in last


def test_the_zone_pages_keep_the_period_and_partnership(five, client_as):
    csp = five.bodies.csp_b.pk
    page = text(client_as("board").get(f"/evaluation/summary/?{PERIOD}&csp={csp}&page=2"))
    assert "6 People Zones" in page  # zone A is under CSP A
    assert "Page 2 of 3" in page
    assert f'<option value="{csp}" selected>CSP B</option>' in page
    query = f"start=2026-01-01&amp;end=2026-03-31&amp;csp={csp}"
    assert f'href="?{query}&amp;page=1" rel="prev"' in page
    assert f'href="?{query}&amp;page=3" rel="next"' in page
    # each zone's own summary keeps the period, not the page number
    assert f'href="/evaluation/zones/zone-03/summary/?{query}"' in page


def test_a_page_past_the_last_shows_the_last(five, client_as):
    page = text(client_as("officer").get(f"/evaluation/summary/?{PERIOD}&page=99"))
    assert "Page 4 of 4" in page and ">Zone B</a>" in page


def test_a_few_zones_fit_on_one_page_with_no_pagination(world, client_as):
    ActivityFactory(zone=world.zones.a, occurred_on=ON, participants=3)
    page = text(client_as("officer").get(f"/evaluation/summary/?{PERIOD}"))
    assert "2 People Zones" in page and "Zone by zone" in page
    assert ">Zone A</a>" in page and ">Zone B</a>" in page
    assert "govuk-pagination" not in page and "Zones 1 to" not in page


def test_only_the_organisations_in_the_most_activities_are_named(world, client_as, monkeypatch):
    monkeypatch.setattr(summary_views, "ORGANISATIONS_SHOWN", 2)
    for i, n in enumerate((3, 2, 1)):
        organisation = OrganisationFactory(name=f"Partner {i}")
        for _ in range(n):
            ActivityFactory(zone=world.zones.a, occurred_on=ON).organisations.add(organisation)
    page = text(client_as("officer").get(f"/evaluation/summary/?{PERIOD}"))
    assert "The 2 organisations involved in the most activities, of 3." in page
    assert ">Partner 0</th>" in page and ">Partner 1</th>" in page
    assert ">Partner 2</th>" not in page
    assert "<dt>Activities</dt><dd>6</dd>" in page  # every organisation's activities count


@pytest.mark.parametrize("page", ["", "&page=2"])
@pytest.mark.parametrize("role", ["officer", "board"])
def test_the_summary_reads_the_same_queries_however_many_zones(
    page, role, five, client_as, django_assert_num_queries
):
    # 7 for every signed-in page, the partnerships to filter by, the chosen one, the zones
    # counted, a page of them, four aggregates over every zone's activities (months with
    # the totals, domains, principles, organisations) and two over the page's zones
    path = f"/evaluation/summary/?{PERIOD}&csp={five.bodies.csp_b.pk}{page}"
    client = client_as(role)
    with django_assert_num_queries(17):
        assert client.get(path).status_code == 200
    zones_with_activities(five, 6, start=10)
    client = client_as(role)
    with django_assert_num_queries(17):
        assert client.get(path).status_code == 200
