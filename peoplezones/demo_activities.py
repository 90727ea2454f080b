"""Demo data: about fifty activities the community panels logged over the last year, and
initiatives from several partner agencies in every state of their review.

Runs after peoplezones.demo (zones, panels, plans and core teams) and toolkit.demo (the
methods a third of the activities followed). Dates count back from today. Each activity is
known by its zone and title, each initiative by its organisation and title: what exists
already is left as it is (an activity without a method gets the one it followed), so
loading twice adds nothing. Every person is invented ("Demo …"); the organisations are the
real ones.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.models import Organisation, User
from peoplezones.models import Activity, Initiative, Objective, Zone
from peoplezones.services import panel_member_set
from peoplezones.services.activities import ActivityDetails, activity_log, activity_verify
from peoplezones.services.initiatives import (
    InitiativeDetails,
    Placement,
    initiative_accept,
    initiative_decline,
    initiative_start_review,
    initiative_submit,
    initiative_withdraw,
)

LCC = "Leicester City Council"
CBC = "Charnwood Borough Council"
NWLDC = "North West Leicestershire District Council"
POLICE = "Leicestershire Police"
FIRE = "Leicestershire Fire and Rescue Service"
NHS = "NHS Leicester, Leicestershire and Rutland Integrated Care Board"
VAL = "Voluntary Action LeicesterShire"
HOUSING = "Demo Homes Housing Association"

# Volunteers without a sign-in, beside the panel demo accounts: (username, last name, zone).
VOLUNTEERS = [
    ("newparks-volunteer", "New Parks Volunteer", "new-parks"),
    ("bellfoundry-volunteer", "Bell Foundry Volunteer", "bell-foundry-estate"),
    ("bellfoundry-chair", "Bell Foundry Panel Chair", "bell-foundry-estate"),
    ("coalville-volunteer", "Coalville Volunteer", "coalville"),
]
LOGGERS = {
    "new-parks": ["newparks-panel", "newparks-volunteer"],
    "bell-foundry-estate": ["bellfoundry-chair", "bellfoundry-volunteer"],
    "coalville": ["coalville-panel", "coalville-volunteer"],
}

# (title, domains, principles, participants, volunteer hours, in-kind (what, £),
#  organisations, objective title or None). Listed newest first; each is dated three weeks
#  before the one above it, so a zone's list spans the last year.
ACTIVITIES = {
    "new-parks": [
        (
            "Monthly clean-up on the Aikman Avenue green",
            ["resources", "safety"],
            ["community_enabled"],
            14,
            "28",
            ("Skips and litter pickers from the council", 180),
            [LCC],
            "Clean and reclaim the green spaces",
        ),
        (
            "Youth evening: football and pizza",
            ["health", "safety"],
            ["resilience_building", "integration_of_services"],
            32,
            "12",
            ("Hall hire", 60),
            [LCC, POLICE],
            "Open a youth evening offer three nights a week",
        ),
        (
            "Street-light walkabout after dark",
            ["safety"],
            ["problem_solving"],
            9,
            "13.5",
            None,
            [LCC],
            "Clean and reclaim the green spaces",
        ),
        (
            "PACT meeting at the community centre",
            ["safety", "skills"],
            ["community_enabled", "integration_of_services"],
            27,
            "6",
            None,
            [POLICE],
            "Build confidence to report anti-social behaviour",
        ),
        (
            "Community café: first Saturday",
            ["health"],
            ["community_enabled"],
            41,
            "20",
            ("Cakes and tea donated by a local bakery", 45),
            [],
            None,
        ),
        (
            "Fire safety course taster for teenagers",
            ["skills", "safety"],
            ["integration_of_services"],
            11,
            "4",
            ("Fire crew time", 300),
            [FIRE],
            "Open a youth evening offer three nights a week",
        ),
        (
            "Volunteer youth leader training, day one",
            ["skills"],
            ["resilience_building"],
            7,
            "42",
            ("Trainer from Voluntary Action LeicesterShire", 250),
            [VAL],
            "Open a youth evening offer three nights a week",
        ),
        (
            "Fly-tipping hotspot mapping",
            ["resources", "safety"],
            ["problem_solving"],
            12,
            "18",
            None,
            [LCC],
            "Clean and reclaim the green spaces",
        ),
        (
            "Newsletter: 'you said, we did'",
            ["skills"],
            ["community_enabled"],
            5,
            "10",
            None,
            [],
            "Build confidence to report anti-social behaviour",
        ),
        (
            "Bulb planting with the primary school",
            ["resources", "health"],
            ["community_enabled", "resilience_building"],
            58,
            "16",
            ("Bulbs from the council's parks team", 120),
            [LCC],
            None,
        ),
        (
            "Coffee morning for older residents",
            ["health"],
            ["resilience_building"],
            19,
            "8",
            None,
            [NHS],
            None,
        ),
        (
            "Asset mapping walk",
            ["resources"],
            ["community_enabled", "problem_solving"],
            10,
            "15",
            None,
            [],
            None,
        ),
        (
            "Summer fun day on the park",
            ["health", "skills", "safety"],
            ["community_enabled", "integration_of_services"],
            210,
            "64",
            ("Gazebos, a bouncy castle and a fire engine visit", 650),
            [LCC, FIRE, POLICE],
            None,
        ),
        (
            "Residents' meeting on anti-social behaviour",
            ["safety"],
            ["problem_solving"],
            36,
            "9",
            None,
            [POLICE],
            "Build confidence to report anti-social behaviour",
        ),
        (
            "Knit and natter group starts",
            ["health", "skills"],
            ["resilience_building"],
            8,
            "6",
            ("Wool donated by residents", 30),
            [],
            None,
        ),
        (
            "Alleyway gating survey",
            ["safety", "resources"],
            ["problem_solving"],
            6,
            "12",
            None,
            [LCC],
            None,
        ),
        (
            "Food pantry volunteers' induction",
            ["resources", "skills"],
            ["resilience_building"],
            9,
            "18",
            None,
            [HOUSING],
            None,
        ),
        (
            "Panel stall at the school fair",
            ["skills"],
            ["community_enabled"],
            120,
            "10",
            None,
            [],
            None,
        ),
    ],
    "bell-foundry-estate": [
        (
            "Footpath safety walk with the PCSO",
            ["safety"],
            ["problem_solving", "integration_of_services"],
            11,
            "11",
            None,
            [POLICE, CBC],
            "Make the footpaths and shops safer",
        ),
        (
            "Benefits check drop-in",
            ["resources"],
            ["integration_of_services"],
            23,
            "9",
            ("Advisers' time from the borough council", 200),
            [CBC],
            "Help families with the cost of living",
        ),
        (
            "Bell foundry heritage tour for families",
            ["skills", "health"],
            ["community_enabled"],
            34,
            "12",
            ("Free entry from the museum", 170),
            [],
            None,
        ),
        (
            "Food pantry at the community hall",
            ["resources", "health"],
            ["resilience_building"],
            48,
            "30",
            ("Surplus food from supermarkets", 400),
            [HOUSING],
            "Help families with the cost of living",
        ),
        (
            "Shopkeepers' meeting about drug dealing",
            ["safety"],
            ["problem_solving"],
            14,
            "5",
            None,
            [POLICE],
            "Make the footpaths and shops safer",
        ),
        (
            "Cooking on a budget class",
            ["skills", "health"],
            ["resilience_building"],
            12,
            "9",
            ("Kitchen at the children's centre", 90),
            [NHS],
            "Help families with the cost of living",
        ),
        (
            "Litter pick along the brook",
            ["resources", "safety"],
            ["community_enabled"],
            16,
            "24",
            None,
            [CBC],
            None,
        ),
        (
            "Walking group for new parents",
            ["health"],
            ["community_enabled"],
            10,
            "6",
            None,
            [NHS],
            None,
        ),
        (
            "CCTV coverage survey at the shops",
            ["safety"],
            ["problem_solving"],
            4,
            "6",
            None,
            [POLICE],
            "Make the footpaths and shops safer",
        ),
        ("Homework club opens", ["skills"], ["resilience_building"], 15, "10", None, [], None),
        (
            "Warm space winter evenings",
            ["health", "resources"],
            ["resilience_building", "integration_of_services"],
            26,
            "24",
            ("Heating and room from the church", 150),
            [CBC],
            None,
        ),
        (
            "Door-knocking for the residents' survey",
            ["skills", "safety"],
            ["community_enabled"],
            8,
            "16",
            None,
            [],
            None,
        ),
        (
            "Bike repair workshop",
            ["skills", "resources"],
            ["resilience_building"],
            13,
            "8",
            ("Tools lent by a local bike shop", 80),
            [],
            None,
        ),
        (
            "Estate tidy-up day",
            ["resources"],
            ["community_enabled"],
            22,
            "44",
            ("Skip from the housing association", 220),
            [HOUSING],
            None,
        ),
        (
            "Talk on scams for older residents",
            ["safety", "health"],
            ["integration_of_services"],
            17,
            "3",
            None,
            [POLICE],
            None,
        ),
        ("Panel planning day", ["skills"], ["community_enabled"], 7, "21", None, [], None),
    ],
    "coalville": [
        (
            "Heritage exhibition in an empty shop",
            ["skills", "resources"],
            ["community_enabled"],
            95,
            "36",
            ("Shop unit lent by the landlord", 500),
            [NWLDC],
            "Celebrate Coalville's identity",
        ),
        (
            "Traders' meeting on needle finds",
            ["safety"],
            ["problem_solving"],
            12,
            "4",
            None,
            [NWLDC, POLICE],
            "Reduce drug-related crime in the town centre",
        ),
        (
            "Community festival planning group",
            ["skills"],
            ["community_enabled"],
            9,
            "13.5",
            None,
            [],
            "Celebrate Coalville's identity",
        ),
        (
            "Town centre walkabout with the inspector",
            ["safety"],
            ["problem_solving", "integration_of_services"],
            10,
            "10",
            None,
            [POLICE],
            "Reduce drug-related crime in the town centre",
        ),
        (
            "Men's shed open day",
            ["health", "skills"],
            ["resilience_building"],
            28,
            "14",
            ("Workshop tools donated", 300),
            [],
            None,
        ),
        (
            "Park bench painting",
            ["resources"],
            ["community_enabled"],
            11,
            "22",
            ("Paint from the district council", 60),
            [NWLDC],
            None,
        ),
        (
            "Drug awareness evening for parents",
            ["safety", "health"],
            ["integration_of_services"],
            31,
            "6",
            None,
            [POLICE, NHS],
            "Reduce drug-related crime in the town centre",
        ),
        (
            "Youth consultation at the skate park",
            ["skills"],
            ["community_enabled"],
            24,
            "8",
            None,
            [],
            None,
        ),
        (
            "Community allotment launch",
            ["health", "resources"],
            ["resilience_building"],
            19,
            "30",
            ("Plot and water supply from the council", 250),
            [NWLDC],
            None,
        ),
        (
            "Mining heritage oral history recordings",
            ["skills"],
            ["community_enabled"],
            6,
            "18",
            None,
            [],
            "Celebrate Coalville's identity",
        ),
        (
            "Litter pick on the market place",
            ["resources", "safety"],
            ["community_enabled"],
            13,
            "19.5",
            None,
            [NWLDC],
            None,
        ),
        (
            "Loneliness coffee morning",
            ["health"],
            ["resilience_building"],
            22,
            "8",
            None,
            [NHS],
            None,
        ),
        (
            "Panel stall at the Christmas market",
            ["skills"],
            ["community_enabled"],
            150,
            "12",
            None,
            [],
            None,
        ),
        (
            "Residents' survey on feeling safe",
            ["safety"],
            ["problem_solving"],
            8,
            "20",
            None,
            [],
            "Reduce drug-related crime in the town centre",
        ),
        (
            "First community panel meeting",
            ["skills"],
            ["community_enabled"],
            18,
            "6",
            None,
            [NWLDC],
            None,
        ),
        (
            "Street-light defect reporting session",
            ["safety", "resources"],
            ["problem_solving"],
            7,
            "7",
            None,
            [NWLDC],
            None,
        ),
    ],
}

# The toolkit method an activity followed (activity title → method slug); about a third of
# them did. Only published methods: the café drop-in is still a draft in the toolkit.
METHODS_USED = {
    "Street-light walkabout after dark": "street-light-audit",
    "PACT meeting at the community centre": "pact-meeting",
    "Fly-tipping hotspot mapping": "sara",
    "Asset mapping walk": "asset-mapping",
    "Residents' meeting on anti-social behaviour": "community-conversations",
    "Alleyway gating survey": "emmie-check",
    "Footpath safety walk with the PCSO": "community-walkabout",
    "Shopkeepers' meeting about drug dealing": "problem-analysis-triangle",
    "CCTV coverage survey at the shops": "emmie-check",
    "Door-knocking for the residents' survey": "community-conversations",
    "Traders' meeting on needle finds": "sara",
    "Town centre walkabout with the inspector": "community-walkabout",
    "Community festival planning group": "participatory-budgeting",
    "Mining heritage oral history recordings": "appreciative-inquiry",
    "Residents' survey on feeling safe": "community-conversations",
    "Street-light defect reporting session": "street-light-audit",
}

# Partner staff who offer initiatives, beside the fire-partner demo account (no sign-in).
PARTNER_STAFF = [
    ("police-partner", "Police Partnerships Officer", POLICE),
    ("val-partner", "Voluntary Sector Lead", VAL),
    ("housing-partner", "Housing Officer", HOUSING),
    ("health-partner", "Health Improvement Lead", NHS),
    ("council-partner", "Community Safety Officer", LCC),
]

# (submitter username, title, zones, cost £, (what, who for, what is offered), start in days,
#  length in days or None, the decision: None, "review", ("accept", objective titles),
#  ("decline", reason) or "withdraw").
INITIATIVES = [
    (
        "fire-partner",
        "Safe and Well visits for older residents",
        ["new-parks"],
        0,
        (
            "Home visits that check smoke alarms and give advice on falls, scams and staying warm.",
            "Older residents and people living alone",
            "A crew and a community safety adviser one day a month",
        ),
        -60,
        365,
        ("accept", ["Build confidence to report anti-social behaviour"]),
    ),
    (
        "fire-partner",
        "Firesetter intervention for young people",
        ["coalville"],
        0,
        (
            "One-to-one sessions with young people found setting fires, and a talk at the academy.",
            "Young people aged 8 to 17",
            "A trained firefighter for up to six sessions a term",
        ),
        14,
        None,
        None,
    ),
    (
        "fire-partner",
        "Fire cadets taster evenings",
        ["bell-foundry-estate"],
        0,
        (
            "Four evenings at the fire station: drills, first aid and team work.",
            "Young people aged 13 to 17",
            "Station, kit and two instructors",
        ),
        30,
        28,
        "review",
    ),
    (
        "police-partner",
        "Mini police at the primary school",
        ["bell-foundry-estate"],
        0,
        (
            "A year of fortnightly sessions where pupils learn about safety and help at events.",
            "Pupils in years 5 and 6",
            "A PCSO for two hours a fortnight",
        ),
        21,
        300,
        "review",
    ),
    (
        "val-partner",
        "Volunteer passport training",
        ["new-parks", "coalville"],
        0,
        (
            "Safeguarding, first aid and food hygiene for volunteers, with a certificate.",
            "Community panel members and other volunteers",
            "Trainers and materials",
        ),
        -120,
        180,
        (
            "accept",
            ["Open a youth evening offer three nights a week", "Celebrate Coalville's identity"],
        ),
    ),
    (
        "health-partner",
        "Social prescribing link worker sessions",
        ["coalville"],
        0,
        (
            "A weekly drop-in where a link worker connects residents with groups and services.",
            "Adults who feel lonely or low",
            "A link worker three hours a week",
        ),
        -30,
        None,
        (
            "decline",
            "The surgery next door already runs the same drop-in each week: we have "
            "asked them to tell the panel about it instead.",
        ),
    ),
    (
        "housing-partner",
        "Tenancy sustainment drop-ins",
        ["bell-foundry-estate"],
        0,
        (
            "Help for tenants behind on their rent before it turns into eviction.",
            "Tenants of the housing association",
            "An officer one morning a fortnight",
        ),
        7,
        180,
        "withdraw",
    ),
    (
        "council-partner",
        "Community garden materials",
        ["new-parks"],
        Decimal("350.00"),
        (
            "Raised beds, soil and tools for a garden on the green.",
            "Residents who want to grow food together",
            "Design help from the parks team; the zone would buy the materials",
        ),
        20,
        120,
        None,
    ),
]


def _ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _person(username: str, last: str, organisation: Organisation | None = None) -> User:
    """An invented person who cannot sign in (their work shows under their name)."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": "Demo",
            "last_name": last,
            "email": f"{username}@example.org",
            "organisation": organisation,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def load(state: dict) -> None:
    """Load the activities and initiatives; needs the zones, panels and plans first."""
    zones: dict[str, Zone] = state["zones"]
    organisations = {o.name: o for o in Organisation.objects.all()}
    for username, last, zone in VOLUNTEERS:
        panel_member_set(zone=zones[zone], user=_person(username, last))
    for username, last, organisation in PARTNER_STAFF:
        _person(username, last, organisations[organisation])
    officer = User.objects.get(username="officer")
    methods = {
        title: state["methods"][slug]
        for title, slug in METHODS_USED.items()
        if state["methods"][slug].is_published
    }
    for slug, rows in ACTIVITIES.items():
        _activities(zones[slug], rows, organisations, officer, methods)
    for row in INITIATIVES:
        _initiative(row, zones, officer)


