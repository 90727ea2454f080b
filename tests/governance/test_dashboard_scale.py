"""The dashboard and the alignment view across England and Wales: long lists are cut to
their first few with how many there are and a link to the whole list, and the alignment
view counts only its page's bodies one by one while its totals still cover every body."""

from django.test import RequestFactory

from governance.models import Body
from governance.selectors import roles_for
from governance.selectors.alignment import alignment_rows, tree_order
from governance.views.accounts import DASHBOARD_ZONES
from peoplezones.views.zone_sections import PANEL_ZONES, officer_panel
from tests.factories import BodyFactory, ZoneFactory
from tests.factories_issues import IssueFactory


def test_officer_sees_the_first_zones_with_how_many_there_are(client_as, world):
    ZoneFactory.create_batch(DASHBOARD_ZONES, csp=world.bodies.csp_a)
    response = client_as("officer").get("/")
    assert len(response.context["zones"]) == DASHBOARD_ZONES
    assert response.context["zone_count"] == DASHBOARD_ZONES + 2
    body = response.content.decode()
    assert f"The first {DASHBOARD_ZONES} of {DASHBOARD_ZONES + 2} People Zones" in body
    assert f"See all {DASHBOARD_ZONES + 2} People Zones" in body


def test_partner_sees_the_first_active_zones_with_a_link_to_them_all(client_as, world):
    ZoneFactory.create_batch(DASHBOARD_ZONES, csp=world.bodies.csp_a)
    ZoneFactory(csp=world.bodies.csp_a, status="proposed")
    response = client_as("partner_x").get("/")
    assert len(response.context["open_zones"]) == DASHBOARD_ZONES
    assert response.context["open_zone_count"] == DASHBOARD_ZONES + 2
    body = response.content.decode()
    assert f"See all {DASHBOARD_ZONES + 2} active People Zones" in body
    assert 'href="/zones/"' in body


def test_partner_with_few_active_zones_sees_them_all_without_a_count(client_as, world):
    body = client_as("partner_x").get("/").content.decode()
    assert "Zone A" in body and "Zone B" in body
    assert "active People Zones</a>" not in body


def test_the_zones_panel_shows_the_first_few_gaps_and_how_many_there_are(client_as, world):
    # Every factory zone has no core team, so each open zone has a gap.
    ZoneFactory.create_batch(PANEL_ZONES + 3, csp=world.bodies.csp_a)
    request = RequestFactory().get("/")
    request.user = world.people.officer
    panel = officer_panel(request, roles_for(world.people.officer))
    assert len(panel["gaps"]) == PANEL_ZONES
    assert panel["gap_count"] == PANEL_ZONES + 5
    names = [zone.name for zone, _ in panel["gaps"]]
    assert names == sorted(names)
    body = client_as("officer").get("/").content.decode()
    assert f"Core team coverage gaps ({PANEL_ZONES + 5})" in body
    assert f"The first {PANEL_ZONES} of {PANEL_ZONES + 5} zones with a gap" in body


def test_an_area_keeps_its_place_in_the_tree(world):
    from governance.selectors.alignment import active_bodies

    bodies = active_bodies()
    assert tree_order(bodies, root_id=world.bodies.csp_a.pk) == [
        (world.bodies.csp_a.pk, 2),
        (world.bodies.jag_a.pk, 3),
    ]
    assert tree_order(bodies, root_id=-1) == []


def test_alignment_totals_cover_every_page_but_leave_out_closed_bodies(world):
    b = world.bodies
    for _ in range(3):
        IssueFactory(raised_at=b.jag_a)
    closed = BodyFactory(level=Body.Level.JAG, parent=b.csp_b, is_active=False)
    IssueFactory(raised_at=closed)
    everyone = alignment_rows(per_page=2)
    assert len(everyone["rows"]) == 2  # a tree too big for a page is cut into pages
    assert everyone["totals"]["waiting"] == 3
    assert everyone["totals"]["bodies"] == 6
    jags = alignment_rows(level=Body.Level.JAG)
    assert jags["totals"]["waiting"] == 3
    area = alignment_rows(area=b.csp_b.pk)
    assert area["totals"]["waiting"] == 0
    rows = {row.body.slug: row for row in alignment_rows()["rows"]}
    assert rows["jag-a"].waiting == 3


def test_the_area_filter_lists_bodies_above_a_jag_and_keeps_the_choice(client_as, world):
    b = world.bodies
    body = client_as("officer").get(f"/alignment/?area={b.csp_b.pk}").content.decode()
    assert f'<option value="{b.csp_b.pk}" selected>' in body
    assert f'<option value="{b.spb.pk}">' in body
    assert f"({b.csp_a.name})</option>" in body
    assert f"({b.jag_a.name})</option>" not in body
    assert '<option value="">The whole partnership</option>' in body
