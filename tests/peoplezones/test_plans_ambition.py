"""Ambition statement versions: draft → consulted → approved, one current approved version
per zone, older versions kept, and every illegal move refused with nothing changed."""

import pytest
from django.db import IntegrityError, transaction

from config.domain import DomainError
from peoplezones.models import AmbitionStatement, Zone
from peoplezones.services.plans import (
    AMBITION_TRANSITIONS,
    ambition_approve,
    ambition_draft_start,
    ambition_mark_consulted,
    ambition_return_to_draft,
    ambition_update,
)
from tests.factories_zones import AmbitionStatementFactory, days

Status = AmbitionStatement.Status
COALVILLE = "A community that has a strong identity where people are proud and feel safe."


def approved_version(world, text="First words.", *, consulted=-40, approved=-30):
    officer = world.people.officer
    draft = ambition_draft_start(actor=officer, zone=world.zones.a, text=text, measures="")
    consulted_version = ambition_mark_consulted(actor=officer, statement=draft, on=days(consulted))
    return ambition_approve(actor=officer, statement=consulted_version, on=days(approved))


def test_a_version_goes_from_draft_through_consultation_to_approval(world):
    officer = world.people.officer
    draft = ambition_draft_start(
        actor=officer, zone=world.zones.a, text=COALVILLE, measures="Residents' survey"
    )
    assert (draft.version, draft.status) == (1, Status.DRAFT)
    consulted = ambition_mark_consulted(actor=officer, statement=draft, on=days(-5))
    assert (consulted.status, consulted.consulted_on) == (Status.CONSULTED, days(-5))
    approved = ambition_approve(actor=officer, statement=consulted, on=days(-1))
    assert (approved.status, approved.approved_on, approved.approved_by) == (
        Status.APPROVED,
        days(-1),
        officer,
    )
    assert [r.status for r in approved.history.order_by("history_id")] == [
        "draft",
        "consulted",
        "approved",
    ]


def test_approving_a_new_version_supersedes_the_old_one_which_is_kept(world):
    first = approved_version(world)
    second = ambition_draft_start(actor=world.people.officer, zone=world.zones.a)
    assert (second.version, second.text) == (2, "First words.")  # starts from the approved
    ambition_update(actor=world.people.officer, statement=second, text=COALVILLE)
    second = ambition_mark_consulted(actor=world.people.officer, statement=second, on=days(-3))
    ambition_approve(actor=world.people.officer, statement=second, on=days(-2))
    first.refresh_from_db()
    assert (first.status, first.superseded_on, first.text) == (
        Status.SUPERSEDED,
        days(-2),
        "First words.",
    )
    current = world.zones.a.ambition_statements.filter(status=Status.APPROVED)
    assert [s.text for s in current] == [COALVILLE]


