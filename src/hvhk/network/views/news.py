"""News pages: the portal's news list, writing and editing posts, opting in to the weekly digest; the public news
page of a network, a post, its Atom feed and the unsubscribe link of the digest."""

from django import forms
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.models import Network
from hvhk.core.selectors import network_get, scoped_get_or_404
from hvhk.core.tenancy import network_view
from hvhk.network.models import Body, NewsPost, NewsSubscription
from hvhk.network.selectors import news as selectors
from hvhk.network.selectors.access import managed_bodies_for
from hvhk.network.services import news as services

PER_PAGE = 20


class NewsPostForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Titel"),
        max_length=200,
        error_messages={"required": gettext_lazy("Geef het bericht een titel.")},
    )
    summary = forms.CharField(
        label=gettext_lazy("Samenvatting"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Eén of twee zinnen. Die staan in de lijst, de nieuwsbrief en de feed."),
    )
    text = forms.CharField(
        label=gettext_lazy("Tekst"),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": gettext_lazy("Schrijf de tekst van het bericht.")},
    )
    audience = forms.ChoiceField(
        label=gettext_lazy("Voor wie"),
        choices=NewsPost.Audience.choices,
        initial=NewsPost.Audience.PARTNERS,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies voor wie het bericht is.")},
    )
    body = forms.ModelChoiceField(
        label=gettext_lazy("Namens orgaan"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=gettext_lazy("Algemeen nieuws van het netwerk"),
        error_messages={"invalid_choice": gettext_lazy("Kies een orgaan uit de lijst.")},
    )

    def __init__(self, *args, bodies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


def _bodies(role: ActiveRole, user):
    return managed_bodies_for(role=role, user=user).filter(is_active=True).order_by("kind", "name")


def _fields(data: dict) -> dict:
    return {k: data[k] for k in ("title", "summary", "text", "audience", "body")}


def _context(role: ActiveRole, **extra) -> dict:
    return {"role": role, "nav": "news", **extra}


@role_required
def news_portal(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    posts = selectors.portal_news_for(role=role, user=request.user)
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "network/news/portal_list.html",
        _context(
            role,
            page=page,
            can_write=selectors.is_news_writer(role=role, user=request.user),
            subscription=selectors.news_subscription_get(network=role.network, user=request.user),
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required
def news_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if not selectors.is_news_writer(role=role, user=request.user):
        raise Http404
    form = NewsPostForm(request.POST or None, bodies=_bodies(role, request.user))
    if request.method == "POST" and form.is_valid():
        publish = request.POST.get("action") == "publish"
        try:
            post = services.news_post_create(
                network=role.network, publish=publish, acting_user=request.user, **_fields(form.cleaned_data)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _message(post, publish))
            return redirect("network:news-portal")
    return render(
        request,
        "network/news/form.html",
        _context(role, form=form, post=None, forms_with_errors=[form] if form.errors else []),
    )


def _message(post: NewsPost, published: bool) -> str:
    if published:
        return _("Het bericht “{title}” is gepubliceerd.").format(title=post.title)
    return _("Het bericht “{title}” is bewaard.").format(title=post.title)


@require_http_methods(["GET", "POST"])
@role_required
def news_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    post = scoped_get_or_404(
        selectors.editable_news_for(role=role, user=request.user).select_related("body"),
        network=role.network,
        pk=pk,
    )
    action = request.POST.get("action")
    if request.method == "POST" and action == "delete":
        services.news_post_delete(post=post, acting_user=request.user)
        messages.success(request, _("Het bericht “{title}” is verwijderd.").format(title=post.title))
        return redirect("network:news-portal")
    bodies = _bodies(role, request.user)
    if post.body_id:
        bodies = bodies | Body.objects.for_network(role.network).filter(pk=post.body_id)
    initial = {
        "title": post.title,
        "summary": post.summary,
        "text": post.text,
        "audience": post.audience,
        "body": post.body,
    }
    form = NewsPostForm(request.POST or None, initial=initial, bodies=bodies.distinct())
    if request.method == "POST" and form.is_valid():
        try:
            services.news_post_update(post=post, acting_user=request.user, **_fields(form.cleaned_data))
            if action == "publish":
                services.news_post_publish(post=post, acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _message(post, action == "publish"))
            return redirect("network:news-portal")
    return render(
        request,
        "network/news/form.html",
        _context(role, form=form, post=post, forms_with_errors=[form] if form.errors else []),
    )


@require_http_methods(["GET", "POST"])
@role_required
def news_digest(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """Opt in to or out of the weekly e-mail with the network's news."""
    subscription = selectors.news_subscription_get(network=role.network, user=request.user)
    if request.method == "POST":
        if request.POST.get("action") == "subscribe":
            services.news_subscribe(network=role.network, acting_user=request.user)
            messages.success(request, _("Je krijgt voortaan elke week een e-mail met het nieuws."))
        elif subscription is not None:
            services.news_unsubscribe(subscription=subscription, acting_user=request.user)
            messages.success(request, _("Je krijgt geen e-mail met het nieuws meer."))
        return redirect("network:news-digest")
    return render(request, "network/news/digest.html", _context(role, subscription=subscription))


# --- public pages ------------------------------------------------------------------------------------------------


@network_view
def news(request: HttpRequest, network: Network) -> HttpResponse:
    page = Paginator(selectors.public_news_list(network=network), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "network/news/public_list.html", {"nav": "news", "page": page})


@network_view
def news_post(request: HttpRequest, network: Network, pk) -> HttpResponse:
    post = scoped_get_or_404(selectors.public_news_list(network=network), network=network, pk=pk)
    return render(request, "network/news/public_post.html", {"nav": "news", "post": post})


class NewsFeed(Feed):
    """The network's public news as an Atom feed."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, network_slug: str) -> Network:
        network = network_get(slug=network_slug)
        request.network = network
        return network

    def title(self, network: Network) -> str:
        return _("Nieuws van {network}").format(network=network.name)

    def subtitle(self, network: Network) -> str:
        return network.description[:300] or None

    def link(self, network: Network) -> str:
        return reverse("network:news", args=[network.slug])

    def feed_url(self, network: Network) -> str:
        return reverse("network:news-feed", args=[network.slug])

    def items(self, network: Network):
        return selectors.public_news_list(network=network)[:30]

    def item_title(self, post: NewsPost) -> str:
        return post.title

    def item_description(self, post: NewsPost) -> str:
        return post.summary or post.text[:500]

    def item_link(self, post: NewsPost) -> str:
        return reverse("network:news-post", args=[post.network.slug, post.pk])

    def item_guid(self, post: NewsPost) -> str:
        return f"urn:uuid:{post.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, post: NewsPost):
        return post.published_at

    def item_updateddate(self, post: NewsPost):
        return max(post.updated_at, post.published_at)


news_feed = NewsFeed()


# The link in the digest is also the target of a mail program's one-click unsubscribe (RFC 8058): a POST without
# the site's CSRF token. The secret token in the URL is what authorises it; a GET never changes anything.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@network_view
def news_unsubscribe(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    subscription = (
        NewsSubscription.objects.for_network(network)
        .filter(token_hash=services.news_token_hash(token))
        .first()
    )
    if request.method == "POST" and subscription is not None:
        services.news_unsubscribe(token=token)
        response = render(request, "network/news/unsubscribe.html", {"done": True})
    elif subscription is None:
        response = render(request, "network/news/unsubscribe.html", {"gone": True}, status=404)
    else:
        response = render(request, "network/news/unsubscribe.html", {"subscription": subscription})
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
