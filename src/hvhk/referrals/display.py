"""Labels of a request's coded values, for the portal pages."""

from django.conf import settings

from hvhk.referrals.models import AGE_CHOICES, Consent, SupportRequest

_AGES = dict(AGE_CHOICES)
_LANGUAGES = dict(settings.LANGUAGES)


def request_labels(request: SupportRequest) -> dict:
    return {
        "ages": ", ".join(str(_AGES[a]) for a in request.ages if a in _AGES),
        "language_name": _LANGUAGES.get(request.language, request.language),
        "scope_labels": [Consent.Scope(s).label for s in request.consent.scope if s in Consent.Scope.values],
    }