def _activities(zone: Zone, rows, organisations, officer: User, methods: dict) -> None:
    loggers = [User.objects.get(username=name) for name in LOGGERS[zone.slug]]
    for n, row in enumerate(rows):
        title, domains, principles, people, hours, in_kind, orgs, objective = row
        existing = zone.activities.filter(title=title)
        if existing.exists():
            # Loaded before activities recorded their method: say which one it used, once.
            if title in methods:
                existing.filter(method__isnull=True).update(method=methods[title])
            continue
        day = _ago(4 + 21 * n)
        what, value = in_kind or ("", 0)
        activity = activity_log(
            actor=loggers[n % len(loggers)],
            zone=zone,
            details=ActivityDetails(
                title=title,
                occurred_on=day,
                description=f"{title}. Organised by the community panel; "
                f"{people} people took part.",
                domains=domains,
                principles=principles,
                participants=people,
                volunteer_hours=Decimal(hours),
                in_kind_description=what,
                in_kind_value=Decimal(value),
                organisations=[organisations[name] for name in orgs],
                objective=zone.objectives.filter(title=objective).first() if objective else None,
                method=methods.get(title),
            ),
        )
        logged = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19, 30)))
        Activity.objects.filter(pk=activity.pk).update(logged_at=logged)
        # The older entries are verified; the latest few, and one now and then, still wait.
        if n >= 3 and n % 7 != 5:
            activity_verify(actor=officer, activity=activity)
            Activity.objects.filter(pk=activity.pk).update(
                verified_at=logged + datetime.timedelta(days=2)
            )


