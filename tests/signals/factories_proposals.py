"""A month of platform figures for the proposals' tests: searches that found (nearly) nothing, families' requests
per life domain and their referrals, a full activity with its waiting list, services not checked for long."""

import datetime as dt

from django.utils import timezone

from hvhk.activities.models import Activity, Registration
from hvhk.directory.services import taxonomy_seed
from hvhk.referrals import services as referrals
from hvhk.referrals.models import Referral, SupportRequest
from hvhk.search.models import ZeroResultQuery
from tests.activities.factories_public import ActivityFactory, RegistrationFactory, SessionFactory
from tests.directory.factories import ServiceFactory
from tests.referrals.factories import make_request

QUESTION = "Mijn dochter Lotte Janssens (0470 99 88 77) vindt geen opvang."


def last_month() -> dt.date:
    return (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def in_month(month: dt.date, day: int = 10, hour: int = 11) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(month.replace(day=day), dt.time(hour)))


def domain(network, code: str = "opvoeding"):
    return {t.code: t for t in taxonomy_seed(network=network)}[code]


def searches(network, month: dt.date, query: str, count: int, max_results: int = 0) -> ZeroResultQuery:
    return ZeroResultQuery.objects.create(
        network=network, month=month, query=query, count=count, max_results=max_results
    )


def request_in(network, month: dt.date, *, term=None) -> SupportRequest:
    request, _token = make_request(network, question=QUESTION, domain=term)
    SupportRequest.objects.filter(pk=request.pk).update(created_at=in_month(month))
    request.refresh_from_db()
    return request


def declined(network, month, *, term, service, intake, editor, reason: str) -> Referral:
    """A request of `month` in `term`, referred to `service` and declined by its partner for `reason`."""
    request = request_in(network, month, term=term)
    (referral,) = referrals.referral_create(
        request=request, services=[service], message="", acting_user=intake
    )
    referrals.referral_advance(
        referral=referral,
        to=Referral.Status.DECLINED,
        acting_user=editor,
        note="Volzet, bel Lotte terug op 0470 99 88 77",
        decline_reason=reason,
    )
    return referral


def full_activity(network, month: dt.date, *, service, waiting: int, title: str = "Babymassage") -> Activity:
    """A published activity with one session in `month`: two places, both taken, `waiting` families waiting."""
    activity = ActivityFactory(
        service=service, network=network, title=title, capacity=2, places_per=Activity.PlacesPer.FAMILY
    )
    start = in_month(month, day=12, hour=14)
    session = SessionFactory(activity=activity, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    for n in range(2 + waiting):
        RegistrationFactory(
            session=session,
            name=f"Ouder {n}",
            email=f"ouder{n}@example.org",
            status=Registration.Status.CONFIRMED if n < 2 else Registration.Status.WAITING,
            queued_at=None if n < 2 else start - dt.timedelta(days=3),
        )
    return activity


def overdue_services(organization, count: int, *, checked: dt.date | None = dt.date(2020, 1, 1)) -> list:
    return [
        ServiceFactory(organization=organization, name=f"Oud aanbod {n}", assured_date=checked)
        for n in range(count)
    ]
