"""The initiative workflow: every allowed move, every illegal one, and who is told."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from config.domain import DomainError
from governance.models import Notification
from peoplezones.models import Initiative, InitiativeZone, Milestone
from peoplezones.services.initiatives import (
    InitiativeDetails,
    Placement,
    initiative_accept,
    initiative_decline,
    initiative_start_review,
    initiative_submit,
    initiative_withdraw,
)
from tests.factories import UserFactory
from tests.factories_activities import (
    CoreTeamMemberFactory,
    InitiativeFactory,
    MilestoneFactory,
    ObjectiveFactory,
)

S = Initiative.Status


def offer(**overrides) -> InitiativeDetails:
    values = {
        "title": "Safe and Well visits",
        "description": "Home fire safety checks with advice on falls and scams.",
        "audience": "Older residents living alone",
        "resources_offered": "Two firefighters one day a month",
        "starts_on": timezone.localdate() + datetime.timedelta(days=7),
        "contact_name": "Sam Station",
        "contact_email": "sam@example.org",
    }
    values.update(overrides)
    return InitiativeDetails(**values)


@pytest.fixture
def submitted(world):
    return InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])


def under_review(world, initiative):
    return initiative_start_review(actor=world.people.officer, initiative=initiative)


def test_partner_submits_for_several_active_zones(world):
    initiative = initiative_submit(
        actor=world.people.partner_x,
        zones=[world.zones.a, world.zones.b],
        details=offer(cost_to_zone=Decimal("0")),
    )
    assert initiative.status == S.SUBMITTED
    assert initiative.organisation == world.organisations.x
    assert set(initiative.zones.all()) == {world.zones.a, world.zones.b}
    assert initiative.is_free_to_zone


@pytest.mark.parametrize("status", ["closed", "proposed"])
def test_initiatives_go_only_to_active_zones(world, status):
    world.zones.b.status = status
    world.zones.b.save()
    with pytest.raises(DomainError, match="Zone B is not active") as refused:
        initiative_submit(
            actor=world.people.partner_x, zones=[world.zones.a, world.zones.b], details=offer()
        )
    assert refused.value.field == "zones"
    assert not Initiative.objects.exists()


def test_only_partner_staff_submit(world):
    for person in (world.people.officer, world.people.panel_a, world.people.board):
        with pytest.raises(PermissionDenied):
            initiative_submit(actor=person, zones=[world.zones.a], details=offer())
    assert not Initiative.objects.exists()


def test_an_end_before_the_start_is_refused_by_the_database_rules(world):
    start = timezone.localdate()
    with pytest.raises(Exception, match="ends_after_start|End date"):
        initiative_submit(
            actor=world.people.partner_x,
            zones=[world.zones.a],
            details=offer(starts_on=start, ends_on=start - datetime.timedelta(days=1)),
        )
    assert not Initiative.objects.exists()


def test_review_then_accept_links_a_new_milestone_into_the_plan(world, submitted):
    objective = ObjectiveFactory(zone=world.zones.a)
    submitted.ends_on = timezone.localdate() + datetime.timedelta(days=90)
    submitted.save()
    under_review(world, submitted)
    initiative_accept(
        actor=world.people.officer,
        initiative=submitted,
        placements=[Placement(world.zones.a, objective)],
        note="Welcome: start with the flats on Aikman Avenue.",
    )
    submitted.refresh_from_db()
    assert submitted.status == S.ACCEPTED
    assert submitted.decided_by == world.people.officer and submitted.decided_at
    link = InitiativeZone.objects.get(initiative=submitted)
    assert link.objective == objective
    milestone = link.milestone
    assert milestone.objective == objective and milestone.title == submitted.title
    assert milestone.owner_organisation == world.organisations.x
    assert milestone.due_on == submitted.ends_on


def test_accept_can_link_an_existing_milestone_of_the_objective(world, submitted):
    objective = ObjectiveFactory(zone=world.zones.a)
    existing = MilestoneFactory(objective=objective)
    under_review(world, submitted)
    initiative_accept(
        actor=world.people.officer,
        initiative=submitted,
        placements=[Placement(world.zones.a, objective, existing)],
    )
    assert InitiativeZone.objects.get(initiative=submitted).milestone == existing
    assert Milestone.objects.count() == 1


def test_accept_refuses_an_objective_of_another_zone_and_changes_nothing(world, submitted):
    elsewhere = ObjectiveFactory(zone=world.zones.b)
    under_review(world, submitted)
    with pytest.raises(DomainError, match="Choose an objective of Zone A"):
        initiative_accept(
            actor=world.people.officer,
            initiative=submitted,
            placements=[Placement(world.zones.a, elsewhere)],
        )
    submitted.refresh_from_db()
    assert submitted.status == S.UNDER_REVIEW and not Milestone.objects.exists()


def test_accept_needs_a_place_in_every_zones_plan(world):
    initiative = InitiativeFactory(
        submitted_by=world.people.partner_x, zones=[world.zones.a, world.zones.b]
    )
    under_review(world, initiative)
    objective_a = ObjectiveFactory(zone=world.zones.a)
    with pytest.raises(DomainError, match="Zone B's delivery plan"):
        initiative_accept(
            actor=world.people.officer,
            initiative=initiative,
            placements=[Placement(world.zones.a, objective_a)],
        )
    assert Initiative.objects.get(pk=initiative.pk).status == S.UNDER_REVIEW


def test_accept_refuses_a_milestone_of_another_objective(world, submitted):
    objective, other = ObjectiveFactory(zone=world.zones.a), ObjectiveFactory(zone=world.zones.a)
    stranger = MilestoneFactory(objective=other)
    under_review(world, submitted)
    with pytest.raises(DomainError, match="belongs to another objective"):
        initiative_accept(
            actor=world.people.officer,
            initiative=submitted,
            placements=[Placement(world.zones.a, objective, stranger)],
        )


def test_decline_needs_a_reason_and_records_it(world, submitted):
    under_review(world, submitted)
    with pytest.raises(DomainError) as refused:
        initiative_decline(actor=world.people.officer, initiative=submitted, reason="  ")
    assert refused.value.field == "reason"
    initiative_decline(
        actor=world.people.officer, initiative=submitted, reason="A similar scheme runs already."
    )
    submitted.refresh_from_db()
    assert submitted.status == S.DECLINED
    assert submitted.decision_reason == "A similar scheme runs already."


def test_the_submitting_organisation_is_told_of_the_decision_once(
    world, submitted, django_capture_on_commit_callbacks
):
    colleague = UserFactory(organisation=world.organisations.x)
    UserFactory(organisation=world.organisations.x, is_active=False)
    under_review(world, submitted)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        initiative_decline(
            actor=world.people.officer, initiative=submitted, reason="Not this year."
        )
    notified = Notification.objects.filter(kind=Notification.Kind.INITIATIVE_DECIDED)
    assert {n.recipient for n in notified} == {world.people.partner_x, colleague}
    note = notified.first()
    assert note.subject == f"Initiative declined: {submitted.title}"
    assert "Reason: Not this year." in note.message
    assert note.url == f"/initiatives/{submitted.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.people.partner_x.email, colleague.email]
    )
    assert not Notification.objects.filter(recipient=world.people.partner_y).exists()


def test_withdraw_before_a_decision_by_the_submitting_organisation(world, submitted):
    colleague = UserFactory(organisation=world.organisations.x)
    initiative_withdraw(actor=colleague, initiative=submitted)
    submitted.refresh_from_db()
    assert submitted.status == S.WITHDRAWN and submitted.withdrawn_by == colleague


def test_withdraw_while_under_review(world, submitted):
    under_review(world, submitted)
    initiative_withdraw(actor=world.people.partner_x, initiative=submitted)
    assert Initiative.objects.get(pk=submitted.pk).status == S.WITHDRAWN


def test_another_organisation_cannot_withdraw(world, submitted):
    for person in (world.people.partner_y, world.people.officer):
        with pytest.raises(PermissionDenied):
            initiative_withdraw(actor=person, initiative=submitted)
    assert Initiative.objects.get(pk=submitted.pk).status == S.SUBMITTED


def test_core_team_of_the_zone_reviews_but_not_of_another_zone(world, submitted):
    CoreTeamMemberFactory(zone=world.zones.b, user=world.people.partner_y)
    with pytest.raises(PermissionDenied):
        initiative_start_review(actor=world.people.partner_y, initiative=submitted)
    core = CoreTeamMemberFactory(zone=world.zones.a, user=UserFactory()).user
    initiative_start_review(actor=core, initiative=submitted)
    submitted.refresh_from_db()
    assert submitted.status == S.UNDER_REVIEW and submitted.reviewer == core


def test_a_core_team_member_does_not_review_their_own_organisations_offer(world, submitted):
    CoreTeamMemberFactory(zone=world.zones.a, user=world.people.partner_x)
    with pytest.raises(PermissionDenied):
        initiative_start_review(actor=world.people.partner_x, initiative=submitted)
    assert Initiative.objects.get(pk=submitted.pk).status == S.SUBMITTED


def test_submitters_and_panel_members_cannot_review(world, submitted):
    for person in (world.people.partner_x, world.people.panel_a, world.people.board):
        with pytest.raises(PermissionDenied):
            initiative_start_review(actor=person, initiative=submitted)


def _to(world, initiative, status):
    """Bring the initiative to `status` through the workflow."""
    objective = ObjectiveFactory(zone=world.zones.a)
    officer = world.people.officer
    if status in (S.UNDER_REVIEW, S.ACCEPTED, S.DECLINED):
        initiative_start_review(actor=officer, initiative=initiative)
    if status == S.ACCEPTED:
        initiative_accept(
            actor=officer, initiative=initiative, placements=[Placement(world.zones.a, objective)]
        )
    if status == S.DECLINED:
        initiative_decline(actor=officer, initiative=initiative, reason="No.")
    if status == S.WITHDRAWN:
        initiative_withdraw(actor=world.people.partner_x, initiative=initiative)
    return objective


ILLEGAL = [
    (S.SUBMITTED, "accept"),
    (S.SUBMITTED, "decline"),
    (S.UNDER_REVIEW, "review"),
    (S.ACCEPTED, "review"),
    (S.ACCEPTED, "accept"),
    (S.ACCEPTED, "decline"),
    (S.ACCEPTED, "withdraw"),
    (S.DECLINED, "review"),
    (S.DECLINED, "accept"),
    (S.DECLINED, "decline"),
    (S.DECLINED, "withdraw"),
    (S.WITHDRAWN, "review"),
    (S.WITHDRAWN, "accept"),
    (S.WITHDRAWN, "decline"),
    (S.WITHDRAWN, "withdraw"),
]


def test_the_illegal_list_is_every_move_the_transitions_leave_out():
    legal = {(src, act) for act, (srcs, _) in Initiative.TRANSITIONS.items() for src in srcs}
    everything = {(s, a) for s in S for a in Initiative.TRANSITIONS}
    assert set(ILLEGAL) == everything - legal


@pytest.mark.parametrize(("status", "action"), ILLEGAL)
def test_every_illegal_move_is_refused_and_changes_nothing(world, submitted, status, action):
    objective = _to(world, submitted, status)
    before = Initiative.objects.get(pk=submitted.pk)
    history = before.history.count()
    officer = world.people.officer
    move = {
        "review": lambda: initiative_start_review(actor=officer, initiative=submitted),
        "accept": lambda: initiative_accept(
            actor=officer, initiative=submitted, placements=[Placement(world.zones.a, objective)]
        ),
        "decline": lambda: initiative_decline(actor=officer, initiative=submitted, reason="No"),
        "withdraw": lambda: initiative_withdraw(actor=world.people.partner_x, initiative=submitted),
    }[action]
    with pytest.raises(DomainError, match=f"This initiative is {status.label.lower()}"):
        move()
    after = Initiative.objects.get(pk=submitted.pk)
    assert (after.status, after.decided_at, after.decision_reason) == (
        before.status,
        before.decided_at,
        before.decision_reason,
    )
    assert after.history.count() == history
