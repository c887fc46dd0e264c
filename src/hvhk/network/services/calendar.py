"""A person's private calendar feed: one live secret link per person and network, revocable."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.tokens import token_hash, token_new
from hvhk.core.models import Network
from hvhk.network.models import CalendarFeed


@transaction.atomic
def calendar_feed_create(*, network: Network, acting_user: User) -> str:
    """Make a new feed link for the person (revoking the old one) and return its token, shown once."""
    if not RoleAssignment.objects.filter(user=acting_user, network=network).exists():
        raise PermissionDenied("Only people who work in the network get its calendar feed")
    calendar_feed_revoke(network=network, acting_user=acting_user)
    token = token_new()
    CalendarFeed.objects.create(network=network, user=acting_user, token_hash=token_hash(token))
    return token


@transaction.atomic
def calendar_feed_revoke(*, network: Network, acting_user: User) -> int:
    """Stop the person's live feed link: a calendar that still asks gets a 404."""
    return CalendarFeed.objects.filter(network=network, user=acting_user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