def test_the_database_allows_one_approved_version_per_zone(world):
    approved_version(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        AmbitionStatementFactory(
            zone=world.zones.a,
            version=9,
            status=Status.APPROVED,
            consulted_on=days(-2),
            approved_on=days(-1),
        )
    # Another zone has its own approved version.
    AmbitionStatementFactory(
        zone=world.zones.b, status=Status.APPROVED, consulted_on=days(-2), approved_on=days(-1)
    )


def test_the_database_refuses_an_approved_version_without_its_date(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        AmbitionStatementFactory(zone=world.zones.a, status=Status.APPROVED, consulted_on=days(-1))


@pytest.mark.parametrize(
    ("start", "move"),
    [
        (start, move)
        for start in Status
        for move, target in [
            ("consult", Status.CONSULTED),
            ("approve", Status.APPROVED),
            ("redraft", Status.DRAFT),
        ]
        if target not in AMBITION_TRANSITIONS[start]
    ],
)
def test_every_illegal_move_is_refused_and_changes_nothing(world, start, move):
    dates = {
        Status.DRAFT: {},
        Status.CONSULTED: {"consulted_on": days(-9)},
        Status.APPROVED: {"consulted_on": days(-9), "approved_on": days(-8)},
        Status.SUPERSEDED: {"consulted_on": days(-9), "approved_on": days(-8)},
    }[start]
    statement = AmbitionStatementFactory(zone=world.zones.a, status=start, **dates)
    before = statement.history.count()
    officer = world.people.officer
    with pytest.raises(DomainError, match="cannot be marked"):
        if move == "consult":
            ambition_mark_consulted(actor=officer, statement=statement, on=days(-1))
        elif move == "approve":
            ambition_approve(actor=officer, statement=statement, on=days(-1))
        else:
            ambition_return_to_draft(actor=officer, statement=statement)
    statement.refresh_from_db()
    assert (statement.status, statement.history.count()) == (start, before)


def test_only_a_draft_can_change_its_words(world):
    approved = approved_version(world)
    with pytest.raises(DomainError, match="only a draft can be changed"):
        ambition_update(actor=world.people.officer, statement=approved, text="Other words")
    approved.refresh_from_db()
    assert approved.text == "First words."


def test_a_consulted_version_goes_back_to_draft_to_change_its_words(world):
    officer = world.people.officer
    draft = ambition_draft_start(actor=officer, zone=world.zones.a, text="Draft words")
    consulted = ambition_mark_consulted(actor=officer, statement=draft, on=days(-1))
    redrafted = ambition_return_to_draft(actor=officer, statement=consulted)
    assert (redrafted.status, redrafted.consulted_on) == (Status.DRAFT, None)
    assert ambition_update(actor=officer, statement=redrafted, text="Better").text == "Better"


def test_one_version_in_the_making_at_a_time(world):
    ambition_draft_start(actor=world.people.officer, zone=world.zones.a, text="One")
    with pytest.raises(DomainError, match="Version 1 is still draft"):
        ambition_draft_start(actor=world.people.officer, zone=world.zones.a, text="Two")
    assert world.zones.a.ambition_statements.count() == 1


def test_a_first_version_needs_words(world):
    with pytest.raises(DomainError) as refused:
        ambition_draft_start(actor=world.people.officer, zone=world.zones.a, text="  ")
    assert refused.value.field == "text"


@pytest.mark.parametrize(
    ("consulted", "approved", "problem"),
    [
        (-5, -6, "before it was consulted on"),
        (-5, 1, "future"),
    ],
)
def test_approval_dates_must_make_sense(world, consulted, approved, problem):
    officer = world.people.officer
    draft = ambition_draft_start(actor=officer, zone=world.zones.a, text="Words")
    statement = ambition_mark_consulted(actor=officer, statement=draft, on=days(consulted))
    with pytest.raises(DomainError, match=problem):
        ambition_approve(actor=officer, statement=statement, on=days(approved))
    statement.refresh_from_db()
    assert statement.status == Status.CONSULTED


def test_a_new_version_cannot_be_approved_before_the_current_one(world):
    approved_version(world, consulted=-40, approved=-30)
    officer = world.people.officer
    second = ambition_draft_start(actor=officer, zone=world.zones.a)
    second = ambition_mark_consulted(actor=officer, statement=second, on=days(-35))
    with pytest.raises(DomainError, match="approved on"):
        ambition_approve(actor=officer, statement=second, on=days(-34))
    assert world.zones.a.ambition_statements.get(version=1).status == Status.APPROVED


def test_consultation_cannot_be_dated_in_the_future(world):
    draft = ambition_draft_start(actor=world.people.officer, zone=world.zones.a, text="Words")
    with pytest.raises(DomainError, match="future"):
        ambition_mark_consulted(actor=world.people.officer, statement=draft, on=days(1))


def test_a_closed_zone_keeps_its_ambition_as_it_was(world):
    approved_version(world)
    Zone.objects.filter(pk=world.zones.a.pk).update(status=Zone.Status.CLOSED)
    world.zones.a.refresh_from_db()
    with pytest.raises(DomainError, match="closed"):
        ambition_draft_start(actor=world.people.officer, zone=world.zones.a, text="New")
