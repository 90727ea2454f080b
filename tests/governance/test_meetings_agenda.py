"""The agenda: filled with what awaits the body and the standing items, filled again with
only what is new, edited by hand; and actions carried forward until they are done."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.domain import DomainError
from governance.models import AgendaItem, Issue
from governance.selectors.meetings import meeting_record
from governance.services.meetings import (
    action_update,
    agenda_fill,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    meeting_create,
)
from tests.factories_issues import AssignmentFactory, IssueFactory, PriorityFactory, age
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
)


def keys(meeting) -> list[str]:
    return list(meeting.agenda_items.order_by("position").values_list("source_key", flat=True))


def titles(meeting) -> list[str]:
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


def schedule(world, body=None, days=10):
    starts = timezone.now() + timedelta(days=days)
    return meeting_create(
        actor=world.people.officer,
        body=body or world.bodies.jag_a,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        location="Community centre",
    )


@pytest.fixture
def awaiting(world):
    """Something of every kind awaiting JAG A, and things that must not come."""
    jag_a, csp_a = world.bodies.jag_a, world.bodies.csp_a
    chair = world.people.body_member
    raised = IssueFactory(raised_at=jag_a, raised_by=chair, title="Fly-tipping on the parade")
    stale = age(IssueFactory(raised_at=jag_a, raised_by=chair, title="Broken CCTV"), 60)
    secret = IssueFactory(
        raised_at=jag_a, raised_by=chair, title="Exploitation", is_confidential=True
    )
    answered = IssueFactory(
        raised_at=jag_a,
        body=csp_a,
        came_from=jag_a,
        raised_by=chair,
        title="Drug dealing in the park",
        status=Issue.Status.RESOLVED,
        decision="The CSP funds a dispersal order.",
        decided_at=timezone.now() - timedelta(days=2),
        decided_by_body=csp_a,
    )
    IssueFactory(raised_at=world.bodies.jag_b, title="Another JAG's issue")
    priority = PriorityFactory(
        setting_body=world.bodies.spb,
        title="Violence against women and girls",
        acknowledge_by=timezone.localdate() - timedelta(days=1),
    )
    assignment = AssignmentFactory(priority=priority, body=jag_a)
    overdue = ActionFactory(
        meeting=HeldMeetingFactory(body=jag_a),
        description="Fix the lights",
        due_date=timezone.localdate() - timedelta(days=3),
    )
    ActionFactory(meeting__body=jag_a, description="Not due yet")
    return {
        "raised": raised,
        "stale": stale,
        "secret": secret,
        "answered": answered,
        "assignment": assignment,
        "overdue": overdue,
    }


def test_a_new_meeting_starts_with_standing_items_and_what_awaits_the_body(world, awaiting):
    meeting = schedule(world)
    a = awaiting
    assert keys(meeting) == [
        "standing:apologies",
        "standing:minutes",
        "standing:actions",
        f"issue:{a['stale'].pk}",  # the longest waiting first
        f"issue:{a['raised'].pk}",
        f"issue:{a['secret'].pk}",
        f"issue:{a['answered'].pk}",
        f"priority-assignment:{a['assignment'].pk}",
        f"action:{a['overdue'].pk}",
        "standing:aob",
    ]
    items = {item.source_key: item for item in meeting.agenda_items.all()}
    stale = items[f"issue:{a['stale'].pk}"]
    assert stale.flag == "Waiting too long" and stale.kind == "issue"
    assert stale.source_url == a["stale"].get_absolute_url()
    assert items[f"issue:{a['raised'].pk}"].flag == ""
    assert items[f"issue:{a['secret'].pk}"].is_confidential
    assert items[f"issue:{a['answered'].pk}"].title == "Outcome: Drug dealing in the park"
    priority = items[f"priority-assignment:{a['assignment'].pk}"]
    assert priority.title == "Priority: Violence against women and girls"
    assert priority.flag == "Overdue"
    assert items[f"action:{a['overdue'].pk}"].title == "Overdue action: Fix the lights"
    assert "Not due yet" not in " ".join(titles(meeting))


def test_the_minutes_item_points_to_the_last_held_meeting(world):
    previous = HeldMeetingFactory(body=world.bodies.jag_a)
    meeting = schedule(world)
    item = meeting.agenda_items.get(source_key="standing:minutes")
    assert item.source_url == previous.get_absolute_url()
    assert "(" in item.title


def test_filling_again_adds_only_what_is_new_before_any_other_business(world, awaiting):
    meeting = schedule(world)
    agenda_item_add(actor=None, meeting=meeting, title="Youth provision")
    before = keys(meeting)
    assert agenda_fill(actor=None, meeting=meeting) == []
    assert keys(meeting) == before

    fresh = IssueFactory(raised_at=world.bodies.jag_a, title="Graffiti on the bridge")
    added = agenda_fill(actor=None, meeting=meeting)

    assert [item.source_key for item in added] == [f"issue:{fresh.pk}"]
    assert keys(meeting) == [*before[:-1], f"issue:{fresh.pk}", "standing:aob"]
    assert AgendaItem.objects.filter(meeting=meeting, source_key=f"issue:{fresh.pk}").count() == 1


def test_edited_titles_are_kept_when_the_agenda_is_filled_again(world, awaiting):
    meeting = schedule(world)
    item = meeting.agenda_items.get(source_key=f"issue:{awaiting['raised'].pk}")
    agenda_item_update(actor=None, item=item, title="Fly-tipping: update from the council")
    agenda_fill(actor=None, meeting=meeting)
    item.refresh_from_db()
    assert item.title == "Fly-tipping: update from the council"


def test_a_removed_item_that_still_awaits_the_body_comes_back(world, awaiting):
    meeting = schedule(world)
    item = meeting.agenda_items.get(source_key=f"issue:{awaiting['raised'].pk}")
    agenda_item_remove(actor=None, item=item)
    assert f"issue:{awaiting['raised'].pk}" not in keys(meeting)
    assert list(meeting.agenda_items.values_list("position", flat=True)) == list(
        range(1, meeting.agenda_items.count() + 1)
    )
    agenda_fill(actor=None, meeting=meeting)
    assert f"issue:{awaiting['raised'].pk}" in keys(meeting)


def test_outcomes_already_taken_at_an_earlier_meeting_are_not_filled_again(world, awaiting):
    HeldMeetingFactory(body=world.bodies.jag_a, starts_at=timezone.now() - timedelta(days=1))
    meeting = schedule(world)
    assert f"issue:{awaiting['answered'].pk}" not in keys(meeting)


def test_items_added_by_hand_go_before_any_other_business_and_can_move(world):
    meeting = schedule(world)
    added = agenda_item_add(actor=None, meeting=meeting, title="Knife crime", presenter="Police")
    assert titles(meeting)[-2:] == ["Knife crime", "Any other business"]
    agenda_item_move(actor=None, item=added, up=True)
    assert titles(meeting)[-3] == "Knife crime"
    first = meeting.agenda_items.order_by("position").first()
    with pytest.raises(DomainError, match="already first"):
        agenda_item_move(actor=None, item=first, up=True)


@pytest.mark.parametrize("status", ["held", "cancelled"])
def test_the_agenda_of_a_held_or_cancelled_meeting_cannot_change(world, status):
    meeting = MeetingFactory(body=world.bodies.jag_a, status=status)
    item = AgendaItemFactory(meeting=meeting)
    calls = [
        lambda: agenda_fill(actor=None, meeting=meeting),
        lambda: agenda_item_add(actor=None, meeting=meeting, title="Late item"),
        lambda: agenda_item_update(actor=None, item=item, title="Changed"),
        lambda: agenda_item_move(actor=None, item=item, up=False),
        lambda: agenda_item_remove(actor=None, item=item),
    ]
    for call in calls:
        with pytest.raises(DomainError, match=f"agenda of a {status} meeting cannot change"):
            call()
    assert list(meeting.agenda_items.all()) == [item]
    item.refresh_from_db()
    assert item.title != "Changed"


# Actions carried forward -----------------------------------------------------------------
def test_actions_carry_forward_to_every_later_meeting_until_done(world):
    jag_a = world.bodies.jag_a
    first = HeldMeetingFactory(body=jag_a, starts_at=timezone.now() - timedelta(days=60))
    second = HeldMeetingFactory(body=jag_a, starts_at=timezone.now() - timedelta(days=30))
    coming = MeetingFactory(body=jag_a)
    lights = ActionFactory(meeting=first, description="Fix the lights")
    patrols = ActionFactory(meeting=second, description="Patrols", status="in_progress")
    ActionFactory(meeting=first, description="Already done", status="done")
    ActionFactory(meeting__body=world.bodies.jag_b, description="Another body's")

    def carried(meeting):
        record = meeting_record(meeting=meeting, can_see_confidential=True)
        return [a.description for a in record["carried_forward"]]

    assert carried(first) == []
    assert carried(second) == ["Fix the lights"]
    assert sorted(carried(coming)) == ["Fix the lights", "Patrols"]
    action_update(actor=None, action=lights, status="done")
    assert carried(coming) == ["Patrols"]
    action_update(actor=None, action=patrols, status="dropped")
    assert carried(coming) == []
    action_update(actor=None, action=lights, status="open")
    assert carried(coming) == ["Fix the lights"]


def test_a_body_that_never_met_hears_of_answers_from_the_last_90_days(world, awaiting):
    Issue.objects.filter(pk=awaiting["answered"].pk).update(
        decided_at=timezone.now() - timedelta(days=91)
    )
    meeting = schedule(world)
    assert f"issue:{awaiting['answered'].pk}" not in keys(meeting)
