"""'Mijn lijst': services a visitor keeps, per network, in their session (no account needed)."""

from django.http import HttpRequest

from hvhk.core.models import Network

SESSION_KEY = "saved_services"
MAX_SAVED = 60


def saved_ids(request: HttpRequest, network: Network) -> list[str]:
    return list(request.session.get(SESSION_KEY, {}).get(network.slug, []))


def _store(request: HttpRequest, network: Network, ids: list[str]) -> None:
    lists = dict(request.session.get(SESSION_KEY, {}))
    lists[network.slug] = ids
    request.session[SESSION_KEY] = lists


def save(request: HttpRequest, network: Network, service_id: str) -> bool:
    """Add a service; False when the list is full."""
    ids = saved_ids(request, network)
    if service_id in ids:
        return True
    if len(ids) >= MAX_SAVED:
        return False
    _store(request, network, [*ids, service_id])
    return True


def remove(request: HttpRequest, network: Network, service_id: str) -> None:
    _store(request, network, [i for i in saved_ids(request, network) if i != service_id])


def clear(request: HttpRequest, network: Network) -> None:
    _store(request, network, [])
