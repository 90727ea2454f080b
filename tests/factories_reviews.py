"""Factories for the bi-annual review events."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from governance.models import Allocation, InKindContribution, ReviewEvent, Spend
from tests.factories import BodyFactory, OrganisationFactory, UserFactory


class ReviewEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewEvent

    date = factory.Sequence(lambda n: timezone.localdate() + datetime.timedelta(days=60 + 31 * n))
    period = factory.LazyAttribute(lambda e: f"{e.date:%Y-%m}")
    title = factory.LazyAttribute(lambda e: f"Review event, {e.date:%B %Y}")
    venue = "City Hall, Leicester"


class HeldReviewEventFactory(ReviewEventFactory):
    date = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=40 + 31 * n))
    status = ReviewEvent.Status.HELD
    invitations_sent_at = factory.LazyAttribute(
        lambda e: (
            timezone.make_aware(datetime.datetime.combine(e.date, datetime.time(9)))
            - datetime.timedelta(days=42)
        )
    )
    held_at = factory.LazyAttribute(
        lambda e: timezone.make_aware(datetime.datetime.combine(e.date, datetime.time(17)))
    )


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    event = factory.SubFactory(HeldReviewEventFactory)
    body = factory.SubFactory(BodyFactory)
    zone = None
    amount = Decimal("1000.00")
    purpose = factory.Sequence(lambda n: f"Purpose {n}")
    funding_source = Allocation.FundingSource.COMMUNITY_SAFETY_FUND


class SpendFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spend

    allocation = factory.SubFactory(AllocationFactory)
    date = factory.LazyAttribute(lambda s: s.allocation.event.date)
    amount = Decimal("100.00")
    description = factory.Sequence(lambda n: f"Spend {n}")
    recorded_by = factory.SubFactory(UserFactory)


class InKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InKindContribution

    event = factory.SubFactory(HeldReviewEventFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    description = factory.Sequence(lambda n: f"Contribution {n}")
    hours = Decimal("10.0")
    estimated_value = Decimal("250.00")
    recorded_by = factory.SubFactory(UserFactory)
