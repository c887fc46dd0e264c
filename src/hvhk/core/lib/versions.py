"""A version number per network that changes whenever its directory data changes.

Caches of public pages put it in their keys, so a change is never served stale from a cache that knows of
it. The number lives in the Django cache: shared by every web process with REDIS_URL; without it each process
has its own and learns of another process's change only when its cached entries expire (a minute).
"""

import itertools
import time

from django.core.cache import cache

_KEY = "network-version:{}"
_counter = itertools.count()


def network_version(network_id) -> str:
    key = _KEY.format(network_id)
    version = cache.get(key)
    if version is None:
        # A fresh start or an evicted key: a new, unique value, so no old entry can match it.
        version = f"{time.time_ns():x}-{next(_counter)}"
        cache.add(key, version, None)
        version = cache.get(key, version)
    return version


def bump_network_version(network_id) -> None:
    cache.set(_KEY.format(network_id), f"{time.time_ns():x}-{next(_counter)}", None)
