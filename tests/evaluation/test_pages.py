"""The evaluation's reading pages: what each shows, who sees which zone, and their query
counts, pinned and proven not to grow with the data."""

import datetime
from decimal import Decimal

import pytest

from evaluation.models import Indicator
from tests.factories import ZoneFactory
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    core_team_member,
    days,
    pack_world,
)
from tests.factories_zones import MilestoneFactory, ObjectiveFactory


@pytest.fixture
def full(world):
    return pack_world(world)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_summary_shows_totals_domains_months_principles_organisations_and_zones(
    full, client_as
):
    page = text(client_as("officer").get("/evaluation/summary/"))
    assert '<h1 class="govuk-heading-l">Resilience activity</h1>' in page
    assert "counts once in each of them, but only once in the totals" in page
    for heading in (
        "By resilience domain",
        "Month by month",
        "By principle of the approach",
        "By organisation",
        "Zone by zone",
    ):
        assert heading in page
    # Every chart is an image with a title and a description, beside a table.
    assert page.count('role="img" aria-labelledby="chart-') == 4
    assert '<title id="chart-domains-title">' in page
    assert (
        '<desc id="chart-domains-desc">Skills: 1; Resources: 0; Health and well-being: 1; '
        "Safety: 1</desc>" in page
    )
    assert "Activities by resilience domain</caption>" in page


def test_the_summary_is_narrowed_to_a_period(full, client_as):
    ActivityFactory(zone=full.zones.a, occurred_on=datetime.date(2020, 5, 5), participants=77)
    page = text(client_as("board").get("/evaluation/summary/?start=2020-05-01&end=2020-05-31"))
    assert "1 May 2020 to 31 May 2020" in page
    assert "<dd>77</dd>" in page


def test_a_period_ending_before_it_starts_is_explained_at_the_top_and_by_the_field(full, client_as):
    page = text(client_as("officer").get("/evaluation/summary/?start=2026-05-01&end=2026-01-01"))
    assert "There is a problem" in page
    assert '<a href="#id_end">The end of the period must be on or after its start</a>' in page
    assert "govuk-form-group--error" in page


def test_a_panel_member_is_taken_to_their_own_zones_summary(full, client_as):
    response = client_as("panel_a").get("/evaluation/summary/?start=2026-01-01")
    assert response.status_code == 302
    assert response["Location"] == "/evaluation/zones/zone-a/summary/?start=2026-01-01"


def test_a_panel_member_never_sees_another_zone(full, client_as):
    client = client_as("panel_b")
    for page in ("summary", "profile", "realisation", "indicators"):
        assert client.get(f"/evaluation/zones/zone-a/{page}/").status_code == 404
    indicator = Indicator.objects.get()
    assert client.get(f"/evaluation/indicators/{indicator.pk}/").status_code == 404


def test_partner_staff_and_body_members_have_no_evaluation(full, client_as):
    for role in ("partner_x", "body_member"):
        assert client_as(role).get("/evaluation/zones/zone-a/summary/").status_code == 403
        assert client_as(role).get("/evaluation/").status_code == 403


def test_a_core_team_member_reads_and_writes_their_zone_only(full, client):
    core = core_team_member(full.zones.a)
    client.force_login(core)
    page = text(client.get("/evaluation/zones/zone-a/indicators/"))
    assert "Add an indicator" in page
    assert client.get("/evaluation/zones/zone-b/indicators/").status_code == 404


def test_the_profile_sets_the_four_domains_side_by_side(full, client_as):
    ActivityFactory(zone=full.zones.a, occurred_on=days(-400), domains=["skills"])
    page = text(client_as("panel_a").get("/evaluation/zones/zone-a/profile/"))
    assert "Resilience profile" in page
    assert 'aria-labelledby="chart-profile-title chart-profile-desc"' in page
    assert "Skills: 1 the year before, 0 in the last twelve months" in page
    assert "Safety: 0 the year before, 1 in the last twelve months" in page
    assert "Feeling safe after dark" in page  # the safety indicator, today


def test_realisation_prints_its_method_on_the_page(full, client_as):
    page = text(client_as("officer").get("/evaluation/realisation/"))
    assert "How these figures are worked out" in page
    assert "plain average of these three percentages" in page
    assert "a baseline of 40, a target of 60 and a latest measurement of 50 is 50 %" in page
    assert "Zone A" in page and "Zone B has no ambition statement yet" in page


