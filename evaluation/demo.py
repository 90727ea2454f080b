"""Demo data: the demo indicators of DOMAIN.md for each zone's current ambition statement,
with a measurement a month over the last year; a few activities from the year before, so
the resilience profiles have something to compare with; one published board pack and one
draft. Safe to run again: nothing that exists already is added twice."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from evaluation.models import BoardPack
from evaluation.periods import add_months
from evaluation.selectors.indicators import current_statements
from evaluation.services.indicators import indicator_save, measurement_record
from evaluation.services.packs import board_pack_create, board_pack_publish
from governance.models import User
from peoplezones.models import Zone
from peoplezones.services.activities import ActivityDetails, activity_log

# (name, domain, unit, direction, baseline, target, source, decimals)
INDICATORS = [
    (
        "Community leadership programme completions",
        "skills",
        "people",
        "higher",
        0,
        24,
        "Voluntary Action LeicesterShire course records",
        0,
    ),
    (
        "Active volunteers",
        "skills",
        "people",
        "higher",
        18,
        40,
        "Community panel volunteer register",
        0,
    ),
    (
        "Community assets mapped",
        "resources",
        "assets",
        "higher",
        12,
        40,
        "Asset-mapping walkabouts",
        0,
    ),
    (
        "In-kind and grant value leveraged",
        "resources",
        "£",
        "higher",
        0,
        20000,
        "Activity log and grant letters",
        0,
    ),
    (
        "Residents reporting loneliness",
        "health",
        "%",
        "lower",
        28,
        20,
        "Residents' survey (rolling sample)",
        1,
    ),
    (
        "Social-prescribing referrals",
        "health",
        "referrals a month",
        "higher",
        5,
        15,
        "Primary care network",
        0,
    ),
    (
        "Anti-social behaviour incidents",
        "safety",
        "per 1,000 residents",
        "lower",
        42,
        30,
        "Police recorded incidents",
        1,
    ),
    (
        "Residents feeling safe after dark",
        "safety",
        "%",
        "higher",
        48,
        65,
        "Residents' survey (rolling sample)",
        1,
    ),
    (
        "Street-light defects fixed within 28 days",
        "safety",
        "%",
        "higher",
        55,
        90,
        "Council street-lighting team",
        0,
    ),
]

# How fast each zone is moving on each indicator, as a share of the pace its target needs:
# 1.0 is exactly on schedule. Different zones, different stories.
PACE = {
    "new-parks": [1.3, 1.1, 1.0, 1.4, 0.9, 1.2, 1.1, 0.8, 0.5],
    "bell-foundry-estate": [0.7, 1.0, 1.2, 0.9, 0.6, 1.0, 0.8, 1.1, 1.2],
    "coalville": [0.4, 0.6, 0.9, 0.7, 0.2, 0.8, 1.5, 0.7, 0.9],
}
TARGET_YEARS = 3
MONTHS = 12

# Activities from the year before the last, for the profiles' comparison: (title, domains,
# participants, hours, in-kind £, months ago).
EARLIER = [
    ("First community walkabout", ["safety", "resources"], 15, "20", 0, 20),
    ("Residents' skills swap", ["skills"], 22, "30", 40, 17),
    ("Summer fun day", ["health", "resources"], 120, "60", 350, 15),
    ("Meet your neighbourhood officer", ["safety"], 18, "6", 0, 14),
]


def _wobble(month: int, index: int) -> float:
    # A small, repeatable ripple so the lines look measured, not drawn with a ruler.
    return ((month * 7 + index * 3) % 5 - 2) * 0.04


def _value(row, pace: float, month: int, index: int) -> Decimal:
    _, _, _, _, baseline, target, _, places = row
    share = pace * month / (TARGET_YEARS * 12) + _wobble(month, index) * (month > 0)
    value = Decimal(baseline) + (Decimal(target) - Decimal(baseline)) * Decimal(str(share))
    value = max(value, Decimal(0))
    return value.quantize(Decimal(1) / Decimal(10**places), rounding=ROUND_HALF_UP)


def load(state: dict) -> None:
    """Load the evaluation demo data; needs the zones, their plans and activities first."""
    officer = User.objects.get(username="officer")
    today = timezone.localdate()
    zones: dict[str, Zone] = state["zones"]
    statements = current_statements(zones.values())
    baseline_on = add_months(today, -MONTHS - 1)
    for slug, zone in zones.items():
        statement = statements.get(zone.pk)
        if statement is None:
            continue
        for index, row in enumerate(INDICATORS):
            _indicator(officer, statement, row, index, PACE[slug][index], baseline_on, today)
        _earlier_activities(zone, today)
    _packs(officer, today)


def _indicator(officer, statement, row, index, pace, baseline_on, today) -> None:
    name, domain, unit, direction, baseline, target, source, _ = row
    indicator = statement.indicators.filter(name=name).first()
    if indicator is None:
        indicator = indicator_save(
            actor=officer,
            ambition_statement=statement,
            name=name,
            domain=domain,
            unit=unit,
            direction=direction,
            baseline_value=Decimal(baseline),
            baseline_on=baseline_on,
            target_value=Decimal(target),
            target_on=baseline_on.replace(year=baseline_on.year + TARGET_YEARS),
            source=source,
        )
    taken = set(indicator.measurements.values_list("measured_on", flat=True))
    for month in range(1, MONTHS + 1):
        measured_on = add_months(baseline_on, month) + datetime.timedelta(days=14)
        if measured_on > today or measured_on in taken:
            continue
        measurement_record(
            actor=officer,
            indicator=indicator,
            value=_value(row, pace, month, index),
            measured_on=measured_on,
            note="Demo figure." if month == 1 else "",
        )


def _earlier_activities(zone: Zone, today) -> None:
    chair = zone.panel.filter(is_chair=True).select_related("user").first()
    member = chair or zone.panel.select_related("user").first()
    if member is None:
        return
    for title, domains, people, hours, in_kind, months_ago in EARLIER:
        if zone.activities.filter(title=title).exists():
            continue
        occurred_on = add_months(today, -months_ago) + datetime.timedelta(days=9)
        activity = activity_log(
            actor=member.user,
            zone=zone,
            details=ActivityDetails(
                title=title,
                occurred_on=occurred_on,
                description=f"{title}, organised by the community panel.",
                domains=domains,
                principles=["community_enabled"],
                participants=people,
                volunteer_hours=Decimal(hours),
                in_kind_description="Donated on the day" if in_kind else "",
                in_kind_value=Decimal(in_kind),
                organisations=[],
                objective=None,
            ),
        )
        # Logged on the evening it happened, as the panel would have, not today.
        logged = datetime.datetime.combine(occurred_on, datetime.time(19, 0))
        type(activity).objects.filter(pk=activity.pk).update(logged_at=timezone.make_aware(logged))


PUBLISHED_TITLE = "People Zones and partnership working: report to the Board"
DRAFT_TITLE = "New Parks People Zone: quarterly report (draft)"


def _packs(officer: User, today) -> None:
    if not BoardPack.objects.filter(title__startswith=PUBLISHED_TITLE).exists():
        end = add_months(today, 0) - datetime.timedelta(days=1)
        pack = board_pack_create(
            actor=officer,
            title=f"{PUBLISHED_TITLE}, {end:%B %Y}",
            period_start=add_months(end, -5),
            period_end=end,
            introduction="The People Zones have moved from planning into delivery: each zone "
            "now measures its ambition statement with indicators agreed with its community.",
            recommendations="The Board is asked to note this paper.\nThe Board is asked to "
            "support a fire service lead for the Coalville core team.",
        )
        board_pack_publish(actor=officer, pack=pack)
    new_parks = Zone.objects.filter(slug="new-parks").first()
    if new_parks and not BoardPack.objects.filter(title=DRAFT_TITLE).exists():
        board_pack_create(
            actor=officer,
            title=DRAFT_TITLE,
            scope=BoardPack.Scope.ZONE,
            zone=new_parks,
            period_start=add_months(today, -3),
            period_end=today,
        )
