"""The alignment view: the whole tree with what waits at each body, its filters, who may
see it, and a query count that stays the same however many bodies there are."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Body, Priority
from governance.selectors.alignment import alignment_rows, walk_tree
from governance.services.issues import issue_escalate, issue_raise
from governance.services.priorities import assignment_acknowledge, priority_set
from tests.factories import BodyFactory, MembershipFactory, UserFactory
from tests.factories_issues import AssignmentFactory, IssueFactory, PriorityFactory, age
from tests.factories_meetings import ActionFactory, MeetingFactory


def rows_by_slug(**filters):
    return {row.body.slug: row for row in alignment_rows(**filters)["rows"]}


def raise_issue(world, **extra):
    fields = {"title": "Dumped waste", "description": "Every week.", "category": "asb", **extra}
    return issue_raise(actor=world.people.body_member, body=world.bodies.jag_a, **fields)


def test_the_tree_is_in_order_each_body_before_those_below_it(world):
    rows = alignment_rows()["rows"]
    assert [(r.body.slug, r.depth) for r in rows] == [
        ("test-spb", 0),
        ("test-sog", 1),
        ("csp-a", 2),
        ("jag-a", 3),
        ("csp-b", 2),
        ("jag-b", 3),
    ]


def test_each_body_shows_what_waits_there_and_what_it_waits_for(world, settings):
    settings.ISSUE_STALE_DAYS = 20
    b = world.bodies
    escalated = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    age(escalated, 25)
    raise_issue(world, title="Still at the JAG")
    today = timezone.localdate()
    priority = priority_set(
        actor=world.people.officer,
        setting_body=b.spb,
        title="P",
        description="d",
        rationale="r",
        period_start=today,
        period_end=today + timedelta(days=90),
        acknowledge_by=today,
    )
    Priority.objects.update(acknowledge_by=today - timedelta(days=1))
    assignment_acknowledge(
        actor=world.people.body_member,
        assignment=priority.assignments.get(body=b.jag_a),
        response="r",
    )
    meeting = MeetingFactory(body=b.csp_a)
    ActionFactory(meeting=meeting, body=b.csp_a, due_date=today - timedelta(days=3))
    rows = rows_by_slug()
    csp, jag = rows["csp-a"], rows["jag-a"]
    assert (csp.waiting, csp.stale, csp.raised_open_above) == (1, 1, 0)
    assert (jag.waiting, jag.stale, jag.raised_open_above) == (1, 0, 1)
    assert (csp.priorities_awaiting, csp.priorities_overdue) == (1, 1)
    assert (jag.priorities_awaiting, jag.priorities_overdue) == (1, 0)  # owes its first report
    assert csp.next_meeting == meeting and csp.overdue_actions == 1
    assert rows["test-spb"].priorities_awaiting == 0


def test_filter_by_area_shows_that_part_of_the_tree(world):
    rows = rows_by_slug(area=world.bodies.csp_b.pk)
    assert list(rows) == ["csp-b", "jag-b"]


def test_filter_by_level(world):
    assert list(rows_by_slug(level=Body.Level.JAG)) == ["jag-a", "jag-b"]
    assert {row.depth for row in alignment_rows(level=Body.Level.JAG)["rows"]} == {0}


def test_closed_bodies_are_left_out(world):
    BodyFactory(slug="closed-jag", level=Body.Level.JAG, parent=world.bodies.csp_a, is_active=False)
    assert "closed-jag" not in rows_by_slug()


def test_walk_tree_copes_with_bodies_whose_parent_is_not_listed(world):
    bodies = {b.pk: b for b in (world.bodies.csp_a, world.bodies.jag_a)}
    assert walk_tree(bodies) == [world.bodies.csp_a.pk, world.bodies.jag_a.pk]


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("board", 200), ("body_member", 403), ("panel_a", 403), ("partner_x", 403)],
)
def test_the_alignment_view_is_for_officers_and_board_members(client_as, role, status):
    assert client_as(role).get("/alignment/").status_code == status


def test_the_page_flags_what_is_stuck_and_links_to_the_lists(client_as, world, settings):
    settings.ISSUE_STALE_DAYS = 5
    age(raise_issue(world), 6)
    body = client_as("officer").get("/alignment/").content.decode()
    assert "1 waiting too long" in body
    assert 'href="/issues/?body=jag-a"' in body
    assert 'href="/bodies/jag-a/"' in body


def test_the_filters_are_kept_in_the_form(client_as, world):
    response = client_as("officer").get(f"/alignment/?area={world.bodies.csp_a.pk}&level=1")
    body = response.content.decode()
    assert [row.body.slug for row in response.context["rows"]] == ["jag-a"]
    assert f'<option value="{world.bodies.csp_a.pk}" selected>' in body
    assert '<option value="1" selected>' in body
    assert "Show the whole partnership" in body


def test_a_nonsense_filter_shows_the_whole_partnership(client_as):
    response = client_as("officer").get("/alignment/?area=x&level=nine")
    assert len(response.context["rows"]) == 6


# Queries: session, user, memberships, panel seats (4); the tree (light rows); the page's
# bodies with their counts; their next meetings; the totals: open issues, those at closed
# bodies, overdue acknowledgements, overdue actions (4); the session's idle timer (3).
ALIGNMENT_QUERIES = 14


def test_alignment_queries_are_pinned_and_do_not_grow_with_bodies(
    client_as, world, django_assert_num_queries
):
    client = client_as("officer")
    with django_assert_num_queries(ALIGNMENT_QUERIES):
        assert client.get("/alignment/").status_code == 200
    priority = PriorityFactory(setting_body=world.bodies.spb)
    for n in range(15):
        csp = BodyFactory(level=Body.Level.CSP, parent=world.bodies.sog)
        jag = BodyFactory(level=Body.Level.JAG, parent=csp)
        MembershipFactory(body=jag, user=UserFactory())
        age(IssueFactory(raised_at=jag), n * 3)
        AssignmentFactory(priority=priority, body=jag)
        MeetingFactory(body=csp)
        ActionFactory(
            body=jag,
            meeting=MeetingFactory(body=jag),
            due_date=timezone.localdate() - timedelta(days=1),
        )
    with django_assert_num_queries(ALIGNMENT_QUERIES):
        response = client.get("/alignment/")
    assert len(response.context["rows"]) == 36


def test_a_large_partnership_is_shown_a_page_at_a_time_with_totals_for_all(client_as, world):
    from governance.views.alignment import PAGE_SIZE

    for _ in range(PAGE_SIZE):
        BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_b)
    ActionFactory(
        body=world.bodies.jag_a,
        meeting=MeetingFactory(body=world.bodies.jag_a),
        due_date=timezone.localdate() - timedelta(days=1),
    )
    client = client_as("officer")
    first = client.get("/alignment/")
    assert len(first.context["rows"]) == PAGE_SIZE
    body = first.content.decode()
    assert f"Bodies 1 to {PAGE_SIZE} of {PAGE_SIZE + 6}" in body
    assert 'rel="next"' in body
    # The overdue action counts on every page, wherever its body falls.
    assert first.context["totals"]["overdue_actions"] == 1
    second = client.get("/alignment/?page=2")
    assert len(second.context["rows"]) == 6
    assert second.context["totals"]["overdue_actions"] == 1
    # Whole trees to a page where they fit: a small second partnership is not split.
    other = BodyFactory(name="Zeta SPB", level=Body.Level.SPB, parent=None)
    BodyFactory(level=Body.Level.SOG, parent=other)
    pages = [client.get(f"/alignment/?page={n}").context["rows"] for n in (1, 2)]
    assert [len(rows) for rows in pages] == [PAGE_SIZE, 8]
    assert [row.body.level for row in pages[1][-2:]] == [Body.Level.SPB, Body.Level.SOG]
    # One area's subtree fits on one page.
    area = client.get(f"/alignment/?area={world.bodies.csp_a.pk}")
    assert [r.body.slug for r in area.context["rows"]] == ["csp-a", "jag-a"]
    assert 'rel="next"' not in area.content.decode()