def _initiative(row, zones: dict[str, Zone], officer: User) -> None:
    username, title, slugs, cost, (what, audience, offered), start, length, decision = row
    submitter = User.objects.get(username=username)
    if Initiative.objects.filter(organisation=submitter.organisation, title=title).exists():
        return
    starts_on = timezone.localdate() + datetime.timedelta(days=start)
    initiative = initiative_submit(
        actor=submitter,
        zones=[zones[slug] for slug in slugs],
        details=InitiativeDetails(
            title=title,
            description=what,
            audience=audience,
            resources_offered=offered,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=length) if length else None,
            cost_to_zone=Decimal(cost),
            contact_name=str(submitter),
            contact_email=submitter.email,
        ),
    )
    _decide(initiative, decision, slugs, zones, officer, submitter)
    # Offered some weeks before it starts, taken under review within days, decided in two
    # weeks: the workflow ran just now, so its dates are set back to look lived-in.
    submitted = timezone.now() - datetime.timedelta(days=max(10, 30 - start))
    Initiative.objects.filter(pk=initiative.pk).update(submitted_at=submitted)
    for field, days in (("review_started_at", 3), ("decided_at", 14), ("withdrawn_at", 5)):
        Initiative.objects.filter(pk=initiative.pk, **{f"{field}__isnull": False}).update(
            **{field: submitted + datetime.timedelta(days=days)}
        )


def _decide(initiative, decision, slugs, zones, officer: User, submitter: User) -> None:
    if decision == "withdraw":
        initiative_withdraw(actor=submitter, initiative=initiative)
        return
    if decision is None:
        return
    initiative_start_review(actor=officer, initiative=initiative)
    if decision == "review":
        return
    verdict, detail = decision
    if verdict == "decline":
        initiative_decline(actor=officer, initiative=initiative, reason=detail)
        return
    placements = [
        Placement(zone, objective)
        for zone, objective in (
            (zones[slug], Objective.objects.filter(zone=zones[slug], title=name).first())
            for slug, name in zip(slugs, detail, strict=True)
        )
        if objective is not None
    ]
    if len(placements) == len(slugs):
        initiative_accept(
            actor=officer,
            initiative=initiative,
            placements=placements,
            note="Welcome: the panel will share dates with residents in its newsletter.",
        )
