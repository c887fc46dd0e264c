"""Background tasks of parents' voice (django-tasks; `hvhk db_worker` runs what is enqueued): the confirmation of a
sign-up for a call, and a moderator's reply to a parent who left an e-mail address. Each mail goes out in the
parent's language through Django's mail API; a row erased meanwhile (retention) gets no mail."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.signals.models import CallSignup, VoiceContribution


@task()
def send_signup_confirmation(signup_id: str) -> int:
    signup = CallSignup.objects.select_related("call", "network").filter(pk=signup_id).first()
    if signup is None or not signup.email or signup.erased_at is not None:
        return 0
    with override(signup.language or settings.LANGUAGE_CODE):
        context = {
            "signup": signup,
            "call": signup.call,
            "network": signup.network,
            "link": absolute_url("signals:call", signup.network.slug, signup.call.pk),
            "retention_days": settings.VOICE_RETENTION_DAYS,
        }
        return send(
            _("Je bent ingeschreven: %(title)s") % {"title": signup.call.title},
            render_to_string("signals/voice/mail/signup_confirmed.txt", context),
            [signup.email],
        )


@task()
def send_contribution_reply(contribution_id: str, message: str) -> int:
    contribution = VoiceContribution.objects.select_related("network").filter(pk=contribution_id).first()
    if contribution is None or not contribution.email:
        return 0
    with override(contribution.language or settings.LANGUAGE_CODE):
        context = {"contribution": contribution, "network": contribution.network, "message": message}
        return send(
            _("Antwoord op je bericht aan %(name)s") % {"name": contribution.network.name},
            render_to_string("signals/voice/mail/reply.txt", context),
            [contribution.email],
        )
