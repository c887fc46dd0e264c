"""News for partners (and the public): writing, publishing and deleting posts; opting in and out of the weekly
e-mail digest, and sending it.

Who writes news: the coordinator, and a body's trekker for posts of that body (or general posts, not tied to a
body, when they are the trekker of any body of the network). The history of each post and subscription is the
audit trail (django-simple-history, with `_history_user` set to the person who acts).

The unsubscribe link carries a secret token; only its SHA-256 is stored (`token_hash`). The token is derived from
the subscription's random id with the site's secret key (an HMAC), so every weekly digest can carry the same link
without the token ever being stored."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import override

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Network
from hvhk.network.models import Body, BodyMember, NewsPost, NewsSubscription
from hvhk.network.selectors.access import can_manage_body, is_coordinator

DIGEST_DAYS = 7
TOKEN_SALT = "hvhk.network.news.unsubscribe"  # noqa: S105 (an HMAC salt, not a secret)


# --- who may write -----------------------------------------------------------------------------------------------


def is_trekker(user: User | None, *, network) -> bool:
    """A trekker of any body of the network who still holds a role in it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    network_id = getattr(network, "pk", network)
    return (
        BodyMember.objects.filter(network_id=network_id, user=user, is_trekker=True).exists()
        and RoleAssignment.objects.filter(user=user, network_id=network_id).exists()
    )


def can_write_news(user: User | None, *, network, body: Body | None) -> bool:
    """The coordinator; a body's trekker for that body's posts; any trekker for general posts."""
    if is_coordinator(user, network=network):
        return True
    if body is not None:
        return can_manage_body(user, body=body)
    return is_trekker(user, network=network)


def _require_writer(user: User | None, *, network, body: Body | None) -> None:
    if not can_write_news(user, network=network, body=body):
        raise PermissionDenied("Only the coordinator or a trekker writes this network's news")


def _check(post: NewsPost) -> None:
    post.title = (post.title or "").strip()
    post.summary = (post.summary or "").strip()
    post.text = (post.text or "").strip()
    errors = {}
    if not post.title:
        errors["title"] = _("Geef het bericht een titel.")
    if not post.text:
        errors["text"] = _("Schrijf de tekst van het bericht.")
    if post.audience not in NewsPost.Audience.values:
        errors["audience"] = _("Kies voor wie het bericht is: alleen voor partners of publiek.")
    if post.body_id and post.body.network_id != post.network_id:
        errors["body"] = _("Dit orgaan hoort bij een ander netwerk.")
    if errors:
        raise ValidationError(errors)
    post.full_clean()


# --- posts -------------------------------------------------------------------------------------------------------


@transaction.atomic
def news_post_create(
    *,
    network: Network,
    title: str,
    text: str,
    summary: str = "",
    audience: str = NewsPost.Audience.PARTNERS,
    body: Body | None = None,
    publish: bool = False,
    acting_user: User,
) -> NewsPost:
    """A new post, a draft unless `publish`."""
    _require_writer(acting_user, network=network, body=body)
    post = NewsPost(
        network=network,
        title=title,
        summary=summary,
        text=text,
        audience=audience,
        body=body,
        author=acting_user,
        published_at=timezone.now() if publish else None,
    )
    _check(post)
    post._history_user = acting_user
    post.save()
    return post


@transaction.atomic
def news_post_update(
    *,
    post: NewsPost,
    title: str,
    text: str,
    summary: str = "",
    audience: str = NewsPost.Audience.PARTNERS,
    body: Body | None = None,
    acting_user: User,
) -> NewsPost:
    """Change a post (published or not). Moving it to another body needs the right to write for both."""
    _require_writer(acting_user, network=post.network_id, body=post.body)
    if body != post.body:
        _require_writer(acting_user, network=post.network_id, body=body)
    post.title, post.summary, post.text, post.audience, post.body = title, summary, text, audience, body
    _check(post)
    post._history_user = acting_user
    post.save()
    return post


@transaction.atomic
def news_post_publish(*, post: NewsPost, acting_user: User) -> NewsPost:
    """Publish a draft now (publishing a published post again changes nothing)."""
    _require_writer(acting_user, network=post.network_id, body=post.body)
    if post.published_at is not None:
        return post
    post.published_at = timezone.now()
    post._history_user = acting_user
    post.save(update_fields=["published_at", "updated_at"])
    return post


@transaction.atomic
def news_post_delete(*, post: NewsPost, acting_user: User) -> None:
    _require_writer(acting_user, network=post.network_id, body=post.body)
    post._history_user = acting_user
    post.delete()


# --- the weekly digest -------------------------------------------------------------------------------------------


