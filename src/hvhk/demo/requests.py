"""The demo's example support requests: made once through the referral services, then dated as the file says.

A request, its referral and their steps happen at the moment of loading (the services stamp `now`); afterwards
every timestamp of the request's history is set to the time the data file gives, moved by the days since the
file's reference date, so the intake queue shows requests of the last days on any day.
"""

import datetime as dt

from django.utils import timezone

from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.referrals import services as referrals
from hvhk.referrals.models import AccessLog, Consent, Referral, ReferralEvent, SupportRequest

_FIELDS = ("question", "ages", "name", "contact_by", "phone", "email", "contact_when", "language")


def requests_load(*, network: Network, examples: list[dict], shift: dt.timedelta) -> int:
    """Make the example requests of `network`, once (a later load keeps what people did with them)."""
    if not examples or SupportRequest.objects.for_network(network).exists():
        return 0
    for example in examples:
        _request_make(network=network, example=example, shift=shift)
    return len(examples)


def _request_make(*, network: Network, example: dict, shift: dt.timedelta) -> SupportRequest:
    def at(local: dt.datetime) -> dt.datetime:
        return timezone.make_aware(local + shift)

    intake = User.objects.get(email=example["registered_by"])
    received = at(example["received"])
    request, _token = referrals.request_create(
        network=network,
        consent_how=example["consent"]["how"],
        consent_scope=example["consent"]["scope"],
        consent_given_at=received,
        acting_user=intake,
        **{name: example[name] for name in _FIELDS if name in example},
    )
    times = {"request": [received], "referral": [], "log": [received]}
    referral_data = example.get("referral")
    if referral_data:
        service = Service.objects.for_network(network).get(
            name=referral_data["service"], organization__slug=referral_data["organization"]
        )
        (referral,) = referrals.referral_create(
            request=request, services=[service], message="", acting_user=intake
        )
        sent = at(referral_data["sent"])
        times["referral"].append(sent)
        times["log"].append(sent)
        for step in referral_data["steps"]:
            editor = User.objects.get(email=step["by"])
            referrals.referral_advance(
                referral=referral, to=step["status"], acting_user=editor, note=step.get("note", "")
            )
            times["referral"].append(at(step["at"]))
            times["log"].append(at(step["at"]))
    _backdate(request, received=received, times=times)
    return request


def _backdate(request: SupportRequest, *, received: dt.datetime, times: dict[str, list[dt.datetime]]) -> None:
    """Give the request's rows the times of the file, in the order they were made."""
    last = max(times["log"])
    request.refresh_from_db()
    moved = received - request.created_at
    accepted = None
    for referral in Referral.objects.filter(request=request):
        events = list(ReferralEvent.objects.filter(referral=referral).order_by("at"))
        for event, when in _paired(events, times["referral"]):
            ReferralEvent.objects.filter(pk=event.pk).update(at=when)
            if event.status == Referral.Status.ACCEPTED:
                accepted = when
        Referral.objects.filter(pk=referral.pk).update(created_at=times["referral"][0], updated_at=last)
    logs = AccessLog.objects.for_network(request.network).filter(request_id=request.pk).order_by("created_at")
    for log, when in _paired(list(logs), times["log"]):
        AccessLog.objects.filter(pk=log.pk).update(created_at=when, updated_at=when)
    consent = Consent.objects.get(request=request)
    Consent.objects.filter(pk=consent.pk).update(expires_at=consent.expires_at + moved)
    SupportRequest.objects.filter(pk=request.pk).update(
        created_at=received,
        updated_at=last,
        first_contact_at=accepted if request.first_contact_at else None,
        closed_at=last if request.closed_at else None,
    )


def _paired(rows: list, times: list[dt.datetime]) -> list[tuple]:
    """Rows with their times; a row the file has no time for (a step the services add) gets the last one."""
    return [(row, times[min(i, len(times) - 1)]) for i, row in enumerate(rows)]
