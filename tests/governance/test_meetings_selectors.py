"""The reads other parts use: next meetings and overdue actions, per body."""

from datetime import timedelta

from django.utils import timezone

from governance.models import Body
from governance.selectors.meetings import next_meetings_by_body, overdue_action_counts_by_body
from tests.factories import BodyFactory
from tests.factories_meetings import ActionFactory, MeetingFactory


def test_next_meeting_of_each_body_skips_past_and_cancelled_meetings(world):
    jag_a, jag_b = world.bodies.jag_a, world.bodies.jag_b
    now = timezone.now()
    MeetingFactory(body=jag_a, starts_at=now - timedelta(days=1))
    MeetingFactory(body=jag_a, starts_at=now + timedelta(days=3), status="cancelled")
    soonest = MeetingFactory(body=jag_a, starts_at=now + timedelta(days=5))
    MeetingFactory(body=jag_a, starts_at=now + timedelta(days=40))
    other = MeetingFactory(body=jag_b, starts_at=now + timedelta(days=9))

    found = next_meetings_by_body(body_ids=[jag_a.pk, jag_b.pk, world.bodies.spb.pk])

    assert found == {jag_a.pk: soonest, jag_b.pk: other}
    assert next_meetings_by_body(body_ids=[]) == {}


def test_next_meetings_take_the_same_queries_for_many_bodies(world, django_assert_num_queries):
    bodies = [world.bodies.jag_a]
    with django_assert_num_queries(1):
        next_meetings_by_body(body_ids=[b.pk for b in bodies])
    for _ in range(6):
        body = BodyFactory(level=Body.Level.CSP, parent=world.bodies.sog)
        MeetingFactory.create_batch(2, body=body)
        bodies.append(body)
    with django_assert_num_queries(1):
        found = next_meetings_by_body(body_ids=[b.pk for b in bodies])
        assert all(m.body.name for m in found.values())
    assert len(found) == 6


def test_overdue_actions_are_counted_per_body_leaving_done_and_future_ones_out(
    world, django_assert_num_queries
):
    jag_a, jag_b = world.bodies.jag_a, world.bodies.jag_b
    late = timezone.localdate() - timedelta(days=2)
    ActionFactory.create_batch(2, meeting__body=jag_a, due_date=late)
    ActionFactory(meeting__body=jag_a, due_date=late, status="in_progress")
    ActionFactory(meeting__body=jag_a, due_date=late, status="done")
    ActionFactory(meeting__body=jag_a, due_date=late, status="dropped")
    ActionFactory(meeting__body=jag_a)  # due in a fortnight
    ActionFactory(meeting__body=jag_b, due_date=late)

    with django_assert_num_queries(1):
        counts = overdue_action_counts_by_body(body_ids=[jag_a.pk, jag_b.pk, world.bodies.spb.pk])

    assert counts == {jag_a.pk: 3, jag_b.pk: 1}
