"""Who may read and write the evaluation, and who reads the board's reports.

OPCC officers do everything. Board members read every zone's evaluation and the
published board packs. A zone's core team writes its indicators and measurements and reads
its evaluation; a zone's community panel reads it. Everyone else (partner staff and body
members without one of these roles) has no evaluation pages.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from governance.selectors import roles_for
from peoplezones.permissions import core_team_zone_ids, is_core_team_member_of_zone

NO_ACCESS = "Evaluation is for OPCC officers, board members, core teams and community panels."


def evaluation_zone_ids(user) -> frozenset[int] | None:
    """Ids of the zones whose evaluation the user may read; None means every zone."""
    roles = roles_for(user)
    if roles.is_officer or roles.is_board_member:
        return None
    return roles.zone_ids | core_team_zone_ids(user)


@rules.predicate
def can_use_evaluation(user) -> bool:
    """Any evaluation page at all: officers, board members, core teams and panels."""
    scope = evaluation_zone_ids(user)
    return scope is None or bool(scope)


@rules.predicate
def can_view_every_zone_evaluation(user) -> bool:
    """Summaries across zones and the comparison between them: officers and the board."""
    return evaluation_zone_ids(user) is None


@rules.predicate
def can_view_zone_evaluation(user, zone) -> bool:
    """One zone's summary, profile, indicators and realisation: officers and the board,
    the zone's core team and its community panel."""
    scope = evaluation_zone_ids(user)
    return zone is not None and (scope is None or zone.pk in scope)


@rules.predicate
def can_edit_indicators_of_zone(user, zone) -> bool:
    """Indicators and measurements: officers, and the zone's core team while the zone is
    not closed."""
    if zone is None:
        return False
    if roles_for(user).is_officer:
        return True
    return zone.status != zone.Status.CLOSED and is_core_team_member_of_zone(user, zone)


@rules.predicate
def can_manage_board_packs(user) -> bool:
    """Drafting, publishing and withdrawing board packs: OPCC officers."""
    return roles_for(user).is_officer


@rules.predicate
def can_read_board_reports(user) -> bool:
    """The reports area (published packs): officers and board members."""
    roles = roles_for(user)
    return roles.is_officer or roles.is_board_member


def zone_evaluation_or_refuse(user, zone, *, write: bool = False) -> None:
    """403 for people with no evaluation at all, 404 for a zone they may not see (they are
    not told it exists), 403 when they may read but `write` is asked and not allowed."""
    if not can_use_evaluation(user):
        raise PermissionDenied(NO_ACCESS)
    if zone is None or not can_view_zone_evaluation(user, zone):
        raise Http404("No such zone.")
    if write and not can_edit_indicators_of_zone(user, zone):
        raise PermissionDenied("Only OPCC officers and the zone's core team change indicators.")
