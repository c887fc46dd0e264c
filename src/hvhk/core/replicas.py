"""Read replicas: public reads go to a replica, everything else to the primary (settings.REPLICA_DATABASES).

Only active when DATABASE_REPLICA_URLS is set (settings add the router and the two middlewares then); without it
every query goes to `default`, as before.

Which database a read uses:
- the primary for every write, for every read inside a transaction (on the primary), for the models that decide
  who someone is (sessions, accounts, two-factor devices), outside requests (commands, the task worker) and for
  every request that is not a public read;
- a replica for GET and HEAD requests of the public pages that serve many people and change nothing: the
  wegwijzer and its search, the HSDS API and the insights pages (REPLICA_NAMESPACES);
- the primary again, for a few seconds, after a person wrote something (read your own writes): any request that
  is not GET/HEAD/OPTIONS/TRACE sets a short cookie (django-multidb-router's pinning cookie, MULTIDB_PINNING_*),
  and a request that carries it reads from the primary, signed in or not.

A replica that does not answer is left alone for REPLICA_RETRY_S seconds (per process) and its reads go to the
primary meanwhile, so a lost replica costs speed, not pages.
"""

import logging
import threading
import time

import multidb
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from multidb.pinning import this_thread_is_pinned, unpin_this_thread

log = logging.getLogger(__name__)

# URL namespaces whose GET pages may read from a replica.
REPLICA_NAMESPACES = frozenset({"wegwijzer", "hsds", "insights"})
# Who someone is and what they may do is always read where it was last written.
PRIMARY_ONLY_APPS = frozenset({"sessions", "accounts", "auth", "mfa", "account", "django_tasks_database"})
REPLICA_RETRY_S = 30.0
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})

_state = threading.local()
_down_until: dict[str, float] = {}


def _choose_replica() -> str | None:
    """A replica that answers, round robin over the configured ones; None when none does."""
    for _ in range(len(settings.REPLICA_DATABASES)):
        alias = multidb.get_replica()
        if _down_until.get(alias, 0.0) > time.monotonic():
            continue
        try:
            connections[alias].close_if_health_check_failed()
            connections[alias].ensure_connection()
        except DatabaseError:
            log.warning(
                "Replica %s does not answer; its reads go to the primary for %d s", alias, REPLICA_RETRY_S
            )
            _down_until[alias] = time.monotonic() + REPLICA_RETRY_S
            continue
        return alias
    return None


class ReplicaRouter(multidb.PinningReplicaRouter):
    """Writes and migrations on the primary; reads on the replica that the middleware chose for this request."""

    def db_for_read(self, model, **hints):
        replica = getattr(_state, "replica", None)
        if (
            replica is None
            or this_thread_is_pinned()
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return replica


class ReplicaReadsMiddleware:
    """Lets a public GET request read from a replica (see the module's docstring); placed right after
    multidb's PinningRouterMiddleware, which pins a request to the primary after a write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _state.replica = None
        try:
            return self.get_response(request)
        finally:
            _state.replica = None
            unpin_this_thread()

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method in READ_ONLY_METHODS
            and not this_thread_is_pinned()
            and match is not None
            and REPLICA_NAMESPACES.intersection(match.namespaces)
        ):
            _state.replica = _choose_replica()
