"""Background work of the volunteers (django-tasks; `hvhk db_worker` runs what is enqueued): the mails after a
sign-up. The volunteer gets a confirmation with their private link in their own language (a second sign-up: the
link again, nothing changed); the coordinators, and the editors of the partner whose role was chosen, hear that
someone signed up, without the person's data in the mail (they open it in the portal). A row anonymised meanwhile
gets no mail. Every mail goes through send_once: a job run again after its worker died sends nobody a mail twice."""

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import job_key, send_once
from hvhk.volunteers.models import HelpRequest, ThankYou, Volunteer
from hvhk.volunteers.services import volunteer_link

Role = RoleAssignment.Role


def _staff_to_tell(volunteer: Volunteer) -> list[str]:
    wanted = Q(roles__role=Role.COORDINATOR)
    role = volunteer.role_wanted
    if role is not None and role.organization_id is not None:
        wanted |= Q(roles__role=Role.EDITOR, roles__organization_id=role.organization_id)
    return list(
        User.objects.filter(wanted, roles__network_id=volunteer.network_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
        .order_by("email")
    )


@task()
def send_signup_mails(volunteer_id: str, again: bool) -> int:
    volunteer = Volunteer.objects.select_related("network", "role_wanted").filter(pk=volunteer_id).first()
    if volunteer is None or volunteer.anonymised_at is not None:
        return 0
    sent = 0
    if volunteer.email:
        with override(volunteer.language or settings.LANGUAGE_CODE):
            context = {
                "volunteer": volunteer,
                "network": volunteer.network,
                "again": again,
                "link": volunteer_link(volunteer),
                "retention_months": settings.VOLUNTEER_RETENTION_MONTHS,
            }
            subject = (
                _("Je staat al bij onze vrijwilligers: %(network)s")
                if again
                else _("Bedankt om vrijwilliger te worden bij %(network)s")
            )
            sent += send_once(
                subject % {"network": volunteer.network.name},
                render_to_string("volunteers/mail/signup_confirmed.txt", context),
                [volunteer.email],
                key=job_key("volunteers.signup-confirmed"),  # (a second sign-up mails again: per job)
            )
    to = _staff_to_tell(volunteer)
    if to and not again:
        with override(settings.LANGUAGE_CODE):
            context = {
                "volunteer": volunteer,
                "network": volunteer.network,
                "link": absolute_url("volunteers:portal-detail", volunteer.pk),
            }
            sent += send_once(
                _("Nieuwe vrijwilliger aangemeld bij %(network)s") % {"network": volunteer.network.name},
                render_to_string("volunteers/mail/new_volunteer.txt", context),
                to,
                key=f"volunteers.new-volunteer:{volunteer.pk}",
            )
    return sent


@task()
def send_help_request(help_request_id: str, volunteer_id: str) -> int:
    """One active volunteer asked for a hand, with a link to say yes (their private page)."""
    help_request = (
        HelpRequest.objects.select_related("network", "organization").filter(pk=help_request_id).first()
    )
    volunteer = (
        Volunteer.objects.filter(pk=volunteer_id, anonymised_at__isnull=True).exclude(email="").first()
    )
    if help_request is None or volunteer is None or help_request.status != HelpRequest.Status.OPEN:
        return 0
    with override(volunteer.language or settings.LANGUAGE_CODE):
        context = {
            "volunteer": volunteer,
            "help": help_request,
            "network": help_request.network,
            "link": volunteer_link(volunteer) + f"help/{help_request.pk}/",
        }
        return send_once(
            _("Kun je helpen? %(title)s") % {"title": help_request.title},
            render_to_string("volunteers/mail/help_request.txt", context),
            [volunteer.email],
            key=f"volunteers.help-request:{help_request.pk}",
        )


@task()
def send_thank_you(thanks_id: str, volunteer_id: str) -> int:
    thanks = ThankYou.objects.select_related("network").filter(pk=thanks_id).first()
    volunteer = (
        Volunteer.objects.filter(pk=volunteer_id, anonymised_at__isnull=True).exclude(email="").first()
    )
    if thanks is None or volunteer is None:
        return 0
    with override(volunteer.language or settings.LANGUAGE_CODE):
        context = {"volunteer": volunteer, "thanks": thanks, "network": thanks.network}
        return send_once(
            thanks.title,
            render_to_string("volunteers/mail/thank_you.txt", context),
            [volunteer.email],
            key=f"volunteers.thank-you:{thanks.pk}",
        )
