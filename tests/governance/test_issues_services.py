"""The issue state machine: every move, and every illegal one refused with nothing changed."""

import pytest
from django.core import mail

from config.domain import DomainError
from governance.models import Issue, IssueStep, Notification
from governance.services.issues import (
    allowed_moves,
    issue_escalate,
    issue_raise,
    issue_resolve,
    issue_return,
)
from tests.factories import MembershipFactory, UserFactory

Action = IssueStep.Action


@pytest.fixture
def seats(world):
    """One member on each body of the chain JAG A → CSP A → SOG → SPB."""
    b = world.bodies
    people = {"jag": world.people.body_member, "spb": world.people.board}
    for name in ("csp_a", "sog", "csp_b", "jag_b"):
        people[name] = UserFactory(username=f"{name}-member")
        MembershipFactory(body=getattr(b, name), user=people[name])
    people["csp"], people["jag_b"] = people.pop("csp_a"), people["jag_b"]
    return people


def raise_at_jag(world, **extra):
    fields = {
        "title": "Dumped waste behind the shops",
        "description": "Fly-tipping every week; the council clears it, it comes back.",
        "category": "environment",
        **extra,
    }
    return issue_raise(actor=world.people.body_member, body=world.bodies.jag_a, **fields)


def snapshot(issue):
    issue = Issue.objects.get(pk=issue.pk)
    return (issue.status, issue.body_id, issue.came_from_id, issue.decision, issue.steps.count())


def test_member_raises_an_issue_at_their_body(world):
    issue = raise_at_jag(world)
    assert issue.status == Issue.Status.RAISED
    assert issue.body == issue.raised_at == world.bodies.jag_a
    assert issue.came_from is None
    assert issue.area == world.bodies.jag_a.area
    [step] = issue.steps.all()
    assert (step.action, step.from_body, step.to_body) == (Action.RAISED, issue.body, issue.body)


def test_only_members_raise_an_issue_at_a_body(world, seats):
    with pytest.raises(DomainError, match="Only members of JAG A"):
        issue_raise(
            actor=seats["csp"], body=world.bodies.jag_a, title="t", description="d", category="asb"
        )
    assert not Issue.objects.exists()


def test_no_issue_is_raised_at_a_closed_body(world):
    world.bodies.jag_a.is_active = False
    world.bodies.jag_a.save()
    with pytest.raises(DomainError, match="closed"):
        raise_at_jag(world)


def test_escalating_goes_up_one_level_and_tells_the_parent(
    world, seats, mailoutbox, django_capture_on_commit_callbacks
):
    issue = raise_at_jag(world)
    with django_capture_on_commit_callbacks(execute=True):
        issue = issue_escalate(actor=seats["jag"], issue=issue, reason="Needs council enforcement")
    assert (issue.status, issue.body, issue.came_from) == (
        Issue.Status.ESCALATED,
        world.bodies.csp_a,
        world.bodies.jag_a,
    )
    step = issue.steps.last()
    assert (step.action, step.actor, step.from_body, step.to_body, step.text) == (
        Action.ESCALATED,
        seats["jag"],
        world.bodies.jag_a,
        world.bodies.csp_a,
        "Needs council enforcement",
    )
    notes = Notification.objects.filter(kind=Notification.Kind.ISSUE_ESCALATED)
    assert [n.recipient for n in notes] == [seats["csp"]]
    assert notes[0].url == issue.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[seats["csp"].email]]


def test_escalation_all_the_way_up_and_resolved_at_the_top(world, seats):
    issue = raise_at_jag(world)
    issue = issue_escalate(actor=seats["jag"], issue=issue, reason="Beyond the JAG")
    issue = issue_escalate(actor=seats["csp"], issue=issue, reason="Needs senior officers")
    issue = issue_escalate(actor=seats["sog"], issue=issue, reason="Needs the board")
    assert issue.body == world.bodies.spb and issue.came_from == world.bodies.sog
    issue = issue_resolve(actor=seats["spb"], issue=issue, decision="Fund a joint team")
    assert issue.status == Issue.Status.RESOLVED
    assert issue.body == world.bodies.spb
    assert issue.decision == "Fund a joint team"
    assert issue.decided_by_body == world.bodies.spb
    assert [s.action for s in issue.steps.all()] == [
        Action.RAISED,
        Action.ESCALATED,
        Action.ESCALATED,
        Action.ESCALATED,
        Action.RESOLVED,
    ]
    told = Notification.objects.filter(kind=Notification.Kind.ISSUE_RESOLVED)
    assert [n.recipient for n in told] == [seats["jag"]]
    assert told[0].body == world.bodies.jag_a


def test_resolving_at_the_raising_body(world, seats):
    issue = issue_resolve(actor=seats["jag"], issue=raise_at_jag(world), decision="Sorted locally")
    assert issue.status == Issue.Status.RESOLVED and issue.body == world.bodies.jag_a


