"""Labels of a request's coded values, for the portal pages, the family's page and the export: a page never shows
a raw code (`in_progress`, `closed`), and a request or referral that consent no longer covers says so."""

from django.conf import settings
from django.utils.translation import gettext as _

from hvhk.referrals.models import AGE_CHOICES, AccessLog, Consent, Referral, ReferralEvent, SupportRequest

_AGES = dict(AGE_CHOICES)
_LANGUAGES = dict(settings.LANGUAGES)


def request_labels(request: SupportRequest) -> dict:
    return {
        "ages": ", ".join(str(_AGES[a]) for a in request.ages if a in _AGES),
        "language_name": _LANGUAGES.get(request.language, request.language),
        "scope_labels": [Consent.Scope(s).label for s in request.consent.scope if s in Consent.Scope.values],
    }


def age_labels(ages: list[str]) -> list[str]:
    return [str(_AGES.get(a, a)) for a in ages]


def language_name(code: str) -> str:
    return str(_LANGUAGES.get(code, code))


# --- statuses once consent ends ------------------------------------------------------------------------------------
# A withdrawal closes the request and its open referrals (services.consent_withdraw); an expiry changes no row (it
# happens by the clock). The stored statuses stay those of the transition table; these labels add why it stopped.


def request_status(request: SupportRequest) -> str:
    """The request's status as the portal and the export show it."""
    consent = request.consent
    if consent.withdrawn_at is not None:
        return _("toestemming ingetrokken")
    if request.status != SupportRequest.Status.CLOSED and not consent.is_active():
        return _("toestemming verlopen")
    return request.get_status_display()


def stopped_by_withdrawal(referral: Referral, at=None) -> bool:
    """Whether the referral (or its step at `at`) is the closing that the family's withdrawal made: after a
    withdrawal no step can be taken any more, so a closing at or after it is the withdrawal's."""
    withdrawn_at = referral.request.consent.withdrawn_at
    when = at if at is not None else referral.updated_at
    return withdrawn_at is not None and referral.status == Referral.Status.CLOSED and when >= withdrawn_at


def referral_status(referral: Referral) -> str:
    consent = referral.request.consent
    if stopped_by_withdrawal(referral):
        return _("gestopt: toestemming ingetrokken")
    if referral.is_open and not consent.is_active():
        return _("gestopt: toestemming verlopen")
    return referral.get_status_display()


def event_status(event: ReferralEvent) -> str:
    if event.status == Referral.Status.CLOSED and stopped_by_withdrawal(event.referral, at=event.at):
        return _("gestopt: toestemming ingetrokken")
    return event.get_status_display()


# --- the access log --------------------------------------------------------------------------------------------
# The log stores codes (a service's name, a status, a reason), so it reads in every language and old rows too.


def _detail_labels() -> dict[tuple[str, str], str]:
    A = AccessLog.Action
    return {
        (A.UPDATE, "contact"): _("eerste contact met het gezin"),
        (A.UPDATE, "closed"): _("hulpvraag afgesloten"),
        (A.ANONYMISE, "retention"): _("bewaartermijn voorbij"),
        (A.ANONYMISE, "inactive"): _("lang niet meer gebruikt"),
        (A.EXPORT, "facts"): _("zonder persoonlijke gegevens (toestemming ingetrokken of verlopen)"),
    }


def access_detail(entry: AccessLog) -> str:
    """The entry's detail in words: a referral's step `Slaapadvies: in_progress` reads `Slaapadvies: in begeleiding`."""
    detail = entry.detail
    label = _detail_labels().get((entry.action, detail))
    if label is not None:
        return label
    if entry.action == AccessLog.Action.UPDATE and ": " in detail:
        service, code = detail.rsplit(": ", 1)
        if code in Referral.Status.values:
            return f"{service}: {Referral.Status(code).label}"
    return detail
