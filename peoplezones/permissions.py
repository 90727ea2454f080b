"""Who may do what in People Zones."""

import rules

from governance.selectors import roles_for


@rules.predicate
def is_panel_member(user) -> bool:
    """Members of any zone's Community Panel."""
    return roles_for(user).is_panel_member


@rules.predicate
def is_panel_member_of_zone(user, zone) -> bool:
    """Whether the user sits on this zone's Community Panel."""
    return zone is not None and zone.pk in roles_for(user).zone_ids


def core_team_zone_ids(user) -> frozenset[int]:
    """Ids of the zones whose core team the user sits on, read once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_core_team_zone_ids", None)
    if cached is None:
        from peoplezones.models import CoreTeamMember

        cached = frozenset(
            CoreTeamMember.objects.filter(user=user).values_list("zone_id", flat=True)
        )
        user._core_team_zone_ids = cached
    return cached


@rules.predicate
def is_core_team_member_of_zone(user, zone) -> bool:
    """Whether the user sits on this zone's core team (they edit its plans and verify)."""
    return zone is not None and zone.pk in core_team_zone_ids(user)


def _zone_open_to(user, zone) -> bool:
    roles = roles_for(user)
    if roles.is_officer or roles.is_board_member:
        return True
    if zone.pk in roles.zone_ids or zone.pk in core_team_zone_ids(user):
        return True
    # Partner agencies offer initiatives to the active zones, so they may read their pages.
    return roles.is_partner and zone.status == zone.Status.ACTIVE


@rules.predicate
def can_view_zones(user) -> bool:
    """The zones list: officers, board members, panel members, core teams and partner staff."""
    roles = roles_for(user)
    return (
        roles.is_officer
        or roles.is_board_member
        or roles.is_panel_member
        or roles.is_partner
        or bool(core_team_zone_ids(user))
    )


@rules.predicate
def can_view_zone(user, zone) -> bool:
    """A zone's pages: officers and board members see every zone, a panel member only their
    own, the core team theirs, and partner staff the active zones."""
    return zone is not None and _zone_open_to(user, zone)


@rules.predicate
def can_see_volunteer_names(user, zone) -> bool:
    """Names of the zone's volunteers: not for partner staff outside the zone's core team."""
    roles = roles_for(user)
    return (
        roles.is_officer
        or roles.is_board_member
        or (zone is not None and zone.pk in roles.zone_ids)
        or (zone is not None and zone.pk in core_team_zone_ids(user))
    )


@rules.predicate
def can_manage_zones(user) -> bool:
    """Opening, changing and closing zones is for OPCC officers."""
    return roles_for(user).is_officer


@rules.predicate
def can_edit_zone_content(user, zone) -> bool:
    """Workshops, key issues, consultations, plans, core team and ingredients of a zone:
    officers, and the zone's core team while the zone is not closed."""
    if zone is None:
        return False
    if roles_for(user).is_officer:
        return True
    return zone.status != zone.Status.CLOSED and zone.pk in core_team_zone_ids(user)


@rules.predicate
def can_approve_ambition(user, zone) -> bool:
    """The community panel approves its ambition statement through its chair; officers may
    record the panel's approval for it."""
    roles = roles_for(user)
    if zone is None:
        return False
    if roles.is_officer:
        return True
    return zone.status != zone.Status.CLOSED and any(
        p.zone_id == zone.pk and p.is_chair for p in roles.panel_memberships
    )


# Activities and initiatives.


def activity_zone_ids(user) -> frozenset[int] | None:
    """Ids of the zones whose activities the user may read; None means every zone."""
    roles = roles_for(user)
    if roles.is_officer or roles.is_board_member:
        return None
    return roles.zone_ids | core_team_zone_ids(user)


@rules.predicate
def can_view_activities_of_zone(user, zone) -> bool:
    """A zone's activities: officers and board members, the zone's panel and core team."""
    scope = activity_zone_ids(user)
    return zone is not None and (scope is None or zone.pk in scope)


@rules.predicate
def can_log_activity_in_zone(user, zone) -> bool:
    """Logging activities is for the zone's community panel (the service refuses a zone that
    is not active, with the reason)."""
    return is_panel_member_of_zone(user, zone)


@rules.predicate
def can_edit_activity(user, activity) -> bool:
    """Only its author, while on the zone's panel; the service enforces the edit window."""
    return activity.logged_by_id == user.pk and is_panel_member_of_zone(user, activity.zone)


@rules.predicate
def can_verify_activity(user, activity) -> bool:
    """Officers and the zone's core team verify activities, never their own."""
    if activity.logged_by_id == user.pk:
        return False
    return roles_for(user).is_officer or is_core_team_member_of_zone(user, activity.zone)


@rules.predicate
def can_view_initiatives(user) -> bool:
    """The initiatives list: officers, partner staff and core team members."""
    roles = roles_for(user)
    return roles.is_officer or roles.is_partner or bool(core_team_zone_ids(user))


@rules.predicate
def can_submit_initiative(user) -> bool:
    """Staff of any partner agency may offer initiatives to the zones."""
    return roles_for(user).is_partner


def _initiative_zone_ids(initiative) -> set[int]:
    return {link.zone_id for link in initiative.zone_links.all()}


@rules.predicate
def can_review_initiative(user, initiative) -> bool:
    """Officers and the core team of any of its zones review an initiative; a core team
    member from the organisation that offered it does not decide on it."""
    roles = roles_for(user)
    if roles.is_officer:
        return True
    if roles.organisation is not None and roles.organisation.pk == initiative.organisation_id:
        return False
    return bool(_initiative_zone_ids(initiative) & core_team_zone_ids(user))


@rules.predicate
def is_of_submitting_organisation(user, initiative) -> bool:
    """Staff of the organisation that submitted the initiative: they follow it and may
    withdraw it before a decision."""
    roles = roles_for(user)
    return roles.is_partner and roles.organisation.pk == initiative.organisation_id


can_withdraw_initiative = is_of_submitting_organisation


@rules.predicate
def can_view_initiative(user, initiative) -> bool:
    """Reviewers and the submitting organisation see an initiative; a zone's panel sees
    those accepted for its zone. Other organisations never see another's submission."""
    if can_review_initiative(user, initiative) or is_of_submitting_organisation(user, initiative):
        return True
    accepted = initiative.status == initiative.Status.ACCEPTED
    return accepted and bool(_initiative_zone_ids(initiative) & roles_for(user).zone_ids)
