"""A throttle counts per rule and key, refuses with 429 and a code, and shares counts in Redis."""

from __future__ import annotations

import time
import uuid

import pytest

from dialog.errors import TooManyRequests
from dialog.services.throttle import Rule, Throttle

RULE = Rule(f"test-{uuid.uuid4().hex}", "3/minute", code="join_code_throttled")


def test_the_fourth_try_in_a_minute_is_refused_with_the_rules_code() -> None:
    throttle = Throttle()
    for _ in range(3):
        throttle.hit(RULE, "client-a")
    with pytest.raises(TooManyRequests) as refused:
        throttle.hit(RULE, "client-a")
    assert refused.value.code == "join_code_throttled"
    assert refused.value.status == 429
    assert 1 <= refused.value.retry_after <= 61


def test_keys_are_counted_apart_and_can_be_cleared() -> None:
    throttle = Throttle()
    for _ in range(3):
        throttle.hit(RULE, "client-b")
    throttle.hit(RULE, "client-c")
    assert not throttle.allows(RULE, "client-b")
    throttle.clear(RULE, "client-b")
    assert throttle.allows(RULE, "client-b")


def test_addresses_are_hashed_with_the_secret() -> None:
    assert Throttle(secret="a").opaque("10.0.0.1") != Throttle(secret="b").opaque("10.0.0.1")
    assert "10.0.0.1" not in Throttle(secret="a").opaque("10.0.0.1")


def test_two_processes_share_counts_through_redis() -> None:
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url).ping()
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")
    rule = Rule(f"test-{uuid.uuid4().hex}", "2/minute")
    first, second = Throttle(url), Throttle(url)
    first.hit(rule, "shared")
    second.hit(rule, "shared")
    with pytest.raises(TooManyRequests):
        first.hit(rule, "shared")


def test_an_unreachable_redis_lets_the_room_go_on() -> None:
    throttle = Throttle("redis://127.0.0.1:1/0")
    throttle.hit(RULE, "anyone")
    assert throttle.allows(RULE, "anyone")


def test_the_in_memory_counts_are_swept_once_a_second_and_still_refuse() -> None:
    """limits' MemoryStorage swept every key every 10 ms while anything was counted; the
    throttle's storage sweeps once a second, and an expired hit never counts either way."""
    from dialog.services import throttle as module

    throttle = Throttle()
    time.sleep(0.05)  # the storage's first sweep, scheduled when it is made
    for _ in range(3):
        throttle.hit(RULE, "client-sweep")
    assert throttle.storage.timer.interval == module.SWEEP_SECONDS
    with pytest.raises(TooManyRequests):
        throttle.hit(RULE, "client-sweep")
