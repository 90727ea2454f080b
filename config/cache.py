"""The cache on Redis, as an optimisation only: when Redis cannot be reached, reads miss and
writes are dropped (logged once a minute at most), so pages keep serving.

Nothing in the service keeps state in the cache that is not also in PostgreSQL; the worst a
Redis outage costs is recomputing (for example a toolkit method's PDF).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("config.cache")

_MISS = object()
LOG_EVERY_SECONDS = 60


class TolerantRedisCache(RedisCache):
    _last_logged = 0.0

    def _unavailable(self, operation: str, error: Exception, fallback):
        now = time.monotonic()
        if now - TolerantRedisCache._last_logged >= LOG_EVERY_SECONDS:
            TolerantRedisCache._last_logged = now
            logger.warning("cache unavailable (%s): %s", operation, error)
        return fallback

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            return self._unavailable("get", error, default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            return self._unavailable("get_many", error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            return self._unavailable("has_key", error, False)

    def set(self, key, value, timeout=_MISS, version=None):
        kwargs = {} if timeout is _MISS else {"timeout": timeout}
        try:
            return super().set(key, value, version=version, **kwargs)
        except RedisError as error:
            return self._unavailable("set", error, None)

    def add(self, key, value, timeout=_MISS, version=None):
        kwargs = {} if timeout is _MISS else {"timeout": timeout}
        try:
            return super().add(key, value, version=version, **kwargs)
        except RedisError as error:
            return self._unavailable("add", error, False)

    def set_many(self, data, timeout=_MISS, version=None):
        kwargs = {} if timeout is _MISS else {"timeout": timeout}
        try:
            return super().set_many(data, version=version, **kwargs)
        except RedisError as error:
            return self._unavailable("set_many", error, list(data))

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            return self._unavailable("delete", error, False)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except RedisError as error:
            return self._unavailable("delete_many", error, None)

    def touch(self, key, timeout=_MISS, version=None):
        kwargs = {} if timeout is _MISS else {"timeout": timeout}
        try:
            return super().touch(key, version=version, **kwargs)
        except RedisError as error:
            return self._unavailable("touch", error, False)
