"""Dashboard panels of issues and priorities: what waits at a member's bodies, answers to
what they raised, priorities they owe; for officers, what is stuck across the partnership."""

from datetime import timedelta

from django.test import RequestFactory
from django.utils import timezone

from governance.models import Body, Priority
from governance.selectors import roles_for
from governance.selectors.alignment import body_member_panel, officer_panel
from governance.services.issues import issue_escalate, issue_raise, issue_resolve
from tests.factories import BodyFactory, MembershipFactory, UserFactory
from tests.factories_issues import AssignmentFactory, IssueFactory, PriorityFactory, age


def raise_issue(world, **extra):
    fields = {"title": "Dumped waste", "description": "d", "category": "asb", **extra}
    return issue_raise(actor=world.people.body_member, body=world.bodies.jag_a, **fields)


def panel_for(function, person):
    return function(RequestFactory().get("/"), roles_for(person))


def test_the_raising_body_sees_the_decision_on_its_dashboard(client_as, world):
    csp_member = UserFactory()
    MembershipFactory(body=world.bodies.csp_a, user=csp_member)
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    issue_resolve(actor=csp_member, issue=issue, decision="The council will clear it weekly")
    body = client_as("body_member").get("/").content.decode()
    assert "Answers to issues your bodies raised" in body
    assert "Decision of CSP A" in body and "The council will clear it weekly" in body


def test_members_see_issues_and_priorities_waiting_at_their_bodies(client_as, world, settings):
    settings.ISSUE_STALE_DAYS = 10
    age(raise_issue(world, title="Old problem"), 12)
    priority = PriorityFactory(setting_body=world.bodies.spb, title="Road safety near schools")
    AssignmentFactory(priority=priority, body=world.bodies.jag_a)
    body = client_as("body_member").get("/").content.decode()
    assert "Old problem" in body and "Waiting 12 days" in body
    assert "Road safety near schools" in body and "Awaiting acknowledgement" in body


def test_people_without_a_seat_get_no_member_panel(world):
    assert panel_for(body_member_panel, world.people.officer) is None
    assert panel_for(body_member_panel, world.people.panel_a) is None
    assert panel_for(officer_panel, world.people.board) is None


def test_officers_see_stale_escalations_and_overdue_acknowledgements(client_as, world, settings):
    settings.ISSUE_STALE_DAYS = 10
    age(raise_issue(world, title="Old problem"), 12)
    raise_issue(world, title="New problem")
    late = PriorityFactory(
        setting_body=world.bodies.spb,
        title="Rural crime",
        acknowledge_by=timezone.localdate() - timedelta(days=2),
    )
    AssignmentFactory(priority=late, body=world.bodies.csp_b)
    body = client_as("officer").get("/").content.decode()
    assert "Issues waiting too long (1)" in body and "Old problem" in body
    assert "New problem" not in body
    assert "Priorities not acknowledged in time (1)" in body and "Rural crime" in body
    Priority.objects.update(status="retired", retired_at=timezone.now())
    assert panel_for(officer_panel, world.people.officer)["n_overdue"] == 0


def test_member_panel_reads_three_queries_however_much_waits(world, django_assert_num_queries):
    member = world.people.body_member
    roles = roles_for(member)
    with django_assert_num_queries(3):
        body_member_panel(None, roles)
    priority = PriorityFactory(setting_body=world.bodies.spb)
    for n in range(15):
        jag = BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a)
        MembershipFactory(body=jag, user=member)
        IssueFactory(raised_at=jag)
        AssignmentFactory(priority=priority, body=jag)
        done = raise_issue(world, title=f"Done {n}")
        issue_resolve(actor=member, issue=done, decision="d")
    member = type(member).objects.get(pk=member.pk)
    roles = roles_for(member)
    with django_assert_num_queries(3):
        panel = body_member_panel(None, roles)
    assert len(panel["waiting"]) == 10 and panel["more_waiting"]
    assert len(panel["outcomes"]) == 10 and len(panel["assignments"]) == 10


def test_officer_panel_reads_four_queries_however_much_is_stuck(
    world, settings, django_assert_num_queries
):
    settings.ISSUE_STALE_DAYS = 10
    roles = roles_for(world.people.officer)
    with django_assert_num_queries(4):
        officer_panel(None, roles)
    late = PriorityFactory(
        setting_body=world.bodies.spb, acknowledge_by=timezone.localdate() - timedelta(days=1)
    )
    for _ in range(12):
        jag = BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a)
        age(IssueFactory(raised_at=jag), 11)
        AssignmentFactory(priority=late, body=jag)
    with django_assert_num_queries(4):
        panel = officer_panel(None, roles)
    assert (panel["n_stale"], panel["n_overdue"]) == (12, 12)
    assert len(panel["stale"]) == len(panel["overdue"]) == 10


def test_officer_panel_points_to_the_rest_when_more_are_late_than_it_lists(client_as, world):
    late = PriorityFactory(
        setting_body=world.bodies.spb,
        title="Road safety",
        acknowledge_by=timezone.localdate() - timedelta(days=1),
    )
    for _ in range(11):
        AssignmentFactory(
            priority=late, body=BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a)
        )
    page = client_as("officer").get("/").content.decode()
    assert "Priorities not acknowledged in time (11)" in page
    assert "See all 11 on the alignment view" in page
