"""Factories for meetings, agenda items, attendance, decisions and actions."""

from datetime import timedelta

import factory
from django.utils import timezone

from governance.models import Action, AgendaItem, Attendance, Decision, Meeting
from tests.factories import BodyFactory, UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=2))
    location = "Council chamber, Town Hall"
    status = Meeting.Status.SCHEDULED


class HeldMeetingFactory(MeetingFactory):
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    status = Meeting.Status.HELD


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(HeldMeetingFactory)
    person = factory.SubFactory(UserFactory)
    status = Attendance.Status.PRESENT


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(HeldMeetingFactory)
    text = factory.Sequence(lambda n: f"Decision {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    meeting = factory.SubFactory(HeldMeetingFactory)
    body = factory.LazyAttribute(lambda a: a.meeting.body)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner_person = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    status = Action.Status.OPEN
    completed_at = factory.LazyAttribute(
        lambda a: timezone.now() if a.status in ("done", "dropped") else None
    )
