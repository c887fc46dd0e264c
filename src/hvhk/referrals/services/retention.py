"""What happens with time: anonymous facts replace old requests, partners are reminded of open referrals."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hvhk.core.lib.erasures import erasure_record
from hvhk.core.lib.workdays import working_days_between
from hvhk.core.models import Network
from hvhk.referrals.models import AccessLog, Referral, RequestFacts, SupportRequest
from hvhk.referrals.services.common import S, access_log_create
from hvhk.referrals.services.mail import _tell_partner


def _facts(request: SupportRequest, reason: str) -> RequestFacts:
    referrals = list(request.referrals.all())
    statuses = {r.status for r in referrals}
    outcome = next(
        (s for s in (S.COMPLETED, S.IN_PROGRESS, S.ACCEPTED, S.CLOSED, S.DECLINED) if s in statuses), ""
    )
    days = None
    if request.first_contact_at:
        days = max(0, (request.first_contact_at - request.created_at).days)
    return RequestFacts(
        network_id=request.network_id,
        month=request.created_at.date().replace(day=1),
        source=request.source,
        domain_id=request.domain_id,
        age_bands=request.ages,
        area_id=request.area_id,
        house_id=request.house_id,
        referrals=len(referrals),
        outcome=outcome,
        days_to_first_contact=days,
        reason=reason,
    )


def requests_anonymise(*, now: dt.datetime | None = None) -> int:
    """Replace by anonymous facts the requests closed longer than REQUEST_RETENTION_MONTHS ago, and the requests
    nobody closed but nothing happened to for as long (no change to the request or any of its referrals): a
    forgotten request must not keep a family's data for ever. Returns how many."""
    now = now or timezone.now()
    before = now - dt.timedelta(days=round(settings.REQUEST_RETENTION_MONTHS * 30.44))
    closed = SupportRequest.objects.filter(closed_at__lt=before)
    idle = (
        SupportRequest.objects.filter(closed_at__isnull=True, updated_at__lt=before)
        .exclude(referrals__updated_at__gte=before)
        .exclude(consent__withdrawn_at__gte=before)
    )
    done = 0
    for reason, found in (("retention", closed), ("inactive", idle)):
        done += _anonymise(found, reason)
    return done


def _anonymise(requests, reason: str) -> int:
    done = 0
    for request in requests.iterator(chunk_size=200):
        with transaction.atomic():
            _facts(request, reason).save()
            access_log_create(
                request=request, acting_user=None, action=AccessLog.Action.ANONYMISE, detail=reason
            )
            erasure_record(kind="support-request", ids=[request.pk], network_id=request.network_id)
            request.delete()
        done += 1
    return done


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind partners of referrals unanswered for REFERRAL_REMINDER_WORKING_DAYS; at most once per period.
    Network by network, and only in active networks: a switched-off network's partners cannot open them."""
    now = now or timezone.now()
    sent = 0
    for network in Network.objects.filter(is_active=True):
        sent += _remind(network, now)
    return sent


def _remind(network: Network, now: dt.datetime) -> int:
    limit = settings.REFERRAL_REMINDER_WORKING_DAYS
    sent = 0
    # Only referrals the partner can still open: consent holds and the request is not closed.
    waiting = (
        Referral.objects.for_network(network)
        .filter(
            status__in=Referral.UNANSWERED,
            request__consent__withdrawn_at__isnull=True,
            request__consent__expires_at__gt=now,
        )
        .exclude(request__status=SupportRequest.Status.CLOSED)
    )
    for referral in waiting.select_related("request", "organization"):
        since = referral.reminded_at or referral.created_at
        if working_days_between(timezone.localdate(since), timezone.localdate(now)) < limit:
            continue
        # Once per referral and period, also when a job killed after this mail runs again before the mark.
        once = f"referrals.reminder:{referral.pk}:{since.isoformat()}"
        if _tell_partner(referral, "referrals/mail/referral_reminder.txt", once=once):
            referral.reminded_at = now
            referral.save(update_fields=["reminded_at"])
            sent += 1
    return sent


# --- e-mails: a link, never personal data ----------------------------------------------------------------------
