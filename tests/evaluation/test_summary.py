"""Resilience activity summaries and profiles, against counts, hours and pounds worked out
by hand, with a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest

from evaluation.periods import Period
from evaluation.selectors.activity import activity_summary, domain_profile
from peoplezones.models import ActivityPrinciple
from tests.factories import OrganisationFactory
from tests.factories_activities import ActivityFactory

D = Decimal
PERIOD = Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


def activity(zone, on, domains, *, people, hours, value, principles=(), organisations=()):
    made = ActivityFactory(
        zone=zone,
        occurred_on=on,
        domains=domains,
        participants=people,
        volunteer_hours=D(hours),
        in_kind_value=D(value),
    )
    for principle in principles:
        ActivityPrinciple.objects.create(activity=made, principle=principle)
    made.organisations.set(organisations)
    return made


@pytest.fixture
def known(world):
    """Zone A: three activities in the period (one touching two domains), one the day
    before it starts and one the day after it ends; zone B: one in the period."""
    police = OrganisationFactory(name="Known Police")
    council = OrganisationFactory(name="Known Council")
    a = world.zones.a
    activity(
        a,
        datetime.date(2026, 1, 10),
        ["safety", "skills"],
        people=12,
        hours="6.5",
        value="100",
        principles=["community_enabled", "problem_solving"],
        organisations=[police, council],
    )
    activity(
        a,
        datetime.date(2026, 2, 3),
        ["safety"],
        people=8,
        hours="4",
        value="0",
        principles=["community_enabled"],
        organisations=[police],
    )
    activity(a, datetime.date(2026, 3, 31), ["health"], people=20, hours="10", value="45.50")
    activity(a, datetime.date(2025, 12, 31), ["safety"], people=99, hours="99", value="99")
    activity(a, datetime.date(2026, 4, 1), ["safety"], people=99, hours="99", value="99")
    activity(
        world.zones.b, datetime.date(2026, 2, 14), ["resources"], people=5, hours="2", value="30"
    )
    return world


def by_key(rows):
    return {row.key: row.totals for row in rows}


def test_a_zone_with_known_activities_gives_exact_counts_hours_and_pounds(known):
    summary = activity_summary(zones=[known.zones.a], period=PERIOD)
    assert summary.totals.activities == 3
    assert summary.totals.participants == 40
    assert summary.totals.volunteer_hours == D("20.5")
    assert summary.totals.in_kind_value == D("145.50")
    assert summary.without_organisation == 1
    assert summary.verified == 0


def test_an_activity_in_two_domains_counts_once_in_each_and_once_in_the_totals(known):
    summary = activity_summary(zones=[known.zones.a], period=PERIOD)
    domains = by_key(summary.by_domain)
    assert [row.key for row in summary.by_domain] == ["skills", "resources", "health", "safety"]
    assert (domains["safety"].activities, domains["safety"].participants) == (2, 20)
    assert domains["safety"].volunteer_hours == D("10.5")
    assert domains["safety"].in_kind_value == D("100")
    assert (domains["skills"].activities, domains["skills"].volunteer_hours) == (1, D("6.5"))
    assert (domains["health"].activities, domains["health"].in_kind_value) == (1, D("45.50"))
    assert domains["resources"].activities == 0
    assert sum(t.activities for t in domains.values()) == 4  # more than the 3 in total


def test_principles_and_organisations_are_counted_the_same_way(known):
    summary = activity_summary(zones=[known.zones.a], period=PERIOD)
    principles = by_key(summary.by_principle)
    assert principles["community_enabled"].activities == 2
    assert principles["community_enabled"].participants == 20
    assert principles["problem_solving"].activities == 1
    assert principles["integration_of_services"].activities == 0
    organisations = {row.label: row.totals for row in summary.by_organisation}
    assert organisations["Known Police"].activities == 2
    assert organisations["Known Police"].volunteer_hours == D("10.5")
    assert organisations["Known Council"].activities == 1
    assert summary.by_organisation[0].label == "Known Police"  # most activities first


def test_months_are_listed_even_when_empty_and_add_up_to_the_totals(known):
    summary = activity_summary(zones=[known.zones.a], period=PERIOD)
    assert [row.key for row in summary.by_month] == [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 1),
    ]
    assert [row.totals.activities for row in summary.by_month] == [1, 1, 1]
    assert sum(row.totals.participants for row in summary.by_month) == 40


def test_zones_are_compared_side_by_side(known):
    summary = activity_summary(zones=[known.zones.a, known.zones.b], period=PERIOD)
    assert summary.totals.activities == 4
    assert summary.totals.in_kind_value == D("175.50")
    zones = {row.label: row for row in summary.by_zone}
    assert zones["Zone A"].totals.activities == 3
    assert zones["Zone B"].totals.volunteer_hours == D("2")
    assert zones["Zone A"].extra["domains"] == {
        "skills": 1,
        "resources": 0,
        "health": 1,
        "safety": 2,
    }
    assert zones["Zone B"].extra["domains"]["resources"] == 1


def test_a_summary_takes_six_queries_however_much_there_is(known, django_assert_num_queries):
    zones = [known.zones.a, known.zones.b]
    with django_assert_num_queries(6):
        activity_summary(zones=zones, period=PERIOD)
    for n in range(10):
        activity(
            known.zones.b,
            datetime.date(2026, 1, 1 + n),
            ["skills", "health"],
            people=1,
            hours="1",
            value="1",
            principles=["integration_of_services"],
            organisations=[OrganisationFactory(name=f"More {n}")],
        )
    with django_assert_num_queries(6):
        summary = activity_summary(zones=zones, period=PERIOD)
    assert summary.totals.activities == 14


def test_the_profile_sets_the_last_twelve_months_beside_the_year_before(known):
    now = Period(datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    activity(known.zones.a, datetime.date(2025, 3, 31), ["skills"], people=3, hours="1", value="5")
    activity(
        known.zones.a,
        datetime.date(2024, 4, 1),
        ["skills", "safety"],
        people=4,
        hours="2",
        value="0",
    )
    activity(
        known.zones.a, datetime.date(2024, 3, 31), ["skills"], people=50, hours="50", value="50"
    )  # before both periods
    profile = {d.domain: d for d in domain_profile(known.zones.a, now)}
    assert (profile["skills"].now.activities, profile["skills"].before.activities) == (1, 2)
    assert profile["skills"].before.participants == 7
    assert profile["skills"].before.in_kind_value == D("5")
    assert profile["safety"].now.activities == 3
    assert profile["safety"].now.participants == 99 + 12 + 8
    assert profile["safety"].before.activities == 1
    assert profile["resources"].now.activities == 0


def test_the_profile_takes_one_query(known, django_assert_num_queries):
    with django_assert_num_queries(1):
        domain_profile(known.zones.a, Period(datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)))
