"""About one activity per zone per day, with the domains it touched and the principles it
applied, some with a partner organisation, an objective or a toolkit method."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from peoplezones.models import Activity, ActivityDomain, ActivityPrinciple
from peoplezones.models.activities import ApproachPrinciple, ResilienceDomain
from scale.people import Area
from scale.writer import Writer

DOMAINS = list(ResilienceDomain.values)
PRINCIPLES = list(ApproachPrinciple.values)
KINDS = [
    ("Litter pick", "Volunteers cleared litter from the park and the alleyways."),
    ("Coffee morning", "Residents met partners over coffee at the community centre."),
    ("Youth football", "A coached football session for young people on the rec."),
    ("Community walkabout", "Residents and officers walked the estate after dark."),
    ("Digital skills drop-in", "Volunteers helped residents get online."),
    ("Lunch club", "A shared lunch for older residents living alone."),
    ("Street meeting", "Neighbours met the housing officer about repairs."),
    ("Garden session", "Planting in the community garden with the school."),
]


def build(w: Writer, area: Area, method_ids: list[int]) -> None:
    knobs, rng = area.knobs, area.rng
    now = timezone.now()
    today = timezone.localdate()
    days = knobs.years * 365
    for zone in area.zones:
        panel, objectives = zone["panel"], zone["objectives"]
        for back in range(days, 0, -1):
            if knobs.activities_per_zone_day < 1 and rng.random() >= knobs.activities_per_zone_day:
                continue
            occurred = today - timedelta(days=back)
            title, description = KINDS[rng.randrange(len(KINDS))]
            logger = panel[rng.randrange(len(panel))]
            logged = timezone.make_aware(
                timezone.datetime.combine(occurred, timezone.datetime.min.time())
            ) + timedelta(hours=18)
            verified = back > 14 and rng.random() < (0.99 if back > 60 else 0.6)
            verifier = panel[0] if logger != panel[0] else panel[1]
            pk = w.add(
                Activity, zone_id=zone["id"], title=title, occurred_on=occurred,
                description=description, participants=5 + rng.randrange(40),
                volunteer_hours=Decimal(rng.randrange(2, 60)) / 2,
                in_kind_value=Decimal(rng.randrange(0, 400)),
                in_kind_description="Room hire given free by the council." if back % 3 else "",
                objective_id=objectives[rng.randrange(len(objectives))] if back % 2 else None,
                method_id=method_ids[rng.randrange(len(method_ids))]
                if method_ids and back % 3 == 0 else None,
                logged_by_id=logger, logged_at=min(logged, now), updated_at=min(logged, now),
                verified_by_id=verifier if verified else None,
                verified_at=logged + timedelta(days=3) if verified else None,
            )  # fmt: skip
            for domain in rng.sample(DOMAINS, 1 + rng.randrange(3)):
                w.add(ActivityDomain, activity_id=pk, domain=domain)
            for principle in rng.sample(PRINCIPLES, 1 + rng.randrange(2)):
                w.add(ActivityPrinciple, activity_id=pk, principle=principle)
            if back % 3 == 1:
                w.add(
                    Activity.organisations.through, activity_id=pk,
                    organisation_id=area.orgs[rng.randrange(len(area.orgs))],
                )  # fmt: skip
