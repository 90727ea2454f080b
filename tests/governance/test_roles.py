import pytest

from governance.permissions import (
    is_board_member,
    is_body_member,
    is_member_of_body,
    is_opcc_officer,
    is_partner_user,
)
from governance.selectors import roles_for
from peoplezones.permissions import is_panel_member, is_panel_member_of_zone

EXPECTED = {
    # role: (officer, board member, body member, panel member, partner)
    "officer": (True, False, False, False, False),
    "board": (False, True, True, False, False),
    "body_member": (False, False, True, False, False),
    "panel_a": (False, False, False, True, False),
    "panel_b": (False, False, False, True, False),
    "partner_x": (False, False, False, False, True),
    "partner_y": (False, False, False, False, True),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_roles_follow_from_relations(world, role):
    user = getattr(world.people, role)
    predicates = (
        is_opcc_officer,
        is_board_member,
        is_body_member,
        is_panel_member,
        is_partner_user,
    )
    assert tuple(p(user) for p in predicates) == EXPECTED[role]


def test_anonymous_visitor_holds_no_role(world):
    from django.contrib.auth.models import AnonymousUser

    assert roles_for(AnonymousUser()).labels == []


def test_deactivated_person_loses_every_role(world):
    officer = world.people.officer
    officer.is_active = False
    assert not is_opcc_officer(officer)


def test_board_membership_ends_with_the_seat(world):
    board = world.people.board
    board.memberships.all().delete()
    board.refresh_from_db()
    assert not is_board_member(board)


def test_body_and_zone_membership_are_per_object(world):
    assert is_member_of_body(world.people.body_member, world.bodies.jag_a)
    assert not is_member_of_body(world.people.body_member, world.bodies.jag_b)
    assert is_panel_member_of_zone(world.people.panel_a, world.zones.a)
    assert not is_panel_member_of_zone(world.people.panel_a, world.zones.b)


def test_roles_are_read_once_per_request(world, django_assert_num_queries):
    user = world.people.board
    with django_assert_num_queries(2):
        roles_for(user)
        roles_for(user)
        is_board_member(user)
