"""Resilience activity in a period: counted by domain, approach principle, organisation,
month and zone, each by one aggregate query in the database (a fixed number of queries,
whatever the zones hold). The zones may be given as a queryset, read only inside those
queries (at national scale an officer's summary covers 430 zones and 785,000 activities).

An activity may touch several resilience domains and apply several principles. It counts
once in each domain it touched (and once per principle) but only once in the totals, so the
domain rows may add up to more than the totals. The pages say so.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from evaluation.periods import Period, last_twelve_months
from peoplezones.models import (
    Activity,
    ActivityDomain,
    ActivityPrinciple,
    ApproachPrinciple,
    ResilienceDomain,
    Zone,
)

HOURS = DecimalField(max_digits=14, decimal_places=1)
MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal(0)


@dataclass
class Totals:
    """Activities, participants, volunteer hours and in-kind value (£) of a set."""

    activities: int = 0
    participants: int = 0
    volunteer_hours: Decimal = ZERO
    in_kind_value: Decimal = ZERO

    @classmethod
    def of(cls, row: dict | None) -> "Totals":
        if not row:
            return cls()
        return cls(
            activities=row["activities"] or 0,
            participants=row["participants"] or 0,
            volunteer_hours=row["volunteer_hours"] or ZERO,
            in_kind_value=row["in_kind_value"] or ZERO,
        )


@dataclass
class Row:
    """One line of a breakdown: a domain, a principle, an organisation, a month or a zone."""

    key: object
    label: str
    totals: Totals
    extra: dict = field(default_factory=dict)


@dataclass
class ActivitySummary:
    period: Period
    # The zones compared zone by zone (`by_zone`): every zone counted, unless the summary
    # was asked for one page of them.
    zones: list[Zone]
    totals: Totals
    verified: int
    without_organisation: int
    by_domain: list[Row]
    by_principle: list[Row]
    by_organisation: list[Row]
    by_month: list[Row]
    by_zone: list[Row]

    @property
    def zone_slugs(self) -> list[str]:
        return [zone.slug for zone in self.zones]

    @property
    def is_empty(self) -> bool:
        return self.totals.activities == 0

    def domain_totals(self, zone_id: int) -> dict[str, int]:
        """Activities per domain in one zone: `{domain value: count}`."""
        for row in self.by_zone:
            if row.key == zone_id:
                return row.extra["domains"]
        return dict.fromkeys(ResilienceDomain.values, 0)


def measure_sums(prefix: str = "") -> dict:
    """The four measures, summed over `prefix`-ed activity columns."""
    return {
        "activities": Count(f"{prefix}id" if prefix else "pk"),
        "participants": Coalesce(Sum(f"{prefix}participants"), 0),
        "volunteer_hours": Coalesce(
            Sum(f"{prefix}volunteer_hours"), Value(ZERO), output_field=HOURS
        ),
        "in_kind_value": Coalesce(Sum(f"{prefix}in_kind_value"), Value(ZERO), output_field=MONEY),
    }


def _zone_ids(zones):
    """Zones' ids for `zone_id__in`: a subquery for a queryset, a list otherwise."""
    if isinstance(zones, QuerySet):
        return zones.order_by().values("pk")
    return [zone if isinstance(zone, int) else zone.pk for zone in zones]


def activities_in(zone_ids, period: Period) -> QuerySet[Activity]:
    """The activities of these zones (ids, or a queryset of zones) in the period."""
    return Activity.objects.filter(
        zone_id__in=_zone_ids(zone_ids), occurred_on__gte=period.start, occurred_on__lte=period.end
    )


def _linked(model, zone_ids, period: Period) -> QuerySet:
    return model.objects.filter(
        activity__zone_id__in=_zone_ids(zone_ids),
        activity__occurred_on__gte=period.start,
        activity__occurred_on__lte=period.end,
    )


def _by_choice(model, column: str, choices, zone_ids, period) -> list[Row]:
    # One link row per activity and domain (or principle): the sums count each activity
    # once per domain it touched.
    found = {
        row[column]: Totals.of(row)
        for row in _linked(model, zone_ids, period)
        .order_by()
        .values(column)
        .annotate(**measure_sums("activity__"))
    }
    return [
        Row(choice.value, choice.label, found.get(choice.value, Totals())) for choice in choices
    ]


def _by_organisation(zone_ids, period) -> list[Row]:
    through = Activity.organisations.through
    rows = (
        _linked(through, zone_ids, period)
        .order_by()
        .values("organisation_id", "organisation__name")
        .annotate(**measure_sums("activity__"))
        .order_by("-activities", "organisation__name")
    )
    return [Row(r["organisation_id"], r["organisation__name"], Totals.of(r)) for r in rows]


