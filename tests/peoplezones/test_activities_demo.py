"""The demo's activities and initiatives: enough to show every list, state and panel."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.utils import timezone

from peoplezones.models import Activity, ActivityDomain, Initiative, InitiativeZone


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def test_about_fifty_activities_over_the_last_year_in_every_zone(demo):
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    activities = Activity.objects.filter(occurred_on__gte=year_ago)
    assert 45 <= activities.count() <= 60
    per_zone = dict(activities.values_list("zone__slug").annotate(n=Count("id")))
    assert set(per_zone) == {"new-parks", "bell-foundry-estate", "coalville"}
    assert min(per_zone.values()) >= 15
    dates = sorted(activities.values_list("occurred_on", flat=True))
    assert (dates[-1] - dates[0]).days > 300
    assert set(ActivityDomain.objects.values_list("domain", flat=True)) == {
        "skills",
        "resources",
        "health",
        "safety",
    }
    verified = activities.filter(verified_at__isnull=False).count()
    assert 0 < verified < activities.count()
    linked = activities.filter(objective__isnull=False)
    assert linked.exists() and not linked.exclude(objective__zone=F("zone")).exists()


def test_initiatives_in_every_state_from_several_organisations(demo):
    assert set(Initiative.objects.values_list("status", flat=True)) == set(Initiative.Status)
    organisations = set(Initiative.objects.values_list("organisation__name", flat=True))
    assert "Leicestershire Fire and Rescue Service" in organisations
    assert len(organisations) >= 4
    for link in InitiativeZone.objects.filter(initiative__status="accepted"):
        assert link.objective.zone_id == link.zone_id and link.milestone is not None
    assert Initiative.objects.exclude(cost_to_zone=0).exists()


def test_loading_the_demo_again_adds_nothing(demo):
    before = (Activity.objects.count(), ActivityDomain.objects.count(), Initiative.objects.count())
    call_command("seed_demo", stdout=StringIO())
    after = (Activity.objects.count(), ActivityDomain.objects.count(), Initiative.objects.count())
    assert after == before
