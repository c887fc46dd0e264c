"""Helpers for the parents' voice tests: a network's life domain and area, a support request or a registration
that has reached the point where a family is asked for feedback."""

import datetime as dt

from django.utils import timezone

from hvhk.activities.models import Session
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE
from hvhk.referrals.models import SupportRequest
from tests.activities.factories_registration import register, session_for
from tests.core.factories import AreaFactory
from tests.directory.factories import TaxonomyFactory, TaxonomyTermFactory
from tests.referrals.factories import make_request


def life_domain(network, name: str = "Opvoeding"):
    taxonomy = TaxonomyFactory(network=network, code=LIFE_DOMAINS_CODE, name="Levensdomeinen")
    return TaxonomyTermFactory(taxonomy=taxonomy, name=name)


def area(network, name: str = "Kessel-Lo"):
    return AreaFactory(network=network, name=name)


def request_done(network, status: str = SupportRequest.Status.CLOSED):
    """A family's support request that was referred or closed: (request, token)."""
    support_request, token = make_request(network)
    SupportRequest.objects.filter(pk=support_request.pk).update(status=status)
    support_request.refresh_from_db()
    return support_request, token


def registration_over(network, *, over: bool = True):
    """A confirmed registration for a session that is over (or, with over=False, still to come)."""
    session = session_for(network)
    registration, token = register(session.activity, session=session)
    if over:
        start = timezone.now() - dt.timedelta(days=2)
        Session.objects.filter(pk=session.pk).update(starts_at=start, ends_at=start + dt.timedelta(hours=2))
        registration.refresh_from_db()
    return registration, token
