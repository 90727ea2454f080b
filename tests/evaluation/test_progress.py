"""The arithmetic of progress and RAG, against figures worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from evaluation.progress import (
    AMBER,
    GREEN,
    MET,
    RED,
    UNMEASURED,
    indicator_progress,
    progress_share,
    rag_for,
    time_elapsed,
)

D = Decimal
START = datetime.date(2025, 1, 1)
END = datetime.date(2027, 1, 1)  # 730 days later


def progress(baseline, target, latest, on=datetime.date(2026, 1, 1)):
    return indicator_progress(
        baseline=D(baseline),
        target=D(target),
        baseline_on=START,
        target_on=END,
        latest=None if latest is None else D(latest),
        latest_on=None if latest is None else on,
        today=on,
    )


def test_half_way_from_40_to_60_is_50_percent():
    assert progress_share(D(40), D(60), D(50)) == D("0.5")
    assert progress(40, 60, 50).percent == 50


def test_lower_is_better_from_30_towards_20_at_24_is_60_percent():
    assert progress_share(D(30), D(20), D(24)) == D("0.6")
    assert progress(30, 20, 24).percent == 60


def test_beyond_the_target_shows_100_percent_and_says_so():
    p = progress(40, 60, 70)
    assert p.raw == D("1.5")
    assert p.percent == 100
    assert p.rag == MET
    assert p.note == "Beyond the target."


def test_worse_than_the_baseline_shows_0_percent_and_says_so():
    p = progress(30, 20, 33)
    assert p.raw == D("-0.3")
    assert p.percent == 0
    assert "moving away" in p.note


def test_time_elapsed_is_the_share_of_days_clamped():
    assert time_elapsed(START, END, datetime.date(2026, 1, 1)) == D(365) / D(730)
    assert time_elapsed(START, END, datetime.date(2024, 6, 1)) == 0
    assert time_elapsed(START, END, datetime.date(2028, 1, 1)) == 1


@pytest.mark.parametrize(
    ("share", "elapsed", "expected"),
    [
        ("1", "0.2", MET),  # target reached, whatever the time
        ("0.5", "0.5", GREEN),  # exactly on schedule
        ("0.4", "0.5", GREEN),  # 10 points behind: still green
        ("0.39", "0.5", AMBER),  # 11 points behind
        ("0.25", "0.5", AMBER),  # 25 points behind: still amber
        ("0.24", "0.5", RED),  # 26 points behind
        ("0.9", "0.5", GREEN),  # ahead of schedule
        ("-0.1", "0.05", AMBER),  # a little worse than baseline, early on
        ("-0.1", "0.2", RED),  # worse than baseline once time has passed
    ],
)
def test_rag_thresholds(share, elapsed, expected):
    assert rag_for(D(share), D(elapsed)) == expected


def test_an_unmeasured_indicator_has_no_progress_and_no_colour():
    p = progress(40, 60, None)
    assert (p.percent, p.rag, p.is_measured) == (None, UNMEASURED, False)


def test_rag_compares_with_time_elapsed_on_the_date_of_the_measurement():
    # Half the time elapsed on 2026-01-01 (365 of 730 days); 40 → 60, latest 47 is 35 %.
    assert progress(40, 60, 47).rag == AMBER
    # The same value measured a quarter of the way through is on track.
    assert progress(40, 60, 47, on=datetime.date(2025, 7, 2)).rag == GREEN
