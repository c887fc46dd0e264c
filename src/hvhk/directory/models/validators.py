"""Validators shared by the directory's models (and so by every form, the admin and the HSDS import)."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")

# A link the wegwijzer shows and the API publishes: a web page, never `javascript:`, `data:` or `ftp:`.
# Its own code, so a form shows this message rather than its generic "enter a valid URL".
web_url_validator = URLValidator(
    schemes=list(WEB_SCHEMES),
    message=_("Geef een webadres dat begint met http:// of https://."),
    code="web_url",
)


def is_web_url(value: str | None) -> bool:
    """Whether a stored link may be published (rows from before the validator may hold another scheme)."""
    return bool(value) and value.split(":", 1)[0].strip().lower() in WEB_SCHEMES and "://" in value
