from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """What the base template needs on every page: the current network and the language choices."""
    return {
        "network": getattr(request, "network", None),
        "site_languages": settings.LANGUAGES,
    }
