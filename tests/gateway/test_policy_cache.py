"""The policy-decision cache reuses allowed decisions only for its short lifetime."""

from __future__ import annotations

import time

from avec.gateway.policy_cache import CachedDecision, PolicyCache


def _value(slug: str) -> CachedDecision:
    return CachedDecision(decision=None, system_slug=slug, provider="embedded", base_url=None,
                          upstream_model=None, model="m", frame="")


def test_entries_expire_after_ttl():
    cache = PolicyCache(ttl=0.2)
    cache.put(("u", 1), _value("a"))
    assert cache.get(("u", 1)).system_slug == "a"
    assert cache.get(("u", 2)) is None
    time.sleep(0.25)
    assert cache.get(("u", 1)) is None


def test_zero_ttl_disables_and_clear_forgets():
    off = PolicyCache(ttl=0)
    off.put(("k",), _value("a"))
    assert off.get(("k",)) is None
    on = PolicyCache(ttl=60)
    on.put(("k",), _value("a"))
    on.clear()
    assert on.get(("k",)) is None
