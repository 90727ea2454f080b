"""Factories and helpers for issues and priorities."""

from datetime import timedelta

import factory
from django.utils import timezone

from governance.models import Issue, IssueStep, Priority, PriorityAssignment
from tests.factories import UserFactory


class IssueFactory(factory.django.DjangoModelFactory):
    """An issue just raised at a body (with its first step)."""

    class Meta:
        model = Issue
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Issue {n}")
    description = "Fly-tipping behind the parade keeps coming back."
    area = "Test area"
    category = "asb"
    urgency = Issue.Urgency.MEDIUM
    raised_by = factory.SubFactory(UserFactory)
    body = factory.SelfAttribute("raised_at")

    @factory.post_generation
    def raised_step(obj, create, extracted, **kwargs):
        if create:
            IssueStep.objects.create(
                issue=obj,
                action=IssueStep.Action.RAISED,
                actor=obj.raised_by,
                from_body=obj.raised_at,
                to_body=obj.raised_at,
                created_at=obj.created_at,
            )


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    title = factory.Sequence(lambda n: f"Priority {n}")
    description = "Reduce serious violence in the night-time economy."
    rationale = "The strategic assessment shows a rise."
    theme = Priority.Theme.VIOLENCE
    period_start = factory.LazyFunction(timezone.localdate)
    period_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))
    acknowledge_by = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    set_by = factory.SubFactory(UserFactory)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityAssignment

    priority = factory.SubFactory(PriorityFactory)


def age(issue: Issue, days: int) -> Issue:
    """Make an issue look as if it arrived at its body `days` ago."""
    Issue.objects.filter(pk=issue.pk).update(arrived_at=timezone.now() - timedelta(days=days))
    issue.refresh_from_db()
    return issue
