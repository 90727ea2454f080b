"""The three People Zones of the seed report and their community panel demo accounts."""

from governance.demo import demo_person
from peoplezones.models import Zone
from peoplezones.services import panel_member_set, zone_upsert

# (slug, name, area type, district, CSP slug, JAG slug, description)
ZONES = [
    (
        "new-parks",
        "New Parks",
        Zone.AreaType.CITY,
        "Leicester",
        "safer-leicester-partnership",
        "new-parks-jag",
        "A large estate in the west of Leicester. Driven forward by a Community Panel led by "
        "members of the community.",
    ),
    (
        "bell-foundry-estate",
        "Bell Foundry Estate",
        Zone.AreaType.COUNTY,
        "Charnwood (Loughborough)",
        "charnwood-csp",
        "bell-foundry-jag",
        "An estate in Loughborough around the historic bell foundry.",
    ),
    (
        "coalville",
        "Coalville",
        Zone.AreaType.COUNTY,
        "North West Leicestershire",
        "north-west-leicestershire-csp",
        "coalville-jag",
        "The town of Coalville: a community that wants a strong identity where people are proud "
        "and feel safe.",
    ),
]

# (username, first, last, zone slug, chairs the panel, what they are)
PANEL_ACCOUNTS = [
    (
        "newparks-panel",
        "Demo",
        "New Parks Panel",
        "new-parks",
        True,
        "community panel member (chair) of New Parks",
    ),
    (
        "coalville-panel",
        "Demo",
        "Coalville Panel",
        "coalville",
        False,
        "community panel member of Coalville",
    ),
]


def load(state: dict) -> None:
    """Load the zones and the panel demo accounts; needs the governance demo first."""
    bodies = state["bodies"]
    zones = {
        slug: zone_upsert(
            slug=slug,
            name=name,
            area_type=area_type,
            district=district,
            csp=bodies[csp],
            jag=bodies[jag],
            status=Zone.Status.ACTIVE,
            description=description,
        )
        for slug, name, area_type, district, csp, jag, description in ZONES
    }
    for username, first, last, zone, chair, description in PANEL_ACCOUNTS:
        user = demo_person(username, first, last)
        panel_member_set(zone=zones[zone], user=user, is_chair=chair)
        state["accounts"].append((username, description))
    state["zones"] = zones
