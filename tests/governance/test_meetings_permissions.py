"""Who manages a body's meetings, and who updates an action."""

import pytest

from governance.permissions import can_manage_meetings_of_body, can_update_action
from tests.factories import MembershipFactory, UserFactory
from tests.factories_meetings import ActionFactory


@pytest.mark.parametrize(
    ("role", "manages"),
    [
        ("chair", True),
        ("vice_chair", True),
        ("secretariat", True),
        ("member", False),
        ("observer", False),
    ],
)
def test_the_chair_vice_chair_and_secretariat_manage_their_bodys_meetings(world, role, manages):
    seat = MembershipFactory(body=world.bodies.csp_a, role=role)
    assert can_manage_meetings_of_body(seat.user, world.bodies.csp_a) is manages
    assert not can_manage_meetings_of_body(seat.user, world.bodies.csp_b)


def test_officers_manage_every_bodys_meetings_and_others_none(world):
    assert can_manage_meetings_of_body(world.people.officer, world.bodies.jag_b)
    for role in ("board", "panel_a", "partner_x"):
        assert not can_manage_meetings_of_body(getattr(world.people, role), world.bodies.jag_a)


def test_an_action_is_updated_by_its_owner_and_by_whoever_represents_the_owning_organisation(
    world,
):
    owner = UserFactory()
    action = ActionFactory(
        meeting__body=world.bodies.jag_a,
        owner_person=owner,
        owner_organisation=world.organisations.x,
    )
    representative = MembershipFactory(body=world.bodies.jag_a, organisation=world.organisations.x)
    employee = UserFactory(organisation=world.organisations.x)
    MembershipFactory(body=world.bodies.jag_a, user=employee, organisation=world.organisations.y)
    elsewhere = MembershipFactory(body=world.bodies.jag_b, organisation=world.organisations.x)
    assert can_update_action(owner, action)
    assert can_update_action(representative.user, action)
    assert can_update_action(employee, action)
    assert can_update_action(world.people.body_member, action)  # the chair of JAG A
    assert not can_update_action(elsewhere.user, action)
    assert not can_update_action(world.people.board, action)
    assert not can_update_action(world.people.partner_x, action)  # same organisation, no seat
