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


# Issues and priorities --------------------------------------------------------------------
PRIORITY_SETTING_LEVELS = (4, 5)  # Senior Officers' Group, Strategic Partnership Board


def issue_trail_body_ids(issue) -> set[int]:
    """Every body an issue has been at (uses the prefetched steps when there are some)."""
    return {issue.raised_at_id, issue.body_id, *(step.to_body_id for step in issue.steps.all())}


@rules.predicate
def can_view_issue(user, issue) -> bool:
    """Governance readers see an issue; a confidential one only officers, board members
    and members of the bodies it has passed through."""
    roles = roles_for(user)
    if issue is None or not can_view_governance(user):
        return False
    if not issue.is_confidential or roles.is_officer or roles.is_board_member:
        return True
    return bool(roles.body_ids & issue_trail_body_ids(issue))


@rules.predicate
def can_act_on_issue(user, issue) -> bool:
    """Resolving, escalating or returning an issue: for members of the body it sits at."""
    return issue is not None and issue.body_id in roles_for(user).body_ids


@rules.predicate
def can_raise_issue_at(user, body) -> bool:
    """Raising an issue at a body: for its members, while it is active."""
    return body is not None and body.is_active and body.pk in roles_for(user).body_ids


def bodies_setting_priorities(user) -> list:
    """Bodies where this person may set priorities: every active SOG and SPB for officers,
    the ones they sit on for their members."""
    from governance.models import Body

    roles = roles_for(user)
    bodies = Body.objects.filter(is_active=True, level__in=PRIORITY_SETTING_LEVELS)
    if not roles.is_officer:
        bodies = bodies.filter(pk__in=roles.body_ids)
    return list(bodies.order_by("-level", "name"))


@rules.predicate
def can_set_priorities(user) -> bool:
    """Setting priorities at all: officers and members of an SOG or SPB."""
    roles = roles_for(user)
    return roles.is_officer or any(
        m.body.level in PRIORITY_SETTING_LEVELS for m in roles.memberships
    )


@rules.predicate
def can_set_priority_at(user, body) -> bool:
    """Setting (and retiring) a priority at a body: the body must be an SOG or SPB, and
    the person an officer or one of its members."""
    if body is None or body.level not in PRIORITY_SETTING_LEVELS:
        return False
    roles = roles_for(user)
    return roles.is_officer or body.pk in roles.body_ids


@rules.predicate
def can_view_priority_rollup(user, priority) -> bool:
    """Every receiving body's answers: officers, board members and the setting body."""
    roles = roles_for(user)
    return priority is not None and (
        roles.is_officer or roles.is_board_member or priority.setting_body_id in roles.body_ids
    )


@rules.predicate
def can_view_assignment(user, assignment) -> bool:
    """One body's answers to a priority: open to the whole partnership, as the body's page
    and agendas that link to them are; only the body's members act on them."""
    return assignment is not None and can_view_governance(user)


@rules.predicate
def can_act_for_assignment(user, assignment) -> bool:
    """Acknowledging a priority and reporting on it: for members of the receiving body."""
    return assignment is not None and assignment.body_id in roles_for(user).body_ids


@rules.predicate
def can_view_alignment(user) -> bool:
    """The alignment view of the whole partnership: officers and board members."""
    roles = roles_for(user)
    return roles.is_officer or roles.is_board_member


# Bi-annual review events: officers manage them; board and body members read them.
can_view_review_events = can_view_governance


@rules.predicate
def can_manage_review_events(user) -> bool:
    """Planning review events, recording direction, allocations, spend and in kind."""
    return roles_for(user).is_officer


# Meetings ---------------------------------------------------------------------------------
MEETING_MANAGER_ROLES = ("chair", "vice_chair", "secretariat")


@rules.predicate
def can_manage_meetings_of_body(user, body) -> bool:
    """Scheduling, agendas, attendance and minutes of a body's meetings: for officers and
    the body's chair, vice-chair and secretariat."""
    roles = roles_for(user)
    if roles.is_officer:
        return True
    return body is not None and any(
        m.body_id == body.pk and m.role in MEETING_MANAGER_ROLES for m in roles.memberships
    )


@rules.predicate
def can_update_action(user, action) -> bool:
    """An action's progress: for whoever manages the body's meetings, the person who owns
    it, and a member of the body who represents or works for the owning organisation."""
    if action is None:
        return False
    if can_manage_meetings_of_body(user, action.body):
        return True
    roles = roles_for(user)
    if not roles.is_authenticated:
        return False
    if action.owner_person_id == user.pk:
        return True
    owner_org = action.owner_organisation_id
    return owner_org is not None and any(
        m.body_id == action.body_id
        and owner_org in (m.organisation_id, getattr(roles.organisation, "pk", None))
        for m in roles.memberships
    )
