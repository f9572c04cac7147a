"""CACHE_URL: the local-memory cache by default, Redis or Memcached when set (settings._cache)."""
import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from randwijzer.settings import _cache


def test_without_cache_url_each_process_keeps_a_bounded_cache_in_memory():
    config = _cache("")
    assert config["BACKEND"].endswith("LocMemCache") and config["OPTIONS"]["MAX_ENTRIES"] > 0


def test_redis_and_memcached_addresses():
    assert _cache("redis://10.0.0.5:6379/0") == {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                  "LOCATION": "redis://10.0.0.5:6379/0", "KEY_PREFIX": "randwijzer"}
    assert _cache("memcached://10.0.0.6:11211")["LOCATION"] == "10.0.0.6:11211"


def test_an_unknown_address_stops_the_start_with_a_dutch_reason():
    with pytest.raises(ImproperlyConfigured, match="wordt niet herkend"):
        _cache("mongodb://localhost")


def test_the_shared_redis_cache_when_scripts_with_redis_started_one():
    if not os.environ.get("CACHE_URL", "").startswith("redis://"):
        print("SKIPPED: no CACHE_URL=redis://… (make test-redis runs this against a real server)")
        pytest.skip("CACHE_URL is not a Redis server: make test-redis starts one (scripts/with-redis.sh)")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    cache.set("randwijzer-test", {"een": 1})
    assert cache.get("randwijzer-test") == {"een": 1}