def test_returning_goes_back_to_the_body_it_came_from_step_by_step(world, seats):
    issue = raise_at_jag(world)
    issue = issue_escalate(actor=seats["jag"], issue=issue, reason="r1")
    issue = issue_escalate(actor=seats["csp"], issue=issue, reason="r2")
    issue = issue_return(actor=seats["sog"], issue=issue, decision="Use the CSP budget")
    assert (issue.status, issue.body, issue.came_from) == (
        Issue.Status.RETURNED,
        world.bodies.csp_a,
        world.bodies.jag_a,
    )
    assert issue.decided_by_body == world.bodies.sog
    told = Notification.objects.filter(kind=Notification.Kind.ISSUE_RETURNED)
    assert [n.recipient for n in told] == [seats["csp"]]
    issue = issue_return(actor=seats["csp"], issue=issue, decision="JAG to lead, CSP funds")
    assert (issue.body, issue.came_from) == (world.bodies.jag_a, None)
    assert Action.RETURNED not in allowed_moves(issue)
    # Back at the JAG it can go up again.
    issue = issue_escalate(actor=seats["jag"], issue=issue, reason="Funding did not arrive")
    assert issue.body == world.bodies.csp_a and issue.status == Issue.Status.ESCALATED


def test_allowed_moves_follow_the_place_in_the_tree(world, seats):
    issue = raise_at_jag(world)
    assert allowed_moves(issue) == [Action.ESCALATED, Action.RESOLVED]
    issue = issue_escalate(actor=seats["jag"], issue=issue, reason="r")
    assert allowed_moves(issue) == [Action.ESCALATED, Action.RETURNED, Action.RESOLVED]
    issue = issue_resolve(actor=seats["csp"], issue=issue, decision="d")
    assert allowed_moves(issue) == []


@pytest.mark.parametrize(
    ("move", "text"),
    [
        (issue_escalate, {"reason": "r"}),
        (issue_resolve, {"decision": "d"}),
        (issue_return, {"decision": "d"}),
    ],
)
def test_acting_on_an_issue_not_at_your_body_is_refused(world, seats, move, text):
    issue = issue_escalate(actor=seats["jag"], issue=raise_at_jag(world), reason="r")
    before = snapshot(issue)
    for outsider in (seats["jag"], seats["sog"], seats["jag_b"], world.people.officer):
        with pytest.raises(DomainError, match="This issue is at CSP A: only its members"):
            move(actor=outsider, issue=issue, **text)
    assert snapshot(issue) == before


def test_escalating_from_the_top_is_refused(world, seats):
    issue = raise_at_jag(world)
    for actor in ("jag", "csp", "sog"):
        issue = issue_escalate(actor=seats[actor], issue=issue, reason="up")
    before = snapshot(issue)
    with pytest.raises(DomainError, match="Test SPB is the top of the partnership"):
        issue_escalate(actor=seats["spb"], issue=issue, reason="Further")
    assert snapshot(issue) == before


def test_returning_from_the_body_that_raised_it_is_refused(world, seats):
    issue = raise_at_jag(world)
    before = snapshot(issue)
    with pytest.raises(DomainError, match="raised at JAG A: there is no body below"):
        issue_return(actor=seats["jag"], issue=issue, decision="Back to whom?")
    assert snapshot(issue) == before


@pytest.mark.parametrize(
    ("move", "text"),
    [
        (issue_escalate, {"reason": "r"}),
        (issue_resolve, {"decision": "d"}),
        (issue_return, {"decision": "d"}),
    ],
)
def test_acting_on_a_resolved_issue_is_refused(world, seats, move, text):
    issue = issue_escalate(actor=seats["jag"], issue=raise_at_jag(world), reason="r")
    issue = issue_resolve(actor=seats["csp"], issue=issue, decision="Done")
    before = snapshot(issue)
    with pytest.raises(DomainError, match="This issue is resolved: it can no longer change"):
        move(actor=seats["csp"], issue=issue, **text)
    assert snapshot(issue) == before


@pytest.mark.parametrize(
    ("move", "field", "message"),
    [
        (lambda a, i: issue_escalate(actor=a, issue=i, reason="  "), "reason", "reason"),
        (lambda a, i: issue_resolve(actor=a, issue=i, decision=""), "decision", "decision"),
    ],
)
def test_a_move_without_its_text_is_refused(world, seats, move, field, message):
    issue = raise_at_jag(world)
    before = snapshot(issue)
    with pytest.raises(DomainError, match=message) as refused:
        move(seats["jag"], issue)
    assert refused.value.field == field
    assert snapshot(issue) == before


def test_a_stale_copy_of_the_issue_cannot_move_it_twice(world, seats):
    """Two members acting on the same page: the second finds it already moved."""
    issue = raise_at_jag(world)
    first_copy, second_copy = Issue.objects.get(pk=issue.pk), Issue.objects.get(pk=issue.pk)
    issue_escalate(actor=seats["jag"], issue=first_copy, reason="First")
    with pytest.raises(DomainError, match="This issue is at CSP A"):
        issue_resolve(actor=seats["jag"], issue=second_copy, decision="Second")
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.ESCALATED
    assert IssueStep.objects.filter(issue=issue).count() == 2


def test_a_confidential_issue_is_not_described_in_email(
    world, seats, mailoutbox, django_capture_on_commit_callbacks
):
    issue = raise_at_jag(world, is_confidential=True, title="Named family, safeguarding")
    with django_capture_on_commit_callbacks(execute=True):
        issue_escalate(actor=seats["jag"], issue=issue, reason="Sensitive details here")
    [message] = mailoutbox
    assert "Named family" not in message.body and "Sensitive details" not in message.body
    assert "a confidential issue" in message.body


def test_the_acting_member_is_not_notified_of_their_own_move(world, seats):
    MembershipFactory(body=world.bodies.csp_a, user=seats["jag"])
    issue = issue_escalate(actor=seats["jag"], issue=raise_at_jag(world), reason="r")
    assert issue.body == world.bodies.csp_a
    assert not Notification.objects.filter(recipient=seats["jag"]).exists()
