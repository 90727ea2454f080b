"""The demo: every body has a held meeting last month and a scheduled one next month."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from governance.models import Action, AgendaItem, Attendance, Body, Decision, Meeting


def counts() -> dict[str, int]:
    models = (Meeting, AgendaItem, Attendance, Decision, Action)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_meetings_for_every_body_and_safe_to_run_again(db):
    call_command("seed_demo", stdout=StringIO())
    today = timezone.localdate()
    for body in Body.objects.all():
        held = Meeting.objects.get(body=body, status="held")
        coming = Meeting.objects.get(body=body, status="scheduled")
        assert (
            timezone.localtime(held.starts_at).date()
            < today
            < timezone.localtime(coming.starts_at).date()
        )
        assert held.attendances.filter(status="present").exists()
        assert held.minutes and held.decisions.exists()
        assert coming.agenda_items.filter(source_key="standing:aob").exists()
        # Last month's overdue action is on next month's agenda.
        assert coming.agenda_items.filter(kind="action", flag="Overdue").exists(), body
    statuses = set(Action.objects.values_list("status", flat=True))
    assert {"done", "open", "in_progress"} <= statuses
    assert Action.objects.overdue().exists()
    before = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before
