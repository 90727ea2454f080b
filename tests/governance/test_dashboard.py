import pytest

from governance.models import Body
from tests.factories import BodyFactory, MembershipFactory, ZoneFactory


def page(client):
    return client.get("/").content.decode()


def test_visitors_get_the_start_page(client, world):
    body = page(client)
    assert '<h1 class="govuk-heading-xl">Partnerships and People Zones</h1>' in body
    assert 'href="/accounts/login/"' in body
    assert "Your dashboard" not in body


def test_officer_sees_the_partnership_and_every_zone(client_as):
    body = page(client_as("officer"))
    assert "Active partnership bodies by level" in body
    assert "Zone A" in body and "Zone B" in body
    assert 'href="/admin/"' in body


def test_board_member_sees_their_board_and_not_the_officer_overview(client_as):
    body = page(client_as("board"))
    assert "Your partnership bodies" in body
    assert "Test SPB" in body and "Top of the partnership" in body
    assert "Active partnership bodies by level" not in body
    assert 'href="/admin/"' not in body


def test_body_member_sees_their_seat_and_who_it_reports_to(client_as):
    body = page(client_as("body_member"))
    assert "JAG A" in body and "Chair" in body and "CSP A" in body


def test_panel_member_sees_only_their_own_zone(client_as):
    body = page(client_as("panel_a"))
    assert "Your People Zone" in body
    assert "Zone A" in body and "Chair of the community panel" in body
    assert "Zone B" not in body


def test_partner_sees_their_organisation_and_the_active_zones(client_as, world):
    ZoneFactory(name="Zone in waiting", csp=world.bodies.csp_a, status="proposed")
    body = page(client_as("partner_x"))
    assert "Test Fire and Rescue" in body
    assert "Zone A" in body and "Zone B" in body
    assert "Zone in waiting" not in body
    assert "Test Police" not in body


def test_person_with_no_relations_is_told_what_to_do(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Ask the OPCC partnerships team to add you" in page(client)


# Queries: session, user, memberships, panel memberships, the role's own reads (officer: body
# counts, the first zones and how many there are; partner: the first active zones and how
# many there are), then the session's idle timer pushed on (3); and
# each part's panels (governance/dashboard.py), each pinned against growing data in its
# own tests: meetings and actions, issues and priorities, review events, zones with gaps,
# activities and initiatives, the toolkit's feedback queue and the latest board pack.
PINNED = {"officer": 27, "board": 15, "body_member": 14, "panel_a": 9, "partner_x": 11}


@pytest.mark.parametrize("role", PINNED)
def test_dashboard_queries_are_pinned_and_do_not_grow(
    role, client_as, world, django_assert_num_queries
):
    client = client_as(role)
    with django_assert_num_queries(PINNED[role]):
        client.get("/")
    person = getattr(world.people, role)
    for _ in range(5):
        csp = BodyFactory(level=Body.Level.CSP, parent=world.bodies.sog)
        ZoneFactory(csp=csp, jag=BodyFactory(level=Body.Level.JAG, parent=csp))
        # More seats for those who have seats; others' roles must not change under them.
        seat = {"user": person} if role in ("board", "body_member") else {}
        MembershipFactory(body=csp, **seat)
    with django_assert_num_queries(PINNED[role]):
        client.get("/")
