"""The "Had je er iets aan?" form on a family's private pages (referrals' support request, activities'
registration). Those templates include signals/voice/_request_feedback.html or _activity_feedback.html; the tags
here decide whether to ask (the request is referred or closed; the activity is over) and whether the family
already answered. Nothing in referrals or activities imports signals."""

from django import template
from django.urls import reverse

from hvhk.referrals.models import AGE_CHOICES
from hvhk.signals.models import VoiceContribution
from hvhk.signals.services import voice as services

register = template.Library()
Kind = VoiceContribution.Kind


def _feedback(network, kind: str, pk, token: str, url_name: str) -> dict:
    return {
        "given": services.feedback_given(network=network, kind=kind, pk=pk),
        "token": token,
        "action": reverse(url_name, args=[network.slug]),
        "choices": VoiceContribution.Useful.choices,
    }


@register.simple_tag
def request_feedback(support_request, token) -> dict | None:
    if support_request is None or not token or not services.feedback_open_for_request(support_request):
        return None
    return _feedback(
        support_request.network, Kind.REQUEST_FEEDBACK, support_request.pk, token, "signals:request-feedback"
    )


@register.simple_tag
def activity_feedback(registration, token) -> dict | None:
    if registration is None or not token or not services.feedback_open_for_registration(registration):
        return None
    return _feedback(
        registration.network, Kind.ACTIVITY_FEEDBACK, registration.pk, token, "signals:activity-feedback"
    )


@register.filter
def age_labels(codes) -> str:
    """["0-3", "zwanger"] -> "0 tot 3 jaar, Zwanger of baby op komst" (the words of the forms)."""
    labels = dict(AGE_CHOICES)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])
