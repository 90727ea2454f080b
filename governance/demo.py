"""The Leicester, Leicestershire and Rutland (LLR) demo partnership.

Organisations and bodies are public facts (see DOMAIN.md); every person is invented.
"""

from django.conf import settings

from governance.models import Body, Membership, Organisation
from governance.services import body_upsert, membership_set, organisation_upsert, person_upsert

Kind = Organisation.Kind
Level = Body.Level

ORGANISATIONS = [
    ("Office of the Police and Crime Commissioner for Leicestershire", Kind.OPCC),
    ("Leicester City Council", Kind.LOCAL_AUTHORITY),
    ("Leicestershire County Council", Kind.LOCAL_AUTHORITY),
    ("Rutland County Council", Kind.LOCAL_AUTHORITY),
    ("Charnwood Borough Council", Kind.LOCAL_AUTHORITY),
    ("North West Leicestershire District Council", Kind.LOCAL_AUTHORITY),
    ("Blaby District Council", Kind.LOCAL_AUTHORITY),
    ("Hinckley and Bosworth Borough Council", Kind.LOCAL_AUTHORITY),
    ("Harborough District Council", Kind.LOCAL_AUTHORITY),
    ("Melton Borough Council", Kind.LOCAL_AUTHORITY),
    ("Oadby and Wigston Borough Council", Kind.LOCAL_AUTHORITY),
    ("Leicestershire Police", Kind.POLICE),
    ("Leicestershire Fire and Rescue Service", Kind.FIRE),
    ("NHS Leicester, Leicestershire and Rutland Integrated Care Board", Kind.HEALTH),
    ("Probation Service (Leicestershire and Rutland)", Kind.PROBATION),
    ("Voluntary Action LeicesterShire", Kind.VOLUNTARY),
    ("Demo Homes Housing Association", Kind.HOUSING),
]

TERMS = {
    Level.SPB: "Sets the strategic direction of community safety across the area, agrees "
    "priorities and budgets, and receives issues escalated by the Senior Officers' Group.",
    Level.SOG: "Senior officers of the partner agencies. Prepares the business of the "
    "Strategic Partnership Board, routes its priorities down and resolves or escalates "
    "issues raised by the partnerships below.",
    Level.COUNTY: "Co-ordinates the district Community Safety Partnerships of the county "
    "and reports to the Senior Officers' Group.",
    Level.CSP: "The statutory Community Safety Partnership for its district (Crime and "
    "Disorder Act 1998): strategic assessment, partnership plan, and oversight of its "
    "Joint Action Groups.",
    Level.JAG: "Local multi-agency problem solving: takes hotspots and problems, agrees "
    "outcomes, tasks partners, and escalates what it cannot solve.",
}

