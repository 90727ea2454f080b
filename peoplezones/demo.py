"""The three People Zones of the seed report, their community panel demo accounts, and
their plans: workshops, key issues, consultations, ambition statements, delivery plans,
core teams and the Braunstone Blues ingredients.

Dates are counted in days from today, so the demo always has milestones due soon, some
done and some late. Every person is invented ("Demo …"); organisations are the real ones.
Safe to run again: what exists already is left as it is.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.demo import demo_person
from governance.models import User
from peoplezones.models import AmbitionStatement, Zone
from peoplezones.services import panel_member_set, zone_upsert
from peoplezones.services import plans as services

LCC = "Leicester City Council"
CBC = "Charnwood Borough Council"
NWLDC = "North West Leicestershire District Council"
LCoC = "Leicestershire County Council"
POLICE = "Leicestershire Police"
FIRE = "Leicestershire Fire and Rescue Service"
NHS = "NHS Leicester, Leicestershire and Rutland Integrated Care Board"
VAL = "Voluntary Action LeicesterShire"
HOUSING = "Demo Homes Housing Association"

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

# slug: (location, latitude, longitude); People Zones launched in 2018 [public].
LOCATIONS = {
    "new-parks": ("New Parks ward, west Leicester (LE3)", "52.641800", "-1.181200"),
    "bell-foundry-estate": ("Bell Foundry Estate, Loughborough (LE11)", "52.773900", "-1.199500"),
    "coalville": ("Coalville town centre (LE67)", "52.723700", "-1.369700"),
}
OPENED_ON = datetime.date(2018, 6, 1)

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

# The demo list of Braunstone Blues ingredients (DOMAIN.md): (name, description).
INGREDIENTS = [
    (
        "Consistent named local officers",
        "Residents know their police, council and fire "
        "officers by name, and the same people stay long enough to be trusted.",
    ),
    (
        "A resident-led identity",
        "The zone is known by a name and a voice residents chose, "
        "not by an agency's project title.",
    ),
    (
        "Informal contact through sport and a café",
        "Agencies meet residents where they already are: a football session, a community café.",
    ),
    (
        "Partnership with housing and youth services",
        "Housing and youth services sit at the table from the start.",
    ),
    ("Clear, achievable shared goals", "A few goals everyone can name, small enough to reach."),
    ("Training for resident leaders", "Residents who lead get training and support to do it."),
    (
        "Quick visible wins fed back to residents",
        "Early changes people can see, and a 'you said, we did' back to them.",
    ),
    ("Commitment beyond grant cycles", "Partners commit for years, not for one grant."),
]

# zone slug: [(ingredient index, status, evidence)]
INGREDIENT_STATUSES = {
    "new-parks": [
        (0, "integrated", "Named beat manager and fire crew attend every panel meeting."),
        (1, "integrated", "Residents chose the 'New Parks Together' name and logo in 2019."),
        (2, "in_progress", "Friday football running; the café opens in spring."),
        (3, "in_progress", "Housing association joined the core team this year."),
        (4, "integrated", "Three goals agreed at the launch workshop and on every newsletter."),
        (5, "not_yet", ""),
        (6, "integrated", "'You said, we did' page in each quarterly newsletter."),
        (7, "in_progress", "Council and police have committed staff time to 2027."),
    ],
    "bell-foundry-estate": [
        (0, "in_progress", "Named PCSO since January; council lead still changing."),
        (2, "integrated", "Weekly café at the community hall with partners present."),
        (3, "in_progress", "Youth service attends monthly."),
        (4, "integrated", "Two goals in the approved ambition statement."),
        (6, "in_progress", "Street lights fixed; feedback to residents still informal."),
        (7, "not_applicable", "Funded from core budgets: no grant cycle applies."),
    ],
    "coalville": [
        (0, "in_progress", "Town-centre officer named; turnover in the council team."),
        (1, "integrated", "'Proud of Coalville' identity from the residents' survey."),
        (4, "in_progress", "Ambition approved; measures still being set up."),
        (6, "not_yet", ""),
    ],
}

# zone slug: [(title, days ago, attendees, [organisations], other organisations, notes)]
WORKSHOPS = {
    "new-parks": [
        (
            "Launch workshop at the community centre",
            640,
            46,
            [LCC, POLICE, FIRE, VAL],
            "New Parks Tenants' and Residents' Association\nLocal primary schools",
            "Residents named what they would change first; young people's evenings came top.",
        ),
        (
            "Young people's workshop",
            420,
            18,
            [LCC, FIRE],
            "Youth club members",
            "Held after school; pizza helped.",
        ),
    ],
    "bell-foundry-estate": [
        (
            "Estate open day workshop",
            600,
            31,
            [CBC, POLICE, NHS, HOUSING],
            "Estate residents' group",
            "Mapped where people do and do not feel safe.",
        ),
    ],
    "coalville": [
        (
            "Coalville community workshop",
            700,
            52,
            [NWLDC, POLICE, NHS, VAL],
            "Town centre traders\nChurches together",
            "Pride in the town and safety came first.",
        ),
    ],
}

# zone slug: [(title, method, starts days ago, ends days ago, respondents, findings)]
CONSULTATIONS = {
    "new-parks": [
        (
            "Residents' survey",
            "survey",
            560,
            530,
            312,
            "Two in three residents do not feel safe on the green after dark; most want "
            "evening activities for young people.",
        ),
        (
            "Door-knocking in the maisonette blocks",
            "door_knocking",
            400,
            395,
            88,
            "Older residents feel isolated; many did not know how to report anti-social behaviour.",
        ),
    ],
    "bell-foundry-estate": [
        (
            "Drop-in at the estate shop",
            "drop_in",
            460,
            458,
            64,
            "Dealing near the shops and dark footpaths were raised most.",
        ),
        (
            "Online survey on the draft ambition",
            "online",
            150,
            120,
            140,
            "Residents backed the draft, asking for the cost of living to be named.",
        ),
    ],
    "coalville": [
        (
            "Residents' survey",
            "survey",
            680,
            650,
            420,
            "Residents are proud of Coalville but worry about drugs in the town centre.",
        ),
    ],
}

# zone slug: [(title, theme, status, source: ("workshop" | "consultation", title) | None,
#               consultations that link it)]
KEY_ISSUES = {
    "new-parks": [
        (
            "Nowhere for young people to go in the evenings",
            "safety",
            "in_plan",
            ("workshop", "Launch workshop at the community centre"),
            ["Residents' survey"],
        ),
        (
            "Fly-tipping and litter on the green spaces",
            "resources",
            "in_plan",
            ("workshop", "Launch workshop at the community centre"),
            ["Residents' survey"],
        ),
        (
            "Low confidence in reporting anti-social behaviour",
            "safety",
            "in_plan",
            ("workshop", "Young people's workshop"),
            ["Door-knocking in the maisonette blocks"],
        ),
        (
            "Isolation among older residents",
            "health",
            "open",
            ("consultation", "Door-knocking in the maisonette blocks"),
            [],
        ),
        ("Few local routes into training and work", "skills", "open", None, []),
    ],
    "bell-foundry-estate": [
        (
            "Drug dealing around the shops",
            "safety",
            "in_plan",
            ("workshop", "Estate open day workshop"),
            ["Drop-in at the estate shop"],
        ),
        (
            "Dark footpaths",
            "safety",
            "resolved",
            ("workshop", "Estate open day workshop"),
            ["Drop-in at the estate shop"],
        ),
        (
            "Families struggling with the cost of living",
            "resources",
            "in_plan",
            ("consultation", "Online survey on the draft ambition"),
            [],
        ),
    ],
    "coalville": [
        (
            "Drug-related crime in the town centre",
            "safety",
            "in_plan",
            ("workshop", "Coalville community workshop"),
            ["Residents' survey"],
        ),
        (
            "Empty shops and a tired town centre",
            "resources",
            "open",
            ("workshop", "Coalville community workshop"),
            ["Residents' survey"],
        ),
        (
            "Loneliness among older people",
            "health",
            "open",
            ("consultation", "Residents' survey"),
            [],
        ),
    ],
}

# zone slug: [(text, measures, consulted days ago, approved days ago | None)], oldest first.
# The last version of a zone may stay a draft (consulted None) or consulted (approved None).
AMBITIONS = {
    "new-parks": [
        (
            "New Parks: a place where neighbours know each other, young people have something "
            "to do, and everyone feels safe in their own streets.",
            "Residents feeling safe after dark (yearly survey)\nAnti-social behaviour incidents "
            "per 1,000 residents\nActive volunteers",
            520,
            500,
        ),
        (
            "New Parks Together: neighbours who know each other, young people with somewhere to "
            "go and something to aim for, and streets where everyone feels safe.",
            "Residents feeling safe after dark (yearly survey)\nAnti-social behaviour incidents "
            "per 1,000 residents\nActive volunteers\nYoung people in training or work",
            None,
            None,
        ),
    ],
    "bell-foundry-estate": [
        (
            "An estate where families feel safe walking to the shops and to school, and look "
            "out for each other.",
            "Residents feeling safe (yearly survey)\nDrug-related incidents near the shops",
            440,
            430,
        ),
        (
            "An estate where families feel safe walking to the shops and to school, look out for "
            "each other, and get help early when money is tight.",
            "Residents feeling safe (yearly survey)\nDrug-related incidents near the shops\n"
            "Families helped with money advice",
            100,
            None,
        ),
    ],
    # Coalville's published ambition [public] replaced its first version.
    "coalville": [
        (
            "Coalville: a safer town centre that people want to come back to.",
            "Town centre footfall\nDrug-related crime",
            660,
            650,
        ),
        (
            "A community that has a strong identity where people are proud and feel safe.",
            "A yearly residents' survey\nDrug-related crime\nCommunity activity",
            345,
            330,
        ),
    ],
}

# zone slug: [(objective title, theme, [key issue titles], [(milestone title, due in days,
#   status, owner organisation | None, owner username | None, owner name)])]
PLANS = {
    "new-parks": [
        (
            "Open a youth evening offer three nights a week",
            "safety",
            ["Nowhere for young people to go in the evenings"],
            [
                ("Agree use of the community centre hall", -300, "done", LCC, None, ""),
                ("Recruit and train six volunteer youth leaders", -20, "late", VAL, None, ""),
                ("Fire service course for young people", 45, "on_track", FIRE, "fire-partner", ""),
                (
                    "Review attendance with young people",
                    150,
                    "not_started",
                    None,
                    None,
                    "New Parks Community Panel",
                ),
            ],
        ),
        (
            "Clean and reclaim the green spaces",
            "resources",
            ["Fly-tipping and litter on the green spaces"],
            [
                ("Map fly-tipping hotspots on a community walkabout", -200, "done", LCC, None, ""),
                ("Street-light audit with the council", 10, "at_risk", LCC, None, ""),
                ("Monthly community clean-up", 20, "on_track", None, "newparks-panel", ""),
            ],
        ),
        (
            "Build confidence to report anti-social behaviour",
            "safety",
            ["Low confidence in reporting anti-social behaviour"],
            [
                (
                    "Publish 'you said, we did' in the newsletter",
                    -5,
                    "late",
                    None,
                    None,
                    "New Parks Community Panel",
                ),
                ("PACT meeting every quarter", 30, "on_track", POLICE, None, ""),
            ],
        ),
    ],
    "bell-foundry-estate": [
        (
            "Make the footpaths and shops safer",
            "safety",
            ["Drug dealing around the shops", "Dark footpaths"],
            [
                ("Street-light repairs on the footpaths", -120, "done", CBC, None, ""),
                ("Review CCTV coverage at the shops", 14, "at_risk", POLICE, None, ""),
                ("Joint patrols at school times", 60, "on_track", POLICE, None, ""),
            ],
        ),
        (
            "Help families with the cost of living",
            "resources",
            ["Families struggling with the cost of living"],
            [
                ("Open a food pantry at the community hall", -90, "done", HOUSING, None, ""),
                ("Benefits check sessions at the school", -40, "late", CBC, None, ""),
                ("Money advice drop-ins every month", 25, "not_started", VAL, None, ""),
            ],
        ),
    ],
    "coalville": [
        (
            "Reduce drug-related crime in the town centre",
            "safety",
            ["Drug-related crime in the town centre"],
            [
                ("Agree a joint patrol plan", -150, "done", POLICE, None, ""),
                ("Needle sweeps and a reporting route for traders", -12, "late", NWLDC, None, ""),
                (
                    "Test purchase operation with trading standards",
                    90,
                    "not_started",
                    POLICE,
                    None,
                    "",
                ),
            ],
        ),
        (
            "Celebrate Coalville's identity",
            "other",
            ["Empty shops and a tired town centre"],
            [
                ("Pop-up heritage exhibition in an empty shop", 35, "on_track", NWLDC, None, ""),
                ("Community festival in the park", 75, "at_risk", None, "coalville-panel", ""),
            ],
        ),
    ],
}

# zone slug: [(name or username, role, organisation | None)]. Coalville has no fire service
# and no Local Area Co-ordinator yet: the demo's coverage gap.
CORE_TEAMS = {
    "new-parks": [
        ("Demo Council Lead", "operational_lead", LCC),
        ("Demo Beat Sergeant", "operational_lead", POLICE),
        ("@fire-partner", "operational_lead", FIRE),
        ("Demo Health Lead", "operational_lead", NHS),
        ("Demo Community Lead", "community_lead", None),
    ],
    "bell-foundry-estate": [
        ("Demo Borough Lead", "operational_lead", CBC),
        ("Demo PCSO", "operational_lead", POLICE),
        ("Demo Station Manager", "operational_lead", FIRE),
        ("Demo Practice Manager", "operational_lead", NHS),
        ("Demo Local Area Co-ordinator", "local_area_coordinator", LCoC),
    ],
    "coalville": [
        ("Demo District Lead", "operational_lead", NWLDC),
        ("Demo Town Centre Inspector", "operational_lead", POLICE),
        ("Demo Primary Care Lead", "operational_lead", NHS),
    ],
}


def _ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def load(state: dict) -> None:
    """Load the zones, the panel demo accounts and the zones' plans; needs the governance
    demo first."""
    bodies = state["bodies"]
    zones = {}
    for slug, name, area_type, district, csp, jag, description in ZONES:
        location, latitude, longitude = LOCATIONS[slug]
        zones[slug] = zone_upsert(
            slug=slug,
            name=name,
            area_type=area_type,
            district=district,
            csp=bodies[csp],
            jag=bodies[jag],
            status=Zone.Status.ACTIVE,
            description=description,
            location=location,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            opened_on=OPENED_ON,
        )
    for username, first, last, zone, chair, description in PANEL_ACCOUNTS:
        user = demo_person(username, first, last)
        panel_member_set(zone=zones[zone], user=user, is_chair=chair)
        state["accounts"].append((username, description))
    state["zones"] = zones
    load_plans(state)


def load_plans(state: dict) -> None:
    """The zones' plans, created only where missing."""
    organisations = state["organisations"]
    actor = User.objects.get(username="officer")
    ingredients = [
        services.ingredient_upsert(name=name, description=description, position=n)
        for n, (name, description) in enumerate(INGREDIENTS, start=1)
    ]
    for slug, zone in state["zones"].items():
        _core_team(zone, actor, organisations)
        workshops = _workshops(zone, actor, organisations)
        consultations = _consultations(zone, actor)
        issues = _key_issues(zone, actor, workshops, consultations)
        _ambitions(zone, actor)
        _plan(zone, actor, organisations, issues)
        for index, status, evidence in INGREDIENT_STATUSES[slug]:
            services.zone_ingredient_set(
                actor=actor,
                zone=zone,
                ingredient=ingredients[index],
                status=status,
                evidence=evidence,
            )


