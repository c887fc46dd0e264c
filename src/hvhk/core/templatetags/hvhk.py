"""Template filters every app's templates share: {% load hvhk %}."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

from hvhk.core.lib import messages as placed_messages
from hvhk.core.lib.log_filters import hide_private_links

register = template.Library()

register.filter("placed_at", placed_messages.placed_at)
register.filter("unplaced", placed_messages.unplaced)

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
PHONE_SCHEMES = frozenset({"tel"})


def href_or_empty(value, schemes: frozenset[str] = LINK_SCHEMES) -> str:
    """The stored URL when it may become a link (a scheme in `schemes`, e.g. http, https, mailto), else "".

    Browsers ignore tabs, newlines and leading control characters in a URL ("java\\tscript:"), so those refuse
    the URL too; a URL without a scheme is refused, since a relative one would point into this site."""
    url = str(value or "").strip()
    if not url or not url.isprintable() or any(c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return ""
    if scheme in ("http", "https") and not parts.netloc:
        return ""
    return url


@register.filter
def safe_href(value) -> str:
    """{% with href=service.url|safe_href %}{% if href %}<a href="{{ href }}">…{% else %}{{ service.url }}{% endif %}:
    a stored website or e-mail URL becomes a link only for http, https and mailto (never `javascript:`, `data:`…).
    Autoescaping stays on, so the URL is still escaped for the attribute."""
    return href_or_empty(value)


@register.filter
def safe_tel_href(value) -> str:
    """Like safe_href, for phone links: only a `tel:` URL passes."""
    return href_or_empty(value, PHONE_SCHEMES)


@register.simple_tag
def safe_link(url, text: str = "", rel: str = "noopener"):
    """{% safe_link service.url website_label %}: a link to a stored URL when it may be one (http, https, mailto),
    else the stored URL as plain text, so a `javascript:` or `data:` website never becomes something to click."""
    href = href_or_empty(url)
    if not href:
        return format_html('<span class="unlinked-url">{}</span>', url)
    if rel:
        return format_html('<a href="{}" rel="{}">{}</a>', href, rel, text or href)
    return format_html('<a href="{}">{}</a>', href, text or href)


@register.filter
def as_list(value) -> list:
    """{% include "core/_error_summary.html" with forms_with_errors=form|as_list %}: one value as a list."""
    return [value] if value else []


@register.filter
def without_private_link(path: str) -> str:
    """`path` with a private link's token left out (…/activities/r/…), so a "Meld het ons" report or any other
    link built from the page's own address does not carry a family's key to another page or into a report."""
    return hide_private_links(str(path or ""))
