"""Indicators of each zone's approved ambition statement, measured every month."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from evaluation.models import Indicator, Measurement
from scale.people import Area
from scale.writer import Writer

INDICATORS = [
    ("Residents who feel safe after dark", "safety", "%", "higher", 48, 65),
    ("Reports of anti-social behaviour", "safety", "incidents", "lower", 120, 80),
    ("Residents who volunteer locally", "skills", "%", "higher", 12, 20),
    ("Residents who know where to get help", "health", "%", "higher", 40, 60),
    ("Community spaces open each week", "resources", "hours", "higher", 20, 40),
]


def build(w: Writer, area: Area) -> None:
    knobs, rng = area.knobs, area.rng
    today = timezone.localdate()
    officer = area.officers[0]
    for zone in area.zones:
        opened = zone["opened"]
        for name, domain, unit, direction, baseline, target in INDICATORS[
            : knobs.indicators_per_zone
        ]:
            indicator = w.add(
                Indicator, ambition_statement_id=zone["statement"], name=name, domain=domain,
                unit=unit, direction=direction, baseline_value=Decimal(baseline),
                baseline_on=opened, target_value=Decimal(target),
                target_on=today + timedelta(days=730), source="Residents' survey",
                created_by_id=officer,
            )  # fmt: skip
            value = float(baseline)
            drift = (target - baseline) / (knobs.months * 1.3)
            for month in range(1, knobs.months + 1):
                index = opened.year * 12 + opened.month - 1 + month
                measured = date(index // 12, index % 12 + 1, 1)
                if measured > today:
                    break
                value = max(0.0, value + drift + rng.uniform(-1.5, 1.5))
                w.add(
                    Measurement, indicator_id=indicator, value=Decimal(f"{value:.2f}"),
                    measured_on=measured, entered_by_id=officer,
                )  # fmt: skip
