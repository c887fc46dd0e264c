"""The read-only Open Referral HSDS 3.0 API of each network: /<network>/api/hsds/ (django-ninja), one module
per kind of record. `api.urls` goes into the project's URLs; `network_openapi` gives a network's description."""

from hvhk.api.hsds import about, locations, organizations, services, taxonomies
from hvhk.api.hsds.about import network_openapi
from hvhk.api.hsds.base import PREFIX, api

for _module in (about, services, organizations, locations, taxonomies):
    api.add_router(PREFIX, _module.router)

__all__ = ["api", "network_openapi"]