def test_a_zones_realisation_lists_the_activities_that_served_its_plan(full, client_as):
    page = text(client_as("panel_a").get("/evaluation/zones/zone-a/realisation/"))
    assert "Youth evenings three nights a week" in page
    assert "Latest activities that served the plan" in page
    assert "Add an indicator" not in page  # a panel member reads only


def test_an_indicator_shows_its_progress_chart_and_measurements(full, client_as):
    indicator = Indicator.objects.get()
    page = text(client_as("board").get(f"/evaluation/indicators/{indicator.pk}/"))
    assert "50 % of the way" in page
    assert "Green: on track" in page
    assert 'aria-labelledby="chart-measurements-title chart-measurements-desc"' in page
    assert "Record a measurement" not in page


def fill(world, n: int) -> None:
    """n more zones with statements, indicators, plans and activities, and more in zone A."""
    statement = approved_statement(world.zones.a)
    for i in range(n):
        zone = ZoneFactory(csp=world.bodies.csp_b)
        indicator = IndicatorFactory(ambition_statement=approved_statement(zone))
        MeasurementFactory(indicator=indicator, value=Decimal(45 + i))
        objective = ObjectiveFactory(zone=zone)
        MilestoneFactory(objective=objective)
        ActivityFactory(zone=zone, objective=objective, domains=["skills", "health"])
        ActivityFactory(zone=world.zones.a, domains=["resources"])
        more = IndicatorFactory(ambition_statement=statement, domain="skills")
        MeasurementFactory(indicator=more, measured_on=days(-3 - i))
        MeasurementFactory(indicator=more, measured_on=days(-30 - i))


# (path, role): queries. Every signed-in page costs 7 (session, user, the person's
# memberships and panel seats, and the session's idle timer: savepoint, update,
# release); panel members add one read of their core team places. Then:
PINNED = {
    # the zones counted, and a page of them
    ("/evaluation/", "officer"): 9,
    ("/evaluation/", "panel_a"): 10,
    # the partnerships to filter by, the zones counted, a page of them, and the summary's
    # six aggregates
    ("/evaluation/summary/", "officer"): 16,
    ("/evaluation/summary/", "board"): 16,
    # the zone, and the summary's six aggregates
    ("/evaluation/zones/zone-a/summary/", "panel_a"): 15,
    # the zone, its statement, its indicators then and now, the domains in one query
    ("/evaluation/zones/zone-a/profile/", "board"): 11,
    # the zones counted, a page of them, and realisation's five queries
    ("/evaluation/realisation/", "officer"): 14,
    ("/evaluation/realisation/?page=2", "officer"): 14,
    # the zone, realisation's five, the activities that served it
    ("/evaluation/zones/zone-a/realisation/", "panel_a"): 15,
    # the zone, its statements, their indicators with the latest readings
    ("/evaluation/zones/zone-a/indicators/", "officer"): 11,
}


@pytest.mark.parametrize(("path", "role"), PINNED)
def test_page_queries_are_pinned_and_do_not_grow(
    path, role, full, client_as, django_assert_num_queries
):
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(path).status_code == 200
    fill(full, 4)
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(path).status_code == 200


def test_an_indicator_page_reads_the_same_however_many_measurements(
    full, client_as, django_assert_num_queries
):
    indicator = Indicator.objects.get()
    path = f"/evaluation/indicators/{indicator.pk}/"
    client = client_as("panel_a")
    # the indicator with its latest reading, its measurements with who entered them
    with django_assert_num_queries(10):
        assert client.get(path).status_code == 200
    for n in range(20):
        MeasurementFactory(indicator=indicator, measured_on=days(-30 - n))
    client = client_as("panel_a")
    with django_assert_num_queries(10):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/evaluation/", "/evaluation/realisation/"])
def test_every_zone_comes_a_page_at_a_time(path, full, client_as, monkeypatch):
    from evaluation.views import summary

    monkeypatch.setattr(summary, "ZONES_PER_PAGE", 2)
    fill(full, 3)  # five zones: pages of two, two and one
    client = client_as("officer")
    first, last = text(client.get(path)), text(client.get(f"{path}?page=3"))
    assert "Page 1 of 3" in first and 'href="?page=2" rel="next"' in first
    # by name: the three new zones ("Zone 1"...) come before Zone A and Zone B
    assert "Zone A" not in first and "Zone B" not in first
    assert "Page 3 of 3" in last and 'rel="next"' not in last
    assert "Zone B" in last and "Zone A" not in last
    assert "Page 1 of" not in text(client_as("panel_a").get("/evaluation/"))
