"""The benchmark's arithmetic (bench/stats.py): what `make bench` reports is only as good as
its percentiles and ratios. No timing is measured here."""

import pytest

from bench.stats import median, percentile, ratio, summarise


def test_percentiles_interpolate_between_ranks_as_numpy_does():
    values = [15, 20, 35, 40, 50]
    assert percentile(values, 0) == 15
    assert percentile(values, 100) == 50
    assert percentile(values, 50) == 35
    assert percentile(values, 40) == pytest.approx(29)  # 20 + 0.6 * (35 - 20)
    assert percentile(values, 95) == pytest.approx(48)  # 40 + 0.8 * (50 - 40)


def test_percentiles_do_not_depend_on_order():
    values = list(range(1, 101))
    assert percentile(values[::-1], 95) == percentile(values, 95) == pytest.approx(95.05)
    assert median([3, 1, 2, 10]) == 2.5


def test_percentile_of_one_value_is_that_value_and_of_none_is_refused():
    assert percentile([7.5], 95) == 7.5
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


def test_ratio_to_the_health_check_and_nothing_to_compare_with():
    assert ratio(40, 100) == 0.4
    assert ratio(12.0, 3.0) == 4.0
    assert ratio(5, 0) is None
    assert ratio(None, 10) is None
    assert ratio(5, None) is None


def test_summary_counts_only_successes_in_the_window():
    latencies = [10.0] * 90 + [100.0] * 10
    summary = summarise(latencies, errors=2, seconds=10)
    assert summary.requests == 100
    assert summary.errors == 2
    assert summary.rps == 10
    assert summary.p50_ms == 10
    assert summary.p95_ms == 100
    assert summary.max_ms == 100


def test_summary_of_a_page_that_never_answered():
    summary = summarise([], errors=4, seconds=5)
    assert (summary.requests, summary.rps, summary.p95_ms) == (0, 0.0, None)
    with pytest.raises(ValueError):
        summarise([1.0], errors=0, seconds=0)
