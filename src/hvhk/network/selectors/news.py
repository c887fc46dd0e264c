"""Reads of the network's news: what the public sees, what the people of the network see, what a writer edits."""

import datetime as dt

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.network.models import BodyMember, NewsPost, NewsSubscription
from hvhk.network.selectors.access import managed_bodies_for, visible_bodies_for


def _published() -> Q:
    return Q(published_at__isnull=False, published_at__lte=timezone.now())


def public_news_list(*, network: Network) -> QuerySet[NewsPost]:
    """Published public posts of the network, newest first (the public news page and its feed)."""
    return (
        NewsPost.objects.for_network(network)
        .filter(_published(), audience=NewsPost.Audience.PUBLIC)
        .select_related("body")
        .order_by("-published_at", "-created_at")
    )


def is_news_writer(*, role: ActiveRole, user: User) -> bool:
    """The coordinator, or a trekker of any body of the network."""
    if role.is_coordinator:
        return True
    return BodyMember.objects.for_network(role.network).filter(user=user, is_trekker=True).exists()


def editable_news_for(*, role: ActiveRole, user: User) -> QuerySet[NewsPost]:
    """The posts the person may change: all for the coordinator; for a trekker the posts of their bodies and the
    general posts (not tied to a body)."""
    posts = NewsPost.objects.for_network(role.network)
    if role.is_coordinator:
        return posts
    if not is_news_writer(role=role, user=user):
        return posts.none()
    return posts.filter(Q(body__in=managed_bodies_for(role=role, user=user)) | Q(body__isnull=True))


def portal_news_for(*, role: ActiveRole, user: User) -> QuerySet[NewsPost]:
    """What the portal's news page lists: every published post of the network (for partners and public), and
    the drafts the person wrote (every draft for the coordinator)."""
    posts = NewsPost.objects.for_network(role.network).select_related("body", "author")
    visible = posts if role.is_coordinator else posts.filter(_published() | Q(author=user))
    editable = editable_news_for(role=role, user=user).filter(pk=OuterRef("pk"))
    # A closed body stays invisible to those outside it: its name shows only to who sees the body.
    seen_body = visible_bodies_for(role=role, user=user).filter(pk=OuterRef("body_id"))
    # Drafts first, on both databases (PostgreSQL and SQLite sort empty dates differently).
    return visible.annotate(can_edit=Exists(editable), body_visible=Exists(seen_body)).order_by(
        F("published_at").desc(nulls_first=True), "-created_at"
    )


def news_subscription_get(*, network: Network, user: User) -> NewsSubscription | None:
    return NewsSubscription.objects.for_network(network).filter(user=user).first()


def published_this_week_count(*, network: Network) -> int:
    """Posts published this week, since Monday (the start page)."""
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    start = timezone.make_aware(dt.datetime.combine(monday, dt.time.min))
    return (
        NewsPost.objects.for_network(network)
        .filter(published_at__gte=start, published_at__lte=timezone.now())
        .count()
    )