def _core_team(zone, actor, organisations) -> None:
    for who, role, organisation in CORE_TEAMS[zone.slug]:
        user = User.objects.get(username=who[1:]) if who.startswith("@") else None
        exists = zone.core_team.filter(user=user) if user else zone.core_team.filter(name=who)
        if not exists.exists():
            services.core_team_member_save(
                actor=actor,
                zone=zone,
                role=role,
                user=user,
                name="" if user else who,
                organisation=organisations.get(organisation),
            )


def _workshops(zone, actor, organisations) -> dict:
    found = {}
    for title, ago, attendees, present, others, notes in WORKSHOPS[zone.slug]:
        found[title] = zone.workshops.filter(title=title).first() or services.workshop_save(
            actor=actor,
            zone=zone,
            title=title,
            held_on=_ago(ago),
            attendees=attendees,
            organisations=[organisations[name] for name in present],
            other_organisations=others,
            notes=notes,
        )
    return found


def _consultations(zone, actor) -> dict:
    found = {}
    for title, method, starts, ends, respondents, findings in CONSULTATIONS[zone.slug]:
        found[title] = zone.consultations.filter(title=title).first() or (
            services.consultation_save(
                actor=actor,
                zone=zone,
                title=title,
                method=method,
                starts_on=_ago(starts),
                ends_on=_ago(ends),
                respondents=respondents,
                findings=findings,
            )
        )
    return found


