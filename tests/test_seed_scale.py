"""seed_scale at a tiny size: the shape of what it makes, its trails, and the pages it feeds.

One area, one year, two CSPs of two JAGs, two zones, twenty methods: a second or two on
either database. The full size (43 areas) is for `make bench`, not for the test suite.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from evaluation.models import Indicator, Measurement
from evaluation.services.packs import board_pack_create
from governance.models import (
    Action,
    Body,
    Issue,
    IssueStep,
    Meeting,
    PriorityAssignment,
    User,
)
from peoplezones.models import Activity, ActivityDomain, AmbitionStatement, Zone
from toolkit.models import Method

TINY = ["--years", "1", "--csps", "2", "--jags", "2", "--zones", "2", "--methods", "20"]
PASSWORD = "tiny-scale-password"


def sign_in(client, username: str) -> bool:
    """Through the sign-in page, as the benchmark does: True if it let the person in."""
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in client.session


def seed(*extra) -> str:
    out = StringIO()
    call_command("seed_scale", "--areas", "1", "--password", PASSWORD, *TINY, *extra, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    return seed()


def test_one_area_has_the_shape_of_a_force_area(seeded):
    assert "area 1 of 1" in seeded
    assert Body.objects.filter(level=Body.Level.SPB).count() == 1
    assert Body.objects.filter(level=Body.Level.SOG).count() == 1
    assert Body.objects.filter(level=Body.Level.CSP).count() == 2
    assert Body.objects.filter(level=Body.Level.JAG).count() == 4
    assert Zone.objects.count() == 2
    assert Method.objects.published().count() == 20
    # Monthly JAGs (12 past months and a couple ahead), quarterly for the rest.
    jag = Body.objects.filter(level=Body.Level.JAG).first()
    assert 12 <= Meeting.objects.filter(body=jag).count() <= 15
    assert Meeting.objects.filter(body=jag, status="scheduled").exists()
    # About 25 issues per JAG per year; about one activity per zone per day.
    assert Issue.objects.count() == 4 * 25
    assert 2 * 360 <= Activity.objects.count() <= 2 * 366
    assert ActivityDomain.objects.count() >= Activity.objects.count()
    # Six priorities, each routed to every body below the one that set it.
    assignments = PriorityAssignment.objects.count()
    assert assignments == 3 * (1 + 2 + 4) + 3 * (2 + 4)
    # Each zone has one approved ambition statement with measured indicators.
    for zone in Zone.objects.all():
        statement = AmbitionStatement.objects.get(zone=zone, status="approved")
        assert Indicator.objects.filter(ambition_statement=statement).count() == 4
    assert Measurement.objects.count() >= 2 * 4 * 11


def test_issue_trails_agree_with_where_each_issue_sits(seeded):
    issues = Issue.objects.prefetch_related("steps")
    moved = 0
    for issue in issues:
        steps = list(issue.steps.all())
        assert steps[0].action == "raised" and steps[0].to_body_id == issue.raised_at_id
        assert [s.created_at for s in steps] == sorted(s.created_at for s in steps)
        last = steps[-1]
        # Where the trail ends is where the issue is, in the state the last move left it.
        assert last.to_body_id == issue.body_id
        assert (
            issue.status
            == {
                "raised": "raised",
                "escalated": "escalated",
                "returned": "returned",
                "resolved": "resolved",
            }[last.action]
        )
        for before, after in zip(steps, steps[1:], strict=False):
            assert after.from_body_id == before.to_body_id
            if after.action == "escalated":
                assert Body.objects.get(pk=after.from_body_id).parent_id == after.to_body_id
        moved += len(steps) > 1
    assert moved > 0
    assert IssueStep.objects.filter(action="escalated").exists()
    assert Issue.objects.exclude(status="resolved").exists()


def test_running_again_adds_nothing_and_says_so(seeded):
    before = (Body.objects.count(), Issue.objects.count(), Action.objects.count())
    output = seed()
    assert "Added 0 area(s) (1 already there)" in output
    assert (Body.objects.count(), Issue.objects.count(), Action.objects.count()) == before


def test_refuses_a_database_with_other_data_unless_forced(db):
    from tests.factories import BodyFactory

    BodyFactory(slug="real-spb")
    with pytest.raises(CommandError, match="not synthetic"):
        seed()
    assert not Body.objects.filter(slug__startswith="scale-").exists()
    seed("--force")
    assert Body.objects.filter(slug__startswith="scale-").count() == 8


def test_the_accounts_sign_in_and_the_key_pages_render(seeded, client):
    zone = Zone.objects.order_by("pk").first()
    jag = Body.objects.get(slug="scale-a01-csp0-jag0")
    method = Method.objects.published().first()
    officer = User.objects.get(username="scale-officer")
    today = timezone.localdate()
    pack = board_pack_create(
        actor=officer,
        title="Zone pack",
        period_start=today.replace(day=1, month=1),
        period_end=today,
        scope="zone",
        zone=zone,
    )
    pages = {
        "scale-officer": [
            reverse("dashboard"),
            reverse("alignment"),
            reverse("body_detail", args=[jag.slug]),
            reverse("zone-detail", args=[zone.slug]),
            reverse("activity-list"),
            reverse("toolkit"),
            reverse("toolkit") + "?q=walkabout",
            reverse("board-pack-detail", args=[pack.pk]),
        ],
        "scale-board": [reverse("dashboard"), reverse("body_detail", args=[jag.slug])],
        "scale-jag": [reverse("dashboard"), reverse("body_detail", args=[jag.slug])],
        "scale-panel": [
            reverse("zone-detail", args=[zone.slug]),
            reverse("zone-activity-list", args=[zone.slug]),
        ],
    }
    for username, paths in pages.items():
        assert sign_in(client, username), username
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (username, path, response.status_code)
        client.logout()
    # What the pages show comes from the synthetic data.
    assert sign_in(client, "scale-officer")
    body_page = client.get(reverse("body_detail", args=[jag.slug])).content.decode()
    assert jag.name in body_page
    upcoming = Meeting.objects.filter(body=jag, status="scheduled").order_by("starts_at").first()
    assert upcoming.get_absolute_url() in body_page
    agenda = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Any other business" in agenda
    zone_page = client.get(reverse("zone-detail", args=[zone.slug])).content.decode()
    assert "feel safe" in zone_page
    assert method.title in client.get(reverse("toolkit")).content.decode()
    # Synthetic people other than the accounts cannot sign in.
    client.logout()
    assert not sign_in(client, "scale-a01-spb-m0")
