"""People Zones of one area: panels, core teams, ambition statements, delivery plans."""

from datetime import timedelta

from django.utils import timezone

from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    PanelMembership,
    Workshop,
    Zone,
    ZoneIngredient,
)
from scale.people import Area, _person
from scale.writer import Writer

THEMES = ["skills", "resources", "health", "safety"]
ISSUES = [
    ("Young people have nowhere to go in the evening", "skills"),
    ("Fly-tipping behind the shops", "safety"),
    ("Older residents feel isolated", "health"),
    ("The community centre is under-used", "resources"),
    ("Speeding on the main road", "safety"),
    ("Few local jobs for school leavers", "skills"),
]
OBJECTIVES = [
    "Open a youth club two evenings a week",
    "Clean up and light the alleyways",
    "Start a weekly lunch club for older residents",
    "Bring partner services into the community centre",
    "Train residents as community speed watch volunteers",
]
INGREDIENTS = [
    "Community panel leads", "Shared local ambition", "Agency core team",
    "Problem-solving approach", "Asset mapping", "Volunteer development",
    "Co-located services", "Regular review",
]  # fmt: skip


def ingredients(w: Writer) -> list[int]:
    """The Braunstone Blues ingredients: those there are, or a synthetic set."""
    existing = list(Ingredient.objects.order_by("position").values_list("pk", flat=True))
    if existing:
        return existing
    return [
        w.add(Ingredient, name=name, description="Synthetic ingredient.", position=i)
        for i, name in enumerate(INGREDIENTS)
    ]


def build(w: Writer, area: Area, ingredient_ids: list[int]) -> None:
    knobs, rng = area.knobs, area.rng
    today = timezone.localdate()
    opened = today - timedelta(days=365 * knobs.years)
    for z in range(knobs.zones):
        c = z % len(area.csps)
        csp, jag = area.csps[c], area.jags[c][(z // len(area.csps)) % len(area.jags[c])]
        place = area.district[jag].split(",")[0].replace(" ward", "")
        name = f"{place} {area.district[csp].split()[-1]} People Zone"
        slug = f"{area.prefix}-zone{z}"
        zone = w.add(
            Zone, name=f"{name} ({area.name} {z + 1})", slug=slug,
            area_type="city" if z % 3 else "county", district=area.district[csp],
            csp_id=csp, jag_id=jag, status="active",
            description=f"A synthetic People Zone in {area.district[csp]}.",
            location=place, opened_on=opened,
        )  # fmt: skip
        panel = []
        for i in range(knobs.panel_size):
            user = _person(w, area, f"{slug}-panel{i}", None)
            w.add(PanelMembership, zone_id=zone, user_id=user, is_chair=i == 0, joined_on=opened)
            panel.append(user)
        if z == 0 and area.panel_account:
            w.add(PanelMembership, zone_id=zone, user_id=area.panel_account, joined_on=opened)
            panel.append(area.panel_account)
        # Police and fire leads from the JAG, health and the council's co-ordinator by
        # name; one zone in ten still misses its fire lead (a coverage gap to show).
        police, fire, council, health = area.orgs[0], area.orgs[1], area.orgs[2], area.orgs[3]
        leads = [(area.members[jag][0], police)]
        if z % 10 != 9:
            leads.append((area.members[jag][1], fire))
        for user, org in leads:
            w.add(CoreTeamMember, zone_id=zone, user_id=user, organisation_id=org,
                  role="operational_lead")  # fmt: skip
        w.add(CoreTeamMember, zone_id=zone, name="Health lead", organisation_id=health,
              role="operational_lead")  # fmt: skip
        w.add(CoreTeamMember, zone_id=zone, name="Local Area Co-ordinator",
              organisation_id=council, role="local_area_coordinator")  # fmt: skip
        w.add(CoreTeamMember, zone_id=zone, name="Panel chair", role="community_lead")
        for position, ingredient in enumerate(ingredient_ids):
            w.add(
                ZoneIngredient, zone_id=zone, ingredient_id=ingredient,
                status=["integrated", "in_progress", "not_yet"][(position + z) % 3],
                evidence="Seen at the last review." if position % 2 else "",
            )  # fmt: skip
        workshop = w.add(
            Workshop, zone_id=zone, held_on=opened + timedelta(days=20),
            title="Opening workshop", attendees=30 + rng.randrange(40),
        )  # fmt: skip
        w.add(
            Consultation, zone_id=zone, title="Residents' survey", method="survey",
            starts_on=opened + timedelta(days=30), ends_on=opened + timedelta(days=60),
            respondents=100 + rng.randrange(300), findings="Residents want safer streets.",
        )  # fmt: skip
        key_issues = [
            w.add(
                KeyIssue,
                zone_id=zone,
                title=title,
                theme=theme,
                source_workshop_id=workshop,
                status="in_plan",
                description="Named at the opening workshop.",
            )  # fmt: skip
            for title, theme in ISSUES
        ]
        statements = []
        for version, status, approved_on, superseded_on in [
            (1, "superseded", opened + timedelta(days=90), today - timedelta(days=730)),
            (2, "approved", today - timedelta(days=730), None),
            (3, "draft", None, None),
        ]:
            statements.append(
                w.add(
                    AmbitionStatement,
                    zone_id=zone,
                    version=version,
                    text=f"By {today.year + 2} {place} is a place where people of every age "
                    "feel safe, know their neighbours and can get help close to home.",
                    measures="More residents feel safe after dark\nMore people volunteer",
                    status=status,
                    approved_on=approved_on,
                    consulted_on=approved_on - timedelta(days=30) if approved_on else None,
                    approved_by_id=area.officers[0] if approved_on else None,
                    superseded_on=superseded_on,
                )  # fmt: skip
            )
        objectives = []
        milestones = []
        for position, title in enumerate(OBJECTIVES):
            objective = w.add(
                Objective, zone_id=zone, title=title, theme=THEMES[position % 4],
                description="From the community's ambition statement.", position=position,
            )  # fmt: skip
            objectives.append(objective)
            w.add(
                Objective.key_issues.through, objective_id=objective,
                keyissue_id=key_issues[position],
            )  # fmt: skip
            for m in range(4):
                due = today + timedelta(days=-400 + 200 * m + 7 * position)
                status = ["on_track", "at_risk"][m % 2]
                # Past steps are done, but for one late step in one zone in five.
                if due < today and not (z % 5 == 4 and position == 0 and m == 1):
                    status = "done"
                milestones.append(
                    w.add(
                        Milestone,
                        objective_id=objective,
                        title=f"Step {m + 1}: {title.lower()}",
                        due_on=due,
                        status=status,
                        completed_on=due if status == "done" else None,
                        owner_organisation_id=area.orgs[(position + m) % len(area.orgs)],
                    )  # fmt: skip
                )
        area.zones.append(
            {
                "id": zone,
                "csp": csp,
                "jag": jag,
                "panel": panel,
                "opened": opened,
                "objectives": objectives,
                "statement": statements[1],
            }  # fmt: skip
        )
