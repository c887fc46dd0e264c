"""Linking a 'Meld het ons' report to the service whose page it came from."""

import re

from hvhk.core.models import Network
from hvhk.directory.models import Service

SERVICE_PATH = re.compile(r"^/(?P<network>[-\w]+)/services/(?P<id>[0-9a-f-]{36})/")


def service_for_page(*, network: Network, path: str) -> Service | None:
    match = SERVICE_PATH.match(path)
    if not match or match.group("network") != network.slug:
        return None
    return Service.objects.for_network(network).filter(id=match.group("id")).first()
