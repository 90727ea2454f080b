"""The review events of the demo data: one held with everything recorded, one to come with
allocations proposed; loading twice changes nothing."""

from io import StringIO

from django.core.management import call_command

from governance.models import Allocation, InKindContribution, ReviewEvent, Spend


def counts() -> tuple:
    return tuple(m.objects.count() for m in (ReviewEvent, Allocation, Spend, InKindContribution))


def test_demo_has_a_held_and_an_upcoming_review_event_and_loads_twice(db):
    call_command("seed_demo", stdout=StringIO())
    loaded = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == loaded
    held = ReviewEvent.objects.get(status="held")
    assert held.direction and held.plans.count() >= 8 and held.direction_items.exists()
    assert Spend.objects.filter(allocation__event=held).exists()
    assert held.in_kind_contributions.count() == 4
    upcoming = ReviewEvent.objects.filter(status="planned", date__gt=held.date).order_by("date")
    assert upcoming.first().allocations.count() == 3
