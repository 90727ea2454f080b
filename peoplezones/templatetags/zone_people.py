"""How people are named on zone pages: volunteers' names only for those who may see them."""

from django import template

register = template.Library()

VOLUNTEER = "A community volunteer"


@register.simple_tag
def person_name(user, show_names: bool) -> str:
    """The person's name; a volunteer (no organisation) stays anonymous to outsiders."""
    if user is None:
        return ""
    if show_names or user.organisation_id:
        return str(user)
    return VOLUNTEER


@register.simple_tag
def member_name(member, show_names: bool) -> str:
    """A core team member's name; members for no organisation are volunteers."""
    if show_names or member.organisation_id:
        return member.display_name
    return VOLUNTEER


@register.simple_tag
def milestone_owner(milestone, show_names: bool) -> str:
    """Who owns a milestone: the person, their organisation, or the group named."""
    names = []
    if milestone.owner_person_id:
        names.append(person_name(milestone.owner_person, show_names))
    if milestone.owner_organisation_id:
        names.append(str(milestone.owner_organisation))
    if milestone.owner_name and (show_names or not names):
        names.append(milestone.owner_name if show_names else "The community")
    return ", ".join(names)


@register.filter
def may_view_activities_of(user, zone) -> bool:
    """Whether the zone's record links to its activities for this person."""
    from peoplezones.permissions import can_view_activities_of_zone

    return can_view_activities_of_zone(user, zone)


@register.filter
def may_view_zone(user, zone) -> bool:
    """Whether links into this zone's record lead anywhere for this person."""
    from peoplezones.permissions import can_view_zone

    return can_view_zone(user, zone)
