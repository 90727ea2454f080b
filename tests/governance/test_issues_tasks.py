"""The daily flag_overdue_governance task: stale issues and overdue acknowledgements are
told to the body's secretariat (else its chair), once per issue per stay and once per
assignment, however often the task runs."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from governance.models import Notification, Priority
from governance.services.issues import issue_escalate, issue_raise
from governance.tasks import flag_overdue_governance
from tests.factories import MembershipFactory, UserFactory
from tests.factories_issues import AssignmentFactory, PriorityFactory, age

Kind = Notification.Kind


@pytest.fixture
def secretary(world):
    user = UserFactory(username="csp-a-secretary")
    MembershipFactory(body=world.bodies.csp_a, user=user, role="secretariat")
    MembershipFactory(body=world.bodies.csp_a, user=UserFactory(), role="chair")
    MembershipFactory(body=world.bodies.csp_a, user=UserFactory(), role="member")
    return user


def raise_issue(world):
    return issue_raise(
        actor=world.people.body_member,
        body=world.bodies.jag_a,
        title="Dumped waste",
        description="Every week.",
        category="asb",
    )


def test_the_task_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["flag-overdue-governance"]
    assert entry["task"] == "governance.tasks.flag_overdue_governance"


def test_a_stale_issue_is_told_to_the_secretariat_once_per_stay(world, secretary, mailoutbox):
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    age(issue, settings.ISSUE_STALE_DAYS + 1)
    Notification.objects.all().delete()
    assert flag_overdue_governance.delay().get() == {
        "stale_issues": 1,
        "overdue_acknowledgements": 0,
    }
    assert flag_overdue_governance.delay().get()["stale_issues"] == 0
    [note] = Notification.objects.filter(kind=Kind.ISSUE_STALE)
    assert (note.recipient, note.body, note.url) == (
        secretary,
        world.bodies.csp_a,
        issue.get_absolute_url(),
    )
    assert "Dumped waste" in note.message


def test_a_new_stay_at_another_body_is_told_again(world, secretary, settings):
    issue = age(raise_issue(world), settings.ISSUE_STALE_DAYS + 1)
    assert flag_overdue_governance()["stale_issues"] == 1  # the JAG's chair
    issue = age(
        issue_escalate(actor=world.people.body_member, issue=issue, reason="r"),
        settings.ISSUE_STALE_DAYS + 1,
    )
    assert flag_overdue_governance()["stale_issues"] == 1
    told = Notification.objects.filter(kind=Kind.ISSUE_STALE)
    assert {(n.recipient, n.body) for n in told} == {
        (world.people.body_member, world.bodies.jag_a),
        (secretary, world.bodies.csp_a),
    }


def test_without_a_secretariat_the_chair_is_told(world):
    age(raise_issue(world), settings.ISSUE_STALE_DAYS + 1)
    flag_overdue_governance()
    [note] = Notification.objects.filter(kind=Kind.ISSUE_STALE)
    assert note.recipient == world.people.body_member  # chair of JAG A


def test_fresh_and_resolved_issues_are_not_flagged(world):
    age(raise_issue(world), settings.ISSUE_STALE_DAYS - 1)
    from governance.services.issues import issue_resolve

    old = age(raise_issue(world), settings.ISSUE_STALE_DAYS + 5)
    issue_resolve(actor=world.people.body_member, issue=old, decision="d")
    assert flag_overdue_governance()["stale_issues"] == 0


def test_an_overdue_acknowledgement_is_told_once(world, secretary, mailoutbox):
    priority = PriorityFactory(
        setting_body=world.bodies.spb, acknowledge_by=timezone.localdate() - timedelta(days=1)
    )
    assignment = AssignmentFactory(priority=priority, body=world.bodies.csp_a)
    AssignmentFactory(priority=priority, body=world.bodies.csp_b)  # no secretariat, no chair
    on_time = PriorityFactory(setting_body=world.bodies.spb)
    AssignmentFactory(priority=on_time, body=world.bodies.csp_a)
    assert flag_overdue_governance()["overdue_acknowledgements"] == 1
    assert flag_overdue_governance()["overdue_acknowledgements"] == 0
    [note] = Notification.objects.filter(kind=Kind.PRIORITY_OVERDUE)
    assert (note.recipient, note.url) == (secretary, assignment.get_absolute_url())
    Priority.objects.filter(pk=priority.pk).update(status="retired", retired_at=timezone.now())
    Notification.objects.all().delete()
    assert flag_overdue_governance()["overdue_acknowledgements"] == 0


def test_a_confidential_stale_issue_is_not_described(world):
    issue = issue_raise(
        actor=world.people.body_member,
        body=world.bodies.jag_a,
        title="Named family",
        description="d",
        category="safeguarding",
        is_confidential=True,
    )
    age(issue, settings.ISSUE_STALE_DAYS + 1)
    flag_overdue_governance()
    note = Notification.objects.get(kind=Kind.ISSUE_STALE)
    assert "Named family" not in note.message and "Named family" not in note.subject
