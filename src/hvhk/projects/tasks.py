"""Background work of funding calls (django-tasks; `hvhk db_worker` runs what is enqueued): the mail of a new call
to the partners who asked for calls on their themes, an invitation to join an application to the invited
organisation's editors, and the deadline reminders four weeks and one week before (queued by `hvhk projects`).
Staff mails are in Dutch, the portal's language. A job run again after its worker died (`hvhk tasks-recover`)
finishes the list: the call's mark is set once every mail left, and send_once skips who already had theirs."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import job_key, send_once
from hvhk.projects import selectors, services
from hvhk.projects.models import ApplicationPartner, FundingCall


@task()
def send_call_alerts(call_id: str) -> int:
    call = FundingCall.objects.select_related("network").filter(pk=call_id, alerted_at__isnull=True).first()
    if call is None:
        return 0
    to = [
        address
        for address in selectors.alert_recipients(call)
        if address != getattr(call.created_by, "email", "")
    ]
    with override(settings.LANGUAGE_CODE):
        context = {"call": call, "network": call.network, "link": absolute_url("projects:call", call.pk)}
        # One message per person: partners do not see who else follows calls.
        sent = sum(
            send_once(
                _("Nieuwe projectoproep: %(title)s") % {"title": call.title},
                render_to_string("projects/mail/call_alert.txt", context),
                [address],
                key=f"projects.call-alert:{call.pk}",
            )
            for address in to
        )
    FundingCall.objects.filter(pk=call.pk).update(alerted_at=timezone.now())
    return sent


@task()
def send_invitation(partner_id: str) -> int:
    partner = (
        ApplicationPartner.objects.select_related("application__call", "application__network", "organization")
        .filter(pk=partner_id, answer=ApplicationPartner.Answer.INVITED)
        .first()
    )
    if partner is None:
        return 0
    to = list(
        User.objects.filter(
            roles__network_id=partner.network_id,
            roles__role=RoleAssignment.Role.EDITOR,
            roles__organization=partner.organization,
            is_active=True,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not to:
        return 0
    application = partner.application
    with override(settings.LANGUAGE_CODE):
        context = {
            "partner": partner,
            "application": application,
            "call": application.call,
            "network": application.network,
            "link": absolute_url("projects:application", application.pk),
        }
        return send_once(
            _("Uitnodiging voor een gezamenlijke aanvraag: %(title)s") % {"title": application.title},
            render_to_string("projects/mail/invitation.txt", context),
            to,
            key=job_key("projects.invitation"),
        )


@task()
def send_deadline_reminder(call_id: str, which: str) -> int:
    call = FundingCall.objects.select_related("network").filter(pk=call_id).first()
    if call is None or getattr(call, "reminded_4w_at" if which == "4w" else "reminded_1w_at") is not None:
        return 0  # (another run got there first)
    to = services.reminder_recipients(call)
    with override(settings.LANGUAGE_CODE):
        context = {
            "call": call,
            "network": call.network,
            "which": which,
            "days": (call.deadline - timezone.localdate()).days,
            "link": absolute_url("projects:call", call.pk),
        }
        sent = sum(
            send_once(
                _("Nog %(days)d dagen: %(title)s") % {"days": context["days"], "title": call.title},
                render_to_string("projects/mail/deadline_reminder.txt", context),
                [address],
                # (a deadline moved later is reminded again: the key holds the deadline)
                key=f"projects.deadline-reminder:{call.pk}:{which}:{call.deadline.isoformat()}",
            )
            for address in to
        )
    services.reminder_mark(call=call, which=which)
    return sent
