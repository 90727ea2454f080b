"""The cache is an optimisation: with Redis unreachable, reads miss, writes are dropped, and
the outage is logged, never raised to the page."""

import logging
import os

import pytest

from config.cache import TolerantRedisCache

# Port 1 on loopback: every connection attempt is refused at once.
UNREACHABLE = "redis://127.0.0.1:1/0"


def cache_at(location):
    return TolerantRedisCache(
        location, {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )


def test_unreachable_redis_reads_as_a_miss_and_writes_are_dropped(caplog):
    TolerantRedisCache._last_logged = 0.0
    cache = cache_at(UNREACHABLE)
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        assert cache.set("pack", b"pdf", 60) is None
        assert cache.get("pack") is None
        assert cache.get("pack", "fallback") == "fallback"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("pack", b"pdf") is False
        assert cache.has_key("pack") is False
        assert cache.delete("pack") is False
        assert cache.touch("pack", 5) is False
        cache.set_many({"a": 1})
        cache.delete_many(["a"])
    warnings = [r for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1  # once a minute at most, not once per call
    assert "cache unavailable" in warnings[0].getMessage()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI's second run)")
def test_reachable_redis_caches_as_usual():
    cache = cache_at(os.environ["REDIS_URL"])
    cache.set("tolerant-cache-probe", {"n": 1}, 30)
    assert cache.get("tolerant-cache-probe") == {"n": 1}
    cache.delete("tolerant-cache-probe")
    assert cache.get("tolerant-cache-probe") is None
