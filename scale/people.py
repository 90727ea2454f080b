"""Organisations, people, bodies and seats of one area; the sign-in accounts."""

from dataclasses import dataclass, field
from random import Random

from governance.models import Body, Membership, Organisation, User
from scale.knobs import Knobs, area_name, area_prefix
from scale.writer import Writer

FIRST = [
    "Amara", "Ben", "Chloe", "Dev", "Ella", "Faisal", "Grace", "Harry", "Isla", "Jamal",
    "Kate", "Liam", "Maya", "Noah", "Olivia", "Priya", "Quentin", "Rosa", "Sam", "Tariq",
    "Uma", "Victor", "Wendy", "Xavier", "Yasmin", "Zach",
]  # fmt: skip
LAST = [
    "Adams", "Begum", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Quinn", "Roberts",
    "Singh", "Taylor", "Usman", "Vaughan", "Walker", "Young",
]  # fmt: skip
DISTRICTS = [
    "North", "South", "East", "West", "Central", "Vale", "Forest", "Coast", "Moor", "Downs",
    "Valley", "Heath", "Marsh", "Hills", "Riverside",
]  # fmt: skip
NEIGHBOURHOODS = ["Park", "Green", "Fields", "Brook", "Hill", "Cross", "Bridge", "Lane"]
# An unusable password hash: only the sign-in accounts sign in, no synthetic person.
UNUSABLE = "!synthetic"  # noqa: S105


@dataclass
class Area:
    """What one area's generators share: its ids and a seeded random source."""

    k: int
    knobs: Knobs
    rng: Random
    name: str = ""
    prefix: str = ""
    opcc: int = 0
    orgs: list[int] = field(default_factory=list)
    officers: list[int] = field(default_factory=list)
    spb: int = 0
    sog: int = 0
    csps: list[int] = field(default_factory=list)
    jags: list[list[int]] = field(default_factory=list)  # per CSP
    district: dict[int, str] = field(default_factory=dict)  # body id → place
    members: dict[int, list[int]] = field(default_factory=dict)  # body id → user ids
    org_of: dict[int, int] = field(default_factory=dict)  # user id → organisation id
    zones: list[dict] = field(default_factory=list)
    panel_account: int = 0

    @property
    def bodies(self) -> list[int]:
        return [self.spb, self.sog, *self.csps, *(j for js in self.jags for j in js)]

    def parent(self, body: int) -> int | None:
        if body == self.spb:
            return None
        if body == self.sog:
            return self.spb
        if body in self.csps:
            return self.sog
        for c, js in enumerate(self.jags):
            if body in js:
                return self.csps[c]
        raise KeyError(body)


def _person(
    w: Writer, area: Area, username: str, org: int | None, title: str = "", password=UNUSABLE
) -> int:
    rng = area.rng
    pk = w.add(
        User,
        username=username,
        password=password,
        first_name=rng.choice(FIRST),
        last_name=rng.choice(LAST),
        email=f"{username}@example.invalid",
        is_active=True,
        is_staff=False,
        is_superuser=False,
        date_joined=w.now,
        organisation_id=org,
        job_title=title,
    )
    if org:
        area.org_of[pk] = org
    return pk


def build(w: Writer, k: int, knobs: Knobs) -> Area:
    area = Area(k=k, knobs=knobs, rng=Random(knobs.seed * 1000 + k))  # noqa: S311 (not secret)
    area.name, area.prefix = area_name(k), area_prefix(k)
    name, p = area.name, area.prefix
    Kind = Organisation.Kind
    area.opcc = w.add(
        Organisation, name=f"Office of the Police and Crime Commissioner for {name} [{p}]",
        kind=Kind.OPCC,
    )  # fmt: skip
    for label, kind in [
        (f"{name} Police", Kind.POLICE),
        (f"{name} Fire and Rescue Service", Kind.FIRE),
        (f"{name} County Council", Kind.LOCAL_AUTHORITY),
        (f"NHS {name} Integrated Care Board", Kind.HEALTH),
        (f"Probation Service ({name})", Kind.PROBATION),
        (f"{name} Homes", Kind.HOUSING),
        (f"Voluntary Action {name}", Kind.VOLUNTARY),
    ]:
        area.orgs.append(w.add(Organisation, name=f"{label} [{p}]", kind=kind))
    area.officers = [
        _person(w, area, f"{p}-officer{i}", area.opcc, "Partnerships officer") for i in range(3)
    ]

    def body(slug, title, level, parent, place):
        pk = w.add(
            Body, name=title, slug=slug, level=level, parent_id=parent, area=place,
            terms_of_reference=f"Synthetic {Body.Level(level).label} for {place}.",
            is_active=True,
        )  # fmt: skip
        area.district[pk] = place
        seats = []
        for i in range(knobs.members_per_body):
            org = area.rng.choice(area.orgs)
            user = _person(w, area, f"{slug}-m{i}", org, "Partnership lead")
            role = Membership.Role.CHAIR if i == 0 else Membership.Role.MEMBER
            w.add(Membership, body_id=pk, user_id=user, organisation_id=org, role=role)
            seats.append(user)
        area.members[pk] = seats
        return pk

    area.spb = body(f"{p}-spb", f"{name} Strategic Partnership Board", 5, None, name)
    area.sog = body(f"{p}-sog", f"{name} Senior Officers' Group", 4, area.spb, name)
    for c in range(knobs.csps):
        district = f"{name} {DISTRICTS[c % len(DISTRICTS)]}" + (
            f" {c // len(DISTRICTS) + 1}" if c >= len(DISTRICTS) else ""
        )
        csp = body(f"{p}-csp{c}", f"{district} CSP", 2, area.sog, district)
        area.csps.append(csp)
        jags = []
        for j in range(knobs.jags):
            place = f"{NEIGHBOURHOODS[j % len(NEIGHBOURHOODS)]} ward, {district}"
            jags.append(body(f"{p}-csp{c}-jag{j}", f"{place} JAG", 1, csp, place))
        area.jags.append(jags)
    return area


# The accounts the benchmark signs in with: (username, what they are, how to find them).
ACCOUNTS = [
    ("scale-officer", "OPCC officer (area 1)"),
    ("scale-board", "Strategic Partnership Board member (area 1)"),
    ("scale-jag", "Joint Action Group member (area 1, first JAG)"),
    ("scale-panel", "Community panel member (area 1, first zone)"),
]


def accounts(w: Writer, area: Area, password_hash: str) -> None:
    """The four sign-in accounts, placed in the first area."""
    officer, board, jag, panel = (
        _person(w, area, username, org, title, password_hash)
        for username, org, title in [
            ("scale-officer", area.opcc, "Partnerships officer"),
            ("scale-board", area.orgs[0], "Board member"),
            ("scale-jag", area.orgs[1], "JAG member"),
            ("scale-panel", None, ""),
        ]
    )
    area.officers.append(officer)
    w.add(Membership, body_id=area.spb, user_id=board, organisation_id=area.orgs[0], role="member")
    area.members[area.spb].append(board)
    jag_body = area.jags[0][0]
    w.add(Membership, body_id=jag_body, user_id=jag, organisation_id=area.orgs[1], role="member")
    area.members[jag_body].append(jag)
    area.panel_account = panel