def _key_issues(zone, actor, workshops, consultations) -> dict:
    found = {}
    for title, theme, status, source, linked in KEY_ISSUES[zone.slug]:
        issue = zone.key_issues.filter(title=title).first()
        if issue is None:
            kind, name = source or (None, None)
            issue = services.key_issue_save(
                actor=actor,
                zone=zone,
                title=title,
                theme=theme,
                status=status,
                source_workshop=workshops.get(name) if kind == "workshop" else None,
                source_consultation=consultations.get(name) if kind == "consultation" else None,
            )
            for consultation in linked:
                consultations[consultation].key_issues.add(issue)
        found[title] = issue
    return found


def _ambitions(zone, actor) -> None:
    """Each version moves through the same services as on the pages."""
    if zone.ambition_statements.exists():
        return
    for text, measures, consulted, approved in AMBITIONS[zone.slug]:
        statement = services.ambition_draft_start(
            actor=actor, zone=zone, text=text, measures=measures
        )
        AmbitionStatement.objects.filter(pk=statement.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=(consulted or 10) + 30)
        )
        if consulted is not None:
            statement = services.ambition_mark_consulted(
                actor=actor, statement=statement, on=_ago(consulted)
            )
        if approved is not None:
            services.ambition_approve(actor=actor, statement=statement, on=_ago(approved))


def _plan(zone, actor, organisations, issues) -> None:
    for position, (title, theme, issue_titles, milestones) in enumerate(PLANS[zone.slug], 1):
        objective = zone.objectives.filter(title=title).first() or services.objective_save(
            actor=actor,
            zone=zone,
            title=title,
            theme=theme,
            key_issues=[issues[t] for t in issue_titles],
            position=position,
        )
        for name, due_in, status, organisation, username, owner_name in milestones:
            if objective.milestones.filter(title=name).exists():
                continue
            due_on = timezone.localdate() + datetime.timedelta(days=due_in)
            services.milestone_save(
                actor=actor,
                objective=objective,
                title=name,
                due_on=due_on,
                status=status,
                owner_person=User.objects.get(username=username) if username else None,
                owner_organisation=organisations.get(organisation),
                owner_name=owner_name,
                completed_on=due_on - datetime.timedelta(days=7) if status == "done" else None,
            )
