"""Fixtures of the toolkit tests: a small library of methods in every editorial state."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from tests.factories_toolkit import draft_method, published_method, toolkit_officer
from toolkit import services
from toolkit.content.problem_solving import STREET_LIGHT_AUDIT
from toolkit.demo import _content


@pytest.fixture
def officer(db):
    return toolkit_officer()


@pytest.fixture
def library(officer):
    """The real street-light audit, two more published methods, and one method in each
    state the public must never see."""
    content = _content(STREET_LIGHT_AUDIT, [])
    content.keywords = ""  # PostgreSQL must find it by stemming, not by keyword
    audit = services.method_create(actor=officer, content=content, slug="street-light-audit")
    audit = services.method_submit(actor=officer, method=audit)
    audit = services.method_publish(actor=officer, method=audit, note="First version.")
    walkabout = published_method(
        officer,
        title="Community walkabout",
        summary="Residents and officers walk the neighbourhood together.",
        tags={
            "domain": ["safety", "resources"],
            "principle": ["community_enabled"],
            "problem": ["public_spaces"],
            "group_size": ["medium"],
            "sara_stage": ["scanning"],
        },
        effort="moderate",
        cost="low",
    )
    budgeting = published_method(
        officer,
        title="Participatory budgeting",
        summary="Residents vote on how to spend a local budget.",
        tags={
            "domain": ["resources", "skills"],
            "principle": ["resilience_building"],
            "problem": ["priorities"],
            "group_size": ["large"],
            "sara_stage": ["response"],
        },
        effort="substantial",
        cost="high",
    )
    hidden = SimpleNamespace(
        draft=draft_method(officer, title="Secret lighting draft"),
        in_review=services.method_submit(
            actor=officer, method=draft_method(officer, title="Lighting in review")
        ),
        unpublished=services.method_unpublish(
            actor=officer,
            method=published_method(officer, title="Withdrawn lighting guide"),
            note="Out of date.",
        ),
    )
    revision = services.method_revision_start(actor=officer, method=walkabout)
    content = replace(services.MethodContent.of(revision), title="Walkabout revised lighting")
    hidden.revision = services.method_update(actor=officer, method=revision, content=content)
    return SimpleNamespace(
        audit=audit, walkabout=walkabout, budgeting=budgeting, hidden=hidden, officer=officer
    )
