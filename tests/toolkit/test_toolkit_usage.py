"""Learning from use: each method shows how many People Zone activities used it, by zone and
month, and nothing about who took part.

Activities record their method once the lead adds the nullable `method` foreign key to
peoplezones Activity; until then the tests that need it are skipped, with the reason shown."""

import datetime

import pytest

from tests.factories_activities import ActivityFactory
from tests.factories_toolkit import published_method
from toolkit.selectors import activity_link_ready, method_usage

pytestmark = pytest.mark.django_db

needs_link = pytest.mark.skipif(
    not activity_link_ready(),
    reason="peoplezones Activity has no `method` foreign key to toolkit.Method yet "
    "(the lead adds it once People Zones activities are finished)",
)
JAN, MAR = datetime.date(2025, 1, 10), datetime.date(2025, 3, 5)


@pytest.fixture
def used(world):
    """A method used three times in zone A (twice in January, once in March) and once in
    zone B (March); another method and an activity with no method around it."""
    method, other = published_method(title="Used method"), published_method(title="Other")
    a, b = world.zones.a, world.zones.b
    for zone, day in [(a, JAN), (a, JAN.replace(day=20)), (a, MAR), (b, MAR)]:
        ActivityFactory(zone=zone, occurred_on=day, method=method, title="Private title")
    ActivityFactory(zone=a, occurred_on=JAN, method=other)
    ActivityFactory(zone=b, occurred_on=MAR)
    return method


@needs_link
def test_usage_counts_exactly_the_activities_that_used_the_method_by_zone_and_month(used):
    usage = method_usage(used)
    assert usage.total == 4
    assert [(zone.name, zone.total, zone.months) for zone in usage.zones] == [
        ("Zone A", 3, [(datetime.date(2025, 1, 1), 2), (datetime.date(2025, 3, 1), 1)]),
        ("Zone B", 1, [(datetime.date(2025, 3, 1), 1)]),
    ]
    assert (usage.first_month, usage.last_month) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 3, 1),
    )


@needs_link
def test_method_page_shows_the_counts_and_nothing_personal(client, used):
    body = client.get(used.get_absolute_url()).content.decode()
    assert "4 activities</strong> that used this method, in 2 zones" in body
    assert "between January 2025 and March 2025" in body
    assert "Private title" not in body
    assert "/activities/" not in body  # no activity is linked or named


@needs_link
def test_api_gives_the_usage_by_zone_and_month(client, used):
    data = client.get(f"/api/v1/toolkit/methods/{used.slug}/").json()
    assert data["usage"] == [
        {"zone": "zone-a", "month": "2025-01", "activities": 2},
        {"zone": "zone-a", "month": "2025-03", "activities": 1},
        {"zone": "zone-b", "month": "2025-03", "activities": 1},
    ]


def test_a_method_nobody_has_used_says_so(client, db):
    method = published_method()
    assert method_usage(method) is None or method_usage(method).total == 0
    body = client.get(method.get_absolute_url()).content.decode()
    assert "No People Zone has recorded using this method yet" in body
