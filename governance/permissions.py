"""Who may do what in the partnership. Pages, API and admin all ask these predicates."""

import rules

from governance.selectors import roles_for


@rules.predicate
def is_opcc_officer(user) -> bool:
    """Staff of the OPCC: they manage everything."""
    return roles_for(user).is_officer


@rules.predicate
def is_board_member(user) -> bool:
    """Members of a Strategic Partnership Board: they read reports."""
    return roles_for(user).is_board_member


@rules.predicate
def is_body_member(user) -> bool:
    """Members of any JAG, CSP, county board, SOG or SPB."""
    return roles_for(user).is_body_member


@rules.predicate
def is_partner_user(user) -> bool:
    """Staff of a partner organisation (any organisation other than the OPCC)."""
    return roles_for(user).is_partner


@rules.predicate
def is_member_of_body(user, body) -> bool:
    """Whether the user holds a seat on this body."""
    return body is not None and body.pk in roles_for(user).body_ids


@rules.predicate
def can_view_governance(user) -> bool:
    """Governance pages are for OPCC officers and members of any partnership body."""
    roles = roles_for(user)
    return roles.is_officer or roles.is_body_member


@rules.predicate
def can_see_confidential_of_body(user, body) -> bool:
    """Confidential items of a body: for officers, board members and that body's members.
    Panel members and partner staff without a seat never see them."""
    roles = roles_for(user)
    return (
        roles.is_officer
        or roles.is_board_member
        or (body is not None and body.pk in roles.body_ids)
    )
