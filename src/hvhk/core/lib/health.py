"""What `/healthz` reports beside the database round-trip. Apps above core register a check in their
AppConfig.ready() (core imports none of them); each returns a small dict with at least a "status"."""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)
_checks: dict[str, Callable[[], dict]] = {}


def register(name: str, check: Callable[[], dict]) -> None:
    _checks[name] = check


def report() -> dict[str, dict]:
    results = {}
    for name, check in _checks.items():
        try:
            results[name] = check()
        except Exception:
            logger.exception("healthz: check %s failed", name)
            results[name] = {"status": "error"}
    return results