def _by_month(zone_ids, period) -> list[Row]:
    # Each month also counts its verified activities and those with no organisation, so
    # that the totals are the months added up: one pass over the period's activities.
    through = Activity.organisations.through
    has_organisation = Exists(through.objects.filter(activity_id=OuterRef("pk")))
    found = {
        _as_date(row["month"]): row
        for row in activities_in(zone_ids, period)
        .order_by()
        .annotate(month=TruncMonth("occurred_on"))
        .values("month")
        .annotate(
            **measure_sums(),
            verified=Count("pk", filter=Q(verified_at__isnull=False)),
            without_organisation=Count("pk", filter=~has_organisation),
        )
    }
    return [
        Row(
            m,
            f"{m:%B %Y}",
            Totals.of(found.get(m)),
            {
                "short": f"{m:%b}",
                "verified": found.get(m, {}).get("verified", 0),
                "without_organisation": found.get(m, {}).get("without_organisation", 0),
            },
        )
        for m in period.months
    ]


def _added_up(rows: list[Row]) -> Totals:
    return Totals(
        activities=sum(row.totals.activities for row in rows),
        participants=sum(row.totals.participants for row in rows),
        volunteer_hours=sum((row.totals.volunteer_hours for row in rows), ZERO),
        in_kind_value=sum((row.totals.in_kind_value for row in rows), ZERO),
    )


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _by_zone(zones: list[Zone], period) -> list[Row]:
    zone_ids = [zone.pk for zone in zones]
    totals = {
        row["zone_id"]: Totals.of(row)
        for row in activities_in(zone_ids, period)
        .order_by()
        .values("zone_id")
        .annotate(**measure_sums())
    }
    domains = defaultdict(lambda: dict.fromkeys(ResilienceDomain.values, 0))
    for zone_id, domain, n in (
        _linked(ActivityDomain, zone_ids, period)
        .order_by()
        .values_list("activity__zone_id", "domain")
        .annotate(n=Count("id"))
    ):
        domains[zone_id][domain] = n
    return [
        Row(
            zone.pk,
            zone.name,
            totals.get(zone.pk, Totals()),
            {"zone": zone, "domains": domains[zone.pk]},
        )
        for zone in zones
    ]


def activity_summary(
    *,
    zones: list[Zone] | QuerySet[Zone],
    period: Period | None = None,
    zones_shown: list[Zone] | None = None,
) -> ActivitySummary:
    """Everything the summary page shows for these zones and period (six queries): the
    totals and breakdowns count every zone; the zone-by-zone rows are those of
    `zones_shown` (a page of them) if given, else of every zone."""
    period = period or last_twelve_months()
    zone_ids = _zone_ids(zones)
    shown = list(zones if zones_shown is None else zones_shown)
    by_month = _by_month(zone_ids, period)
    return ActivitySummary(
        period=period,
        zones=shown,
        totals=_added_up(by_month),
        verified=sum(row.extra["verified"] for row in by_month),
        without_organisation=sum(row.extra["without_organisation"] for row in by_month),
        by_domain=_by_choice(ActivityDomain, "domain", ResilienceDomain, zone_ids, period),
        by_principle=_by_choice(
            ActivityPrinciple, "principle", ApproachPrinciple, zone_ids, period
        ),
        by_organisation=_by_organisation(zone_ids, period),
        by_month=by_month,
        by_zone=_by_zone(shown, period),
    )


# The zone resilience profile -------------------------------------------------------------


@dataclass
class DomainProfile:
    domain: str
    label: str
    now: Totals
    before: Totals

    @property
    def change(self) -> int:
        return self.now.activities - self.before.activities


def domain_profile(zone: Zone, now: Period) -> list[DomainProfile]:
    """The four domains of a zone in `now` and in the year before it, side by side (one
    query: both periods are summed at once with conditional aggregates)."""
    before = now.year_before()
    links = ActivityDomain.objects.filter(
        activity__zone=zone,
        activity__occurred_on__gte=before.start,
        activity__occurred_on__lte=now.end,
    )
    is_now = Q(activity__occurred_on__gte=now.start)
    sums = {}
    for name, when in (("now", is_now), ("before", ~is_now)):
        sums |= {
            f"{name}_activities": Count("id", filter=when),
            f"{name}_participants": Coalesce(Sum("activity__participants", filter=when), 0),
            f"{name}_volunteer_hours": Coalesce(
                Sum("activity__volunteer_hours", filter=when), Value(ZERO), output_field=HOURS
            ),
            f"{name}_in_kind_value": Coalesce(
                Sum("activity__in_kind_value", filter=when), Value(ZERO), output_field=MONEY
            ),
        }
    found = {row["domain"]: row for row in links.order_by().values("domain").annotate(**sums)}
    return [
        DomainProfile(
            domain.value,
            domain.label,
            now=_half(found.get(domain.value), "now"),
            before=_half(found.get(domain.value), "before"),
        )
        for domain in ResilienceDomain
    ]


def _half(row: dict | None, name: str) -> Totals:
    if row is None:
        return Totals()
    return Totals.of({key: row[f"{name}_{key}"] for key in Totals.__dataclass_fields__})
