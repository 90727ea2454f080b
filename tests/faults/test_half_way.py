"""A request that fails half-way keeps nothing of what it wrote before failing: no partial
rows, no notification, no outbox message, no e-mail.

Each case lets the first writes of a real action happen, then makes a later step raise (as
a bug or a lost database connection would), and checks from outside that the action left
no trace. Runs on SQLite and on PostgreSQL."""

import pytest

from evaluation.models import BoardPack
from governance.models import Issue, IssueStep, Notification
from governance.services.issues import issue_raise
from outbox.models import Message
from peoplezones.models import Activity, ActivityDomain, Initiative, InitiativeZone, Milestone
from peoplezones.services.initiatives import initiative_start_review
from tests.factories import MembershipFactory, UserFactory
from tests.factories_activities import (
    InitiativeFactory,
    ObjectiveFactory,
    activity_post,
)
from tests.factories_evaluation import draft_pack, pack_world


class HalfWay(RuntimeError):
    pass


def fail_after(monkeypatch, target: str, calls: int = 1):
    """Make `module.function` do its real work `calls` times, then raise after the last."""
    module_path, name = target.rsplit(".", 1)
    module = __import__(module_path, fromlist=[name])
    real = getattr(module, name)
    seen = []

    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(1)
        if len(seen) >= calls:
            raise HalfWay(f"{target} failed half-way")
        return result

    monkeypatch.setattr(module, name, wrapper)
    return seen


def traces() -> dict:
    return {
        "notifications": Notification.objects.count(),
        "outbox": Message.objects.count(),
    }


@pytest.fixture
def failing_client(client_as):
    """A signed-in client that gets the 500 page instead of the exception."""

    def make(role: str):
        client = client_as(role)
        client.raise_request_exception = False
        return client

    return make


def test_an_escalation_that_fails_after_telling_the_members_leaves_no_trace(
    world, failing_client, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    MembershipFactory(body=world.bodies.csp_a, user=UserFactory(email="csp@example.org"))
    issue = issue_raise(
        actor=world.people.body_member,
        body=world.bodies.jag_a,
        title="Dumped waste",
        description="Every week.",
        category="asb",
    )
    before = traces()
    steps = IssueStep.objects.count()
    # Everything is written (the move, its step, the notification and its outbox message),
    # then the request fails.
    made = fail_after(monkeypatch, "outbox.services.outbox_enqueue")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = failing_client("body_member").post(
            f"/issues/{issue.pk}/escalate/", {"escalate-reason": "Too big"}
        )
    assert made == [1]  # it did get as far as queueing the e-mail
    assert response.status_code == 500
    assert (Issue.objects.get(pk=issue.pk).body, IssueStep.objects.count()) == (
        world.bodies.jag_a,
        steps,
    )
    assert traces() == before
    assert callbacks == [] and mailoutbox == []


def test_logging_an_activity_that_fails_after_its_first_links_leaves_no_trace(
    world, failing_client, monkeypatch
):
    made = fail_after(monkeypatch, "peoplezones.services.activities._set_links")
    response = failing_client("panel_a").post("/zones/zone-a/activities/new/", activity_post())
    assert made == [1]  # the activity and its domains were written
    assert response.status_code == 500
    assert not Activity.objects.exists()
    assert not ActivityDomain.objects.exists()
    assert not Activity.history.exists()


def test_accepting_an_initiative_that_fails_after_the_plan_changes_leaves_no_trace(
    world, failing_client, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    initiative_start_review(actor=world.people.officer, initiative=initiative)
    objective = ObjectiveFactory(zone=world.zones.a, title="Safer homes")
    before = traces()
    milestones = Milestone.objects.count()
    # The new milestone, the placement, the decision and the partner's notification are
    # written; then the request fails.
    made = fail_after(monkeypatch, "peoplezones.services.initiatives._tell_organisation")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = failing_client("officer").post(
            f"/initiatives/{initiative.pk}/accept/",
            {f"objective_{world.zones.a.pk}": objective.pk, f"milestone_{world.zones.a.pk}": "new"},
        )
    assert made == [1]
    assert response.status_code == 500
    initiative.refresh_from_db()
    assert (initiative.status, initiative.decided_at) == (Initiative.Status.UNDER_REVIEW, None)
    link = InitiativeZone.objects.get(initiative=initiative)
    assert (link.objective, link.milestone) == (None, None)
    assert Milestone.objects.count() == milestones
    assert traces() == before
    assert callbacks == [] and mailoutbox == []


def test_publishing_a_board_pack_that_fails_after_saving_it_leaves_the_draft(
    world, failing_client, monkeypatch
):
    pack = draft_pack(pack_world(world))
    history = BoardPack.history.count()
    made = fail_after(monkeypatch, "evaluation.services.packs.save_checked")
    response = failing_client("officer").post(f"/evaluation/packs/{pack.pk}/publish/")
    assert made == [1]
    assert response.status_code == 500
    pack.refresh_from_db()
    assert (pack.status, pack.published_at, bytes(pack.pdf or b"")) == ("draft", None, b"")
    assert BoardPack.history.count() == history


def test_the_500_page_of_a_failed_request_shows_no_traceback(world, failing_client, monkeypatch):
    fail_after(monkeypatch, "peoplezones.services.activities._set_links")
    response = failing_client("panel_a").post("/zones/zone-a/activities/new/", activity_post())
    page = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in page and "HalfWay" not in page and "<h1" in page
