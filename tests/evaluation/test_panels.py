"""The evaluation's dashboard panel (the latest published pack) and its zone page section
(links to the zone's evaluation)."""

from django.test import RequestFactory
from django.utils import timezone

from evaluation.models import BoardPack
from evaluation.views.panels import dashboard_panel, zone_section
from governance.selectors import roles_for
from tests.factories_evaluation import core_team_member


def stand_in_pack(world, title: str, status: str = "published") -> BoardPack:
    today = timezone.localdate()
    pack = BoardPack(
        title=title,
        status=status,
        content_html="<p>Stored</p>",
        generated_at=timezone.now(),
        created_by=world.people.officer,
        period_start=today,
        period_end=today,
    )
    if status != "draft":
        pack.pdf, pack.published_at = b"%PDF stand-in", timezone.now()
        pack.published_by = world.people.officer
        pack.content_hash = pack.computed_hash()
    pack.save()
    return pack


def panel_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return dashboard_panel(request, roles_for(user))


def test_board_members_see_the_latest_published_pack(world, client_as):
    stand_in_pack(world, "Older report")
    latest = stand_in_pack(world, "Latest report")
    stand_in_pack(world, "Unpublished", status="draft")
    page = client_as("board").get("/").content.decode()
    assert "Reports to the board" in page
    assert "Latest report" in page and "Unpublished" not in page
    assert f"/evaluation/reports/{latest.pk}/pack.pdf" in page


def test_officers_also_see_the_drafts_waiting(world, client_as):
    stand_in_pack(world, "Unpublished", status="draft")
    page = client_as("officer").get("/").content.decode()
    assert "1 draft pack not yet published" in page


def test_the_panel_reads_two_queries_at_most_and_is_only_for_board_and_officers(
    world, django_assert_num_queries
):
    for n in range(3):
        stand_in_pack(world, f"Report {n}")
    officer, board = world.people.officer, world.people.board
    roles_for(officer), roles_for(board)  # read once per request already, for the navigation
    with django_assert_num_queries(2):
        assert panel_for(officer)["drafts"] == 0
    with django_assert_num_queries(1):
        assert panel_for(board)["latest"].title == "Report 2"
    for role in ("body_member", "panel_a", "partner_x"):
        assert panel_for(getattr(world.people, role)) is None


def test_the_zone_page_links_to_the_zones_evaluation_without_a_query(
    world, django_assert_num_queries
):
    core = core_team_member(world.zones.a)
    request = RequestFactory().get("/")
    for user, expected in (
        (world.people.officer, {"can_edit": True}),
        (world.people.panel_a, {"can_edit": False}),
        (core, {"can_edit": True}),
        (world.people.panel_b, None),
        (world.people.partner_x, None),
    ):
        request.user = user
        zone_section(request, world.zones.a)  # the page has read the person's roles by now
        with django_assert_num_queries(0):
            assert zone_section(request, world.zones.a) == expected


def test_the_zone_page_shows_the_evaluation_links(world, client_as):
    page = client_as("panel_a").get("/zones/zone-a/").content.decode()
    assert "/evaluation/zones/zone-a/profile/" in page
    page = client_as("partner_x").get("/zones/zone-a/").content.decode()
    assert "/evaluation/zones/zone-a/" not in page
