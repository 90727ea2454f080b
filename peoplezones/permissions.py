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