def unsubscribe_token(subscription: NewsSubscription) -> str:
    """The secret of a subscription's unsubscribe link: derived from its random id with the secret key."""
    return salted_hmac(TOKEN_SALT, str(subscription.pk), algorithm="sha256").hexdigest()


def news_token_hash(token: str) -> str:
    """What is stored of the unsubscribe token: its SHA-256 (as every private-link token of the network)."""
    return token_hash(token)


@transaction.atomic
def news_subscribe(*, network: Network, acting_user: User) -> tuple[NewsSubscription, str]:
    """Opt in to the network's weekly digest; returns the subscription and its unsubscribe token. Anyone with a
    role in the network may opt in; opting in twice keeps the first subscription."""
    if not (
        acting_user.is_authenticated
        and acting_user.is_active
        and (
            acting_user.is_superuser
            or RoleAssignment.objects.filter(user=acting_user, network=network).exists()
        )
    ):
        raise PermissionDenied("Only people with a role in the network subscribe to its news")
    existing = NewsSubscription.objects.for_network(network).filter(user=acting_user).first()
    if existing is not None:
        return existing, unsubscribe_token(existing)
    subscription = NewsSubscription(network=network, user=acting_user)
    token = unsubscribe_token(subscription)
    subscription.token_hash = news_token_hash(token)
    subscription._history_user = acting_user
    subscription.save()
    return subscription, token


@transaction.atomic
def news_unsubscribe(
    *, subscription: NewsSubscription | None = None, token: str = "", acting_user: User | None = None
) -> bool:
    """Opt out: by the signed-in person (`subscription` must be theirs) or through the link in a digest
    (`token`, no sign-in needed). Returns whether a subscription ended."""
    if subscription is None:
        subscription = (
            NewsSubscription.objects.filter(token_hash=news_token_hash(token)).first() if token else None
        )
        if subscription is None:
            return False
    elif acting_user is None or subscription.user_id != acting_user.pk:
        raise PermissionDenied("Only the subscriber ends their own subscription")
    subscription._history_user = acting_user or subscription.user
    subscription.delete()
    return True


def _digest_recipients(network: Network):
    """Subscriptions of people who are still active and still hold a role in the network (a platform admin
    coordinates every network)."""
    holds_role = RoleAssignment.objects.filter(network=network).values("user_id")
    return (
        NewsSubscription.objects.for_network(network)
        .filter(Q(user__in=holds_role) | Q(user__is_superuser=True), user__is_active=True)
        .select_related("user")
        .order_by("created_at")
    )


def news_digest_send(*, network: Network) -> dict:
    """Mail every subscriber of `network` the posts published since their last digest (or the last 7 days), at
    most once per post: a subscriber without anything new gets nothing. Returns counts."""
    counts = {"sent": 0, "skipped": 0}
    for subscription_id in _digest_recipients(network).values_list("pk", flat=True):
        counts["sent" if _digest_one(subscription_id, network) else "skipped"] += 1
    return counts


@transaction.atomic
def _digest_one(subscription_id, network: Network) -> bool:
    # Lock the row, so two digest runs that cross each other cannot both mail the same posts.
    subscription = (
        NewsSubscription.objects.select_for_update().select_related("user").filter(pk=subscription_id).first()
    )
    if subscription is None:
        return False
    now = timezone.now()
    since = subscription.last_sent_at or now - dt.timedelta(days=DIGEST_DAYS)
    posts = list(
        NewsPost.objects.for_network(network)
        .filter(published_at__gt=since, published_at__lte=now)
        .select_related("body", "network")
        .order_by("published_at")
    )
    if not posts:
        return False
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at", "updated_at"])
    email = subscription.user.email
    link = absolute_url("network:news-unsubscribe", network.slug, unsubscribe_token(subscription))
    items = [{"post": post, "link": _post_link(post)} for post in posts]
    transaction.on_commit(lambda: _mail_digest(network, email, items, link), robust=True)
    return True


def _post_link(post: NewsPost) -> str:
    """A public post's own page; a post for partners only is read in the portal."""
    if post.audience == NewsPost.Audience.PUBLIC:
        return absolute_url("network:news-post", post.network.slug, post.pk)
    return absolute_url("network:news-portal") + f"#post-{post.pk}"


def _mail_digest(network: Network, email: str, items: list[dict], link: str) -> None:
    with override("nl"):
        body = render_to_string(
            "network/news/mail/digest.txt",
            {
                "network": network,
                "items": items,
                "unsubscribe_link": link,
                "portal_link": absolute_url("network:news-portal"),
            },
        )
        send(
            _("Nieuws van {network} deze week").format(network=network.name),
            body,
            [email],
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
