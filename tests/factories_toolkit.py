"""Factories and helpers for the toolkit: methods are made through the services, as officers
make them, so their search vectors, versions and change log are real."""

import itertools

from governance.models import Organisation
from tests.factories import OrganisationFactory, UserFactory
from toolkit.models import Method
from toolkit.services import (
    FeedbackDetails,
    MethodContent,
    feedback_moderate,
    feedback_submit,
    method_create,
    method_publish,
    method_submit,
)

_numbers = itertools.count(1)


def toolkit_officer():
    """An OPCC officer who writes and publishes methods."""
    opcc = OrganisationFactory(name="Test OPCC", kind=Organisation.Kind.OPCC)
    return UserFactory(organisation=opcc)


def method_content(title: str = "", **overrides) -> MethodContent:
    """Complete content for a method; any field may be given."""
    number = next(_numbers)
    values = {
        "title": title or f"Test method {number}",
        "summary": "A way of working with residents on a local problem.",
        "when_to_use": "When residents raise a problem together.",
        "people_needed": "A facilitator and residents.",
        "time_needed": "Two hours.",
        "materials": "Flipchart and pens.",
        "budget": "None.",
        "tips": "Listen first.\nReport back.",
        "risks": "Raising hopes: promise only what you can do.",
        "evidence_effect": "Not evaluated.",
        "evidence_mechanism": "People feel heard.",
        "evidence_moderators": "Works best with follow-up.",
        "evidence_implementation": "Needs a named owner.",
        "evidence_economic_cost": "Staff time only.",
        "evidence_strength": "practice",
        "effort": "light",
        "cost": "none",
        "keywords": "",
        "tags": {"domain": ["safety"]},
        "steps": [("Meet", "Meet residents."), ("Act", "Do what was agreed.")],
        "related": [],
    }
    values.update(overrides)
    return MethodContent(**values)


def draft_method(actor=None, **content) -> Method:
    """A method in draft, never published."""
    return method_create(actor=actor or toolkit_officer(), content=method_content(**content))


def published_method(actor=None, note: str = "First version.", **content) -> Method:
    """A method drafted, reviewed and published (version 1)."""
    actor = actor or toolkit_officer()
    method = draft_method(actor, **content)
    method = method_submit(actor=actor, method=method)
    return method_publish(actor=actor, method=method, note=note)


def feedback_on(method: Method, *, decision: str | None = None, actor=None, **details):
    """Feedback on a published method, pending unless `decision` is approve or reject."""
    values = {"rating": 4, "how_it_went": "It went well for us.", **details}
    feedback = feedback_submit(method=method, details=FeedbackDetails(**values))
    if decision:
        feedback = feedback_moderate(
            actor=actor or toolkit_officer(), feedback=feedback, decision=decision
        )
    return feedback


__all__ = [
    "draft_method",
    "feedback_on",
    "method_content",
    "published_method",
    "toolkit_officer",
]
