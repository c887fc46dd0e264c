"""Reads of networks and areas, and the one helper every network-scoped lookup goes through."""

import copy
import time

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from hvhk.core.lib.versions import network_version
from hvhk.core.models import Area, Network, NetworkScopedQuerySet


def network_list() -> models.QuerySet[Network]:
    return Network.objects.filter(is_active=True).order_by("name")


NETWORK_TRUSTED_SECONDS = 60  # without a shared cache another process's change shows within this time
_networks_here: dict[str, tuple[float, str, Network]] = {}  # slug: (read at, data version, network)


def network_get(*, slug: str) -> Network:
    """The active network with this slug, or 404. Every page under /<network>/ asks it, so this process keeps
    each network it read while its data version stands (any change to the network gives it a new one) and hands
    out a copy, so that a form changing it in one request cannot change it for the next."""
    kept = _networks_here.get(slug)
    version = ""  # unknown until the network's id is: the next request reads it again, and keeps it
    if kept is not None:
        read_at, kept_version, network = kept
        version = network_version(network.pk)  # read before the row, so a change in between is not missed
        if time.monotonic() - read_at < NETWORK_TRUSTED_SECONDS and version == kept_version:
            return copy.copy(network)
    network = get_object_or_404(Network, slug=slug, is_active=True)
    _networks_here[slug] = (time.monotonic(), version if kept and kept[2].pk == network.pk else "", network)
    return copy.copy(network)


def scoped_get_or_404(model_or_queryset, *, network: Network, **lookups):
    """One row of `network`, looked up by `lookups`: the one helper every lookup by id goes through.

    `model_or_queryset` may already be narrowed (a role's services, open invitations); the network is applied on
    top, through `for_network()` for network-scoped records or the `network` field of others. Anything else, a
    row of another network or a malformed id included, is a 404, never a leak or a 500."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, models.QuerySet)
        else model_or_queryset.objects.all()
    )
    if isinstance(queryset, NetworkScopedQuerySet):
        queryset = queryset.for_network(network)
    else:
        queryset = queryset.filter(network=network)
    try:
        return queryset.get(**lookups)
    except (queryset.model.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        # ValidationError/ValueError/TypeError: a malformed id (not a UUID) is simply not found.
        raise Http404(f"No {queryset.model._meta.model_name} matches in this network") from exc


def area_list(*, network: Network) -> models.QuerySet[Area]:
    return Area.objects.for_network(network).select_related("parent").order_by("kind", "name")


def area_for_postcode(*, network: Network, postcode: str) -> Area | None:
    """The most specific area of `network` that has this postcode (a sub-municipality before its municipality)."""
    postcode = postcode.strip()
    if not (len(postcode) == 4 and postcode.isdigit()):
        return None
    order = {Area.Kind.NEIGHBOURHOOD: 0, Area.Kind.SUBMUNICIPALITY: 1, Area.Kind.MUNICIPALITY: 2}
    matches = [area for area in area_list(network=network) if postcode in area.postcode_list]
    return min(matches, key=lambda area: order[area.kind], default=None)
