"""Statistics of a benchmark run: percentiles of latencies, throughput, and ratios to a
baseline (GET /health/live measured in the same run)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100) of values, interpolating linearly between the two
    nearest ranks (numpy's default method). Raises ValueError on an empty list."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0 and 100, not {p}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: list[float]) -> float:
    return percentile(values, 50)


def ratio(value: float | None, baseline: float | None) -> float | None:
    """value / baseline, or None when either is missing or the baseline is zero (nothing
    to compare with)."""
    if value is None or not baseline:
        return None
    return value / baseline


@dataclass(frozen=True)
class Summary:
    """What one page did under load: completed requests in the measuring window."""

    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float | None
    p95_ms: float | None
    max_ms: float | None

    def as_dict(self) -> dict:
        return asdict(self)


def summarise(latencies_ms: list[float], errors: int, seconds: float) -> Summary:
    """Throughput (successful requests per second of the window) and latency percentiles."""
    if seconds <= 0:
        raise ValueError("the measuring window must last some time")
    if not latencies_ms:
        return Summary(0, errors, seconds, 0.0, None, None, None)
    return Summary(
        requests=len(latencies_ms),
        errors=errors,
        seconds=seconds,
        rps=len(latencies_ms) / seconds,
        p50_ms=percentile(latencies_ms, 50),
        p95_ms=percentile(latencies_ms, 95),
        max_ms=max(latencies_ms),
    )