# (slug, name, level, parent slug, area)
BODIES = [
    (
        "llr-spb",
        "Strategic Partnership Board",
        Level.SPB,
        None,
        "Leicester, Leicestershire and Rutland",
    ),
    (
        "llr-sog",
        "Senior Officers' Group",
        Level.SOG,
        "llr-spb",
        "Leicester, Leicestershire and Rutland",
    ),
    (
        "lr-safer-communities-board",
        "Leicestershire and Rutland Safer Communities Strategy Board",
        Level.COUNTY,
        "llr-sog",
        "Leicestershire and Rutland",
    ),
    (
        "safer-leicester-partnership",
        "Safer Leicester Partnership",
        Level.CSP,
        "llr-sog",
        "Leicester City",
    ),
    ("charnwood-csp", "Charnwood CSP", Level.CSP, "lr-safer-communities-board", "Charnwood"),
    (
        "blaby-hinckley-bosworth-csp",
        "Blaby and Hinckley & Bosworth CSP",
        Level.CSP,
        "lr-safer-communities-board",
        "Blaby and Hinckley & Bosworth",
    ),
    ("harborough-csp", "Harborough CSP", Level.CSP, "lr-safer-communities-board", "Harborough"),
    ("melton-csp", "Melton CSP", Level.CSP, "lr-safer-communities-board", "Melton"),
    (
        "north-west-leicestershire-csp",
        "North West Leicestershire CSP",
        Level.CSP,
        "lr-safer-communities-board",
        "North West Leicestershire",
    ),
    (
        "oadby-wigston-csp",
        "Oadby & Wigston CSP",
        Level.CSP,
        "lr-safer-communities-board",
        "Oadby and Wigston",
    ),
    (
        "safer-rutland-partnership",
        "Safer Rutland Partnership",
        Level.CSP,
        "lr-safer-communities-board",
        "Rutland",
    ),
    (
        "new-parks-jag",
        "New Parks JAG",
        Level.JAG,
        "safer-leicester-partnership",
        "New Parks, Leicester",
    ),
    (
        "braunstone-jag",
        "Braunstone JAG",
        Level.JAG,
        "safer-leicester-partnership",
        "Braunstone, Leicester",
    ),
    (
        "bell-foundry-jag",
        "Bell Foundry JAG",
        Level.JAG,
        "charnwood-csp",
        "Bell Foundry Estate, Loughborough",
    ),
    (
        "loughborough-town-centre-jag",
        "Loughborough Town Centre JAG",
        Level.JAG,
        "charnwood-csp",
        "Loughborough town centre",
    ),
    ("coalville-jag", "Coalville JAG", Level.JAG, "north-west-leicestershire-csp", "Coalville"),
    ("hinckley-jag", "Hinckley JAG", Level.JAG, "blaby-hinckley-bosworth-csp", "Hinckley"),
]

OPCC = "Office of the Police and Crime Commissioner for Leicestershire"

# (username, first, last, employer, body slug, role, organisation represented, what they are)
ACCOUNTS = [
    ("officer", "Demo", "Officer", OPCC, None, None, None, "OPCC officer"),
    (
        "board",
        "Demo",
        "Board Member",
        None,
        "llr-spb",
        Membership.Role.MEMBER,
        "Leicester City Council",
        "member of the Strategic Partnership Board",
    ),
    (
        "sog",
        "Demo",
        "Senior Officer",
        None,
        "llr-sog",
        Membership.Role.MEMBER,
        "Leicestershire Police",
        "member of the Senior Officers' Group",
    ),
    (
        "leicester-csp",
        "Demo",
        "CSP Member",
        None,
        "safer-leicester-partnership",
        Membership.Role.MEMBER,
        "Leicester City Council",
        "member of Safer Leicester Partnership",
    ),
    (
        "newparks-jag",
        "Demo",
        "JAG Chair",
        None,
        "new-parks-jag",
        Membership.Role.CHAIR,
        "Leicestershire Police",
        "chair of New Parks JAG",
    ),
    (
        "fire-partner",
        "Demo",
        "Fire Partner",
        "Leicestershire Fire and Rescue Service",
        None,
        None,
        None,
        "staff of Leicestershire Fire and Rescue Service",
    ),
]


def demo_person(username: str, first: str, last: str, organisation=None):
    """A demo account with the demo password and an example.org address."""
    return person_upsert(
        username=username,
        password=settings.DEMO_PASSWORD,
        first_name=first,
        last_name=last,
        email=f"{username}@example.org",
        organisation=organisation,
    )


def load(state: dict) -> None:
    """Load organisations, bodies and the governance demo accounts into `state`."""
    organisations = {
        name: organisation_upsert(name=name, kind=kind) for name, kind in ORGANISATIONS
    }
    bodies: dict[str, Body] = {}
    for slug, name, level, parent, area in BODIES:
        bodies[slug] = body_upsert(
            slug=slug,
            name=name,
            level=level,
            parent=bodies.get(parent),
            area=area,
            terms_of_reference=TERMS[level],
        )
    accounts = []
    for username, first, last, employer, body, role, represents, description in ACCOUNTS:
        user = demo_person(username, first, last, organisations.get(employer))
        if body:
            membership_set(
                body=bodies[body], user=user, role=role, organisation=organisations[represents]
            )
        accounts.append((username, description))
    state.update(organisations=organisations, bodies=bodies, accounts=accounts)
