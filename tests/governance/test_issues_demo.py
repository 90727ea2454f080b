"""The demo partnership's issues and priorities: every stage of escalation, mixed answers
to two Police and Crime Plan priorities, and the same data however often it loads."""

from io import StringIO

import pytest
from django.core.management import call_command

from governance.models import (
    Issue,
    IssueStep,
    Notification,
    Priority,
    PriorityAssignment,
    PriorityReport,
)
from governance.selectors.issues import issue_outcomes_for_body


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def counts():
    models = (Issue, IssueStep, Priority, PriorityAssignment, PriorityReport, Notification)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_issues_stand_at_every_stage_and_the_jag_sees_the_board_decision(demo):
    issue = Issue.objects.get(title__startswith="Drug dealing")
    path = [(s.action, s.to_body.slug) for s in issue.steps.all()]
    assert path == [
        ("raised", "new-parks-jag"),
        ("escalated", "safer-leicester-partnership"),
        ("escalated", "llr-sog"),
        ("escalated", "llr-spb"),
        ("resolved", "llr-spb"),
    ]
    jag = issue.raised_at
    assert issue in issue_outcomes_for_body(body=jag)
    issues_stand_at_every_stage()


def issues_stand_at_every_stage():
    by_title = {issue.title: issue for issue in Issue.objects.select_related("body")}
    statuses = {issue.status for issue in by_title.values()}
    assert statuses == {"raised", "escalated", "returned", "resolved"}
    assert any(i.is_stale for i in by_title.values())
    assert any(i.is_confidential for i in by_title.values())
    assert any(i.status == "escalated" and i.body.level == 2 for i in by_title.values())
    returned = next(i for i in by_title.values() if i.status == "returned")
    assert returned.body == returned.raised_at and returned.decision


def test_two_plan_priorities_with_mixed_answers_and_loading_again_adds_nothing(demo):
    priorities = list(Priority.objects.all())
    assert len(priorities) == 2 and all(p.theme for p in priorities)
    statuses = set(PriorityAssignment.objects.values_list("status", flat=True))
    assert statuses == {"awaiting", "acknowledged", "reporting"}
    assert PriorityAssignment.objects.overdue().exists()
    assert PriorityReport.objects.count() >= 3
    before = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before
