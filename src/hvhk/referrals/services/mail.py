"""The e-mails of the referral loop; sent after commit, never with the family's personal data."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import already_sent, send, send_once
from hvhk.referrals.models import Referral, SupportRequest


def _mail(to: list[str], subject: str, template: str, context: dict, *, once: str = "") -> int:
    """`once`: the outbox key of a mail that must not leave twice for the same thing (core/lib/mail.send_once)."""
    if not to:
        return 0
    with override("nl"):
        sent = send_once(subject, render_to_string(template, context), to, key=once)
    # What an earlier run of the job sent before it died counts as sent: the caller marks it done.
    return sent or int(bool(once) and already_sent(key=once, to=to))


def _editors(organization_ids) -> list[str]:
    return list(
        User.objects.filter(
            roles__organization_id__in=organization_ids,
            roles__role=RoleAssignment.Role.EDITOR,
            is_active=True,
        )
        .values_list("email", flat=True)
        .distinct()
    )


def _intake(request: SupportRequest) -> list[str]:
    if request.assigned_to_id and request.assigned_to.is_active:
        return [request.assigned_to.email]
    return list(
        User.objects.filter(
            roles__network_id=request.network_id, roles__role=RoleAssignment.Role.INTAKE, is_active=True
        )
        .values_list("email", flat=True)
        .distinct()
    )


def _tell_intake_new(request: SupportRequest) -> None:
    _mail(
        _intake(request),
        _("Nieuwe hulpvraag {reference}").format(reference=request.reference),
        "referrals/mail/request_new.txt",
        {"request": request, "link": absolute_url("referrals:request", request.pk)},
    )


def _tell_partner(referral: Referral, template: str, *, once: str = "") -> int:
    return _mail(
        _editors([referral.organization_id]),
        _("Doorverwijzing {reference}").format(reference=referral.request.reference),
        template,
        {"referral": referral, "link": absolute_url("referrals:referral", referral.pk)},
        once=once,
    )


def _tell_referrer(referral: Referral) -> None:
    _mail(
        _intake(referral.request),
        _("Doorverwijzing {reference}: {status}").format(
            reference=referral.request.reference, status=referral.get_status_display()
        ),
        "referrals/mail/referral_update.txt",
        {"referral": referral, "link": absolute_url("referrals:request", referral.request_id)},
    )


def _tell_consent_withdrawn(request: SupportRequest, organization_ids: list) -> None:
    _mail(
        sorted(set(_editors(organization_ids)) | set(_intake(request))),
        _("Toestemming ingetrokken voor {reference}").format(reference=request.reference),
        "referrals/mail/consent_withdrawn.txt",
        {"request": request},
    )


def _send_private_link(request: SupportRequest, token: str, email: str) -> None:
    with override(request.language):
        _send_private_link_now(request, token, email)


def _send_private_link_now(request: SupportRequest, token: str, email: str) -> None:
    send(
        _("Je vraag aan {network}: {reference}").format(
            network=request.network.name, reference=request.reference
        ),
        render_to_string(
            "referrals/mail/private_link.txt",
            {"request": request, "link": absolute_url("referrals:private", request.network.slug, token)},
        ),
        [email],
    )
