"""How far an indicator has come, and whether that is far enough: the arithmetic shown on
the pages, kept here in one place so the pages can print the very rules they apply.

Progress is the share of the way from the baseline to the target that the latest
measurement has covered: (latest − baseline) ÷ (target − baseline). The same formula
serves both directions, because the target lies above the baseline when higher is better
and below it when lower is better. Baseline 40, target 60, latest 50: 50 %. Lower is
better, baseline 30, target 20, latest 24: (24 − 30) ÷ (20 − 30) = 60 %.

Progress is shown between 0 % and 100 %: a measurement worse than the baseline shows 0 %
(and says it has moved away from the target), one beyond the target shows 100 % (target
met). The unclamped figure is kept for those notes.

The RAG status compares progress with the share of time elapsed between the baseline date
and the target date, on the date of the latest measurement.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

ZERO, ONE = Decimal(0), Decimal(1)

# Percentage points progress may lag the time elapsed and still be green, or amber.
GREEN_GAP = 10
AMBER_GAP = 25


@dataclass(frozen=True)
class Rag:
    key: str
    label: str
    colour: str  # the GOV.UK tag modifier


MET = Rag("met", "Target met", "green")
GREEN = Rag("green", "Green: on track", "green")
AMBER = Rag("amber", "Amber: behind", "yellow")
RED = Rag("red", "Red: off track", "red")
UNMEASURED = Rag("none", "Not measured yet", "grey")
RAGS = (MET, GREEN, AMBER, RED, UNMEASURED)

RAG_RULES = [
    (MET, "the latest measurement has reached the target."),
    (
        GREEN,
        f"progress is no more than {GREEN_GAP} percentage points behind the share of "
        "time elapsed between the baseline date and the target date, or ahead of it.",
    ),
    (
        AMBER,
        f"progress is between {GREEN_GAP} and {AMBER_GAP} percentage points behind "
        "the share of time elapsed.",
    ),
    (
        RED,
        f"progress is more than {AMBER_GAP} percentage points behind the share of time "
        "elapsed, including any measurement worse than the baseline once that much time has "
        "passed.",
    ),
    (UNMEASURED, "no measurement since the baseline has been entered."),
]


def progress_share(baseline: Decimal, target: Decimal, current: Decimal) -> Decimal:
    """The share of the way from baseline to target covered by `current`, unclamped."""
    return (Decimal(current) - Decimal(baseline)) / (Decimal(target) - Decimal(baseline))


def clamp(share: Decimal) -> Decimal:
    return min(max(share, ZERO), ONE)


def time_elapsed(start: datetime.date, end: datetime.date, on: datetime.date) -> Decimal:
    """The share of the time from `start` to `end` that has passed by `on`, 0 to 1."""
    return clamp(Decimal((on - start).days) / Decimal((end - start).days))


def rag_for(share: Decimal | None, elapsed: Decimal) -> Rag:
    """The RAG status of an indicator whose progress is `share` after `elapsed` of its time."""
    if share is None:
        return UNMEASURED
    if share >= ONE:
        return MET
    gap = (elapsed - share) * 100
    if gap <= GREEN_GAP:
        return GREEN
    if gap <= AMBER_GAP:
        return AMBER
    return RED


def percent(share: Decimal | None) -> int | None:
    """A share as a whole percentage (half up), or None."""
    if share is None:
        return None
    return int((share * 100).quantize(ONE, rounding="ROUND_HALF_UP"))


@dataclass(frozen=True)
class Progress:
    """Where one indicator stands on its latest measurement (none: not measured yet)."""

    baseline: Decimal
    target: Decimal
    latest: Decimal | None
    latest_on: datetime.date | None
    raw: Decimal | None
    elapsed: Decimal
    rag: Rag

    @property
    def share(self) -> Decimal | None:
        """Progress between 0 and 1, as shown."""
        return None if self.raw is None else clamp(self.raw)

    @property
    def percent(self) -> int | None:
        return percent(self.share)

    @property
    def elapsed_percent(self) -> int:
        return percent(self.elapsed)

    @property
    def is_measured(self) -> bool:
        return self.raw is not None

    @property
    def note(self) -> str:
        if self.raw is None:
            return "Not measured yet."
        if self.raw > ONE:
            return "Beyond the target."
        if self.raw < ZERO:
            return "Worse than the baseline: moving away from the target."
        return ""


def indicator_progress(
    *,
    baseline: Decimal,
    target: Decimal,
    baseline_on: datetime.date,
    target_on: datetime.date,
    latest: Decimal | None,
    latest_on: datetime.date | None,
    today: datetime.date,
) -> Progress:
    """Progress and RAG from the baseline, target and latest measurement."""
    if latest is None or latest_on is None:
        elapsed = time_elapsed(baseline_on, target_on, today)
        return Progress(baseline, target, None, None, None, elapsed, UNMEASURED)
    raw = progress_share(baseline, target, latest)
    elapsed = time_elapsed(baseline_on, target_on, latest_on)
    return Progress(baseline, target, latest, latest_on, raw, elapsed, rag_for(raw, elapsed))


def mean(values) -> Decimal | None:
    values = list(values)
    return sum(values, ZERO) / len(values) if values else None
