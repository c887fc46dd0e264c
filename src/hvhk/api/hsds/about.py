"""The API's root (/) and its OpenAPI description (/openapi.json), with the network's own paths."""

import copy

from django.http import HttpRequest
from ninja import Router

from hvhk.api import schemas
from hvhk.api.hsds.base import NetworkSlug, api, get, network_of, responses
from hvhk.core.models import Area, Network
from hvhk.directory.hsds import serialize

router = Router()


@get(router, "/", response=responses(schemas.ApiInfo), summary="About this API")
def root(request: HttpRequest, network_slug: NetworkSlug):
    network = network_of(network_slug)
    return {
        "version": serialize.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "openapi_url": request.build_absolute_uri(f"/{network.slug}/api/hsds/openapi.json"),
    }


@get(router, "/openapi.json", include_in_schema=False)
def openapi(request: HttpRequest, network_slug: NetworkSlug):
    """The OpenAPI description of this network's API: the paths with the network filled in."""
    return network_openapi(network_of(network_slug))


def network_openapi(network: Network, areas: list[str] | None = None) -> dict:
    """The API's description with this network's paths, and its areas as the values `area` takes."""
    schema = copy.deepcopy(api.get_openapi_schema())
    if areas is None:
        areas = sorted(Area.objects.for_network(network).values_list("slug", flat=True))
    paths = {}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            operation["parameters"] = [
                p for p in operation.get("parameters", []) if p.get("name") != "network_slug"
            ]
            for parameter in operation["parameters"]:
                if parameter.get("name") == "area" and areas:
                    parameter["schema"]["enum"] = areas
        paths[path.replace("{network_slug}", network.slug)] = operations
    schema["paths"] = paths
    return schema
