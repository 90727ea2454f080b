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
