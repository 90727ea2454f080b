"""Factories for zones' plans: workshops, key issues, consultations, ambition statements,
objectives and milestones, core teams and ingredients."""

import datetime

import factory
from django.utils import timezone

from governance.models import Organisation
from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    ZoneIngredient,
)
from tests.factories import OrganisationFactory, ZoneFactory


def days(n: int) -> datetime.date:
    """The date n days from today (negative: in the past)."""
    return timezone.localdate() + datetime.timedelta(days=n)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    zone = factory.SubFactory(ZoneFactory)
    held_on = factory.LazyFunction(lambda: days(-60))
    title = factory.Sequence(lambda n: f"Community workshop {n}")
    attendees = 24


class KeyIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyIssue

    zone = factory.SubFactory(ZoneFactory)
    title = factory.Sequence(lambda n: f"Key issue {n}")
    theme = "safety"


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    zone = factory.SubFactory(ZoneFactory)
    title = factory.Sequence(lambda n: f"Residents' survey {n}")
    method = Consultation.Method.SURVEY
    starts_on = factory.LazyFunction(lambda: days(-50))
    ends_on = factory.LazyFunction(lambda: days(-30))
    respondents = 120


class AmbitionStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AmbitionStatement

    zone = factory.SubFactory(ZoneFactory)
    version = factory.Sequence(lambda n: n + 1)
    text = "A community that has a strong identity where people are proud and feel safe."
    status = AmbitionStatement.Status.DRAFT


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    zone = factory.SubFactory(ZoneFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")
    theme = "safety"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    objective = factory.SubFactory(ObjectiveFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = factory.LazyFunction(lambda: days(30))
    status = Milestone.Status.ON_TRACK
    owner_name = "Community panel"


class CoreTeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreTeamMember

    zone = factory.SubFactory(ZoneFactory)
    name = factory.Sequence(lambda n: f"Lead {n}")
    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.LOCAL_AUTHORITY)
    role = CoreTeamMember.Role.OPERATIONAL_LEAD


class IngredientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ingredient
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Ingredient {n}")
    position = factory.Sequence(lambda n: n)


class ZoneIngredientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZoneIngredient

    zone = factory.SubFactory(ZoneFactory)
    ingredient = factory.SubFactory(IngredientFactory)
    status = ZoneIngredient.Status.IN_PROGRESS
    evidence = "Named officers attend the monthly café."


def full_team(zone, *, lac: bool = True) -> list[CoreTeamMember]:
    """A core team that covers every agency (and a co-ordinator when asked)."""
    kinds = ["local_authority", "police", "fire", "health"]
    members = [
        CoreTeamMemberFactory(
            zone=zone, organisation=OrganisationFactory(name=f"Team {kind}", kind=kind)
        )
        for kind in kinds
    ]
    if lac:
        members.append(
            CoreTeamMemberFactory(
                zone=zone,
                role=CoreTeamMember.Role.LOCAL_AREA_COORDINATOR,
                organisation=OrganisationFactory(name="Team local_authority"),
            )
        )
    return members
