"""Every list page of the portal and of the referral queue costs a fixed number of queries, however many rows it
shows (STYLE.md rule 7): each page is measured with a few rows of everything it lists, then again with more, and
both counts must be the number written here. An N+1 (a query per row) fails the second measurement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hvhk.accounts.models import Invitation, RoleAssignment
from hvhk.directory.models import Draft, Language, ServiceAtLocation
from hvhk.feedback.models import ErrorReport
from hvhk.referrals import services as referrals
from hvhk.referrals.models import Referral
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import (
    HouseFactory,
    LocationFactory,
    MembershipFactory,
    OrganizationFactory,
    ServiceFactory,
)
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake_a(network_a):
    user = UserFactory(email="intake@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.INTAKE)
    return with_two_factor(user)


@pytest.fixture
def add_rows(network_a, partner_a, editor_a, intake_a):
    """Adds `k` rows of everything the lists show, each with the relations its row displays."""
    with_two_factor(editor_a)  # a partner opens referrals with a second factor
    made = {"n": 0}

    def add(k: int) -> None:
        for _ in range(k):
            made["n"] += 1
            n = made["n"]
            other = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
            place = LocationFactory(organization=partner_a, network=network_a)
            for organization in (partner_a, other):
                service = ServiceFactory(organization=organization, assured_date=None)  # overdue
                ServiceAtLocation.objects.create(network=network_a, service=service, location=place)
                Language.objects.create(network=network_a, service=service, name="Nederlands", code="nl")
            Draft.objects.create(
                network=network_a,
                kind=Draft.Kind.SERVICE,
                organization=partner_a,
                title=f"Nieuw aanbod {n}",
                data={"name": f"Nieuw aanbod {n}"},
                status=Draft.Status.SUBMITTED,
                author=editor_a,
            )
            Draft.objects.create(
                network=network_a,
                kind=Draft.Kind.LOCATION,
                organization=partner_a,
                target_id=place.pk,
                title=f"Plek {n}",
                status=Draft.Status.RETURNED,
                author=editor_a,
            )
            ErrorReport.objects.create(
                network=network_a,
                page_url=f"/x/{n}/",
                message="Fout telefoonnummer",
                service=service,
                assigned_organization=partner_a,
                reporter_email=f"ouder{n}@example.org",
            )
            Invitation.objects.create(
                network=network_a,
                email=f"nieuw{n}@a.example",
                role=RoleAssignment.Role.EDITOR,
                organization=other,
                token_hash=f"{n}".ljust(64, "x"),
                expires_at="2100-01-01T00:00:00Z",
            )
            RoleFactory(
                user=UserFactory(email=f"analist{n}@a.example"),
                network=network_a,
                role=RoleAssignment.Role.ANALYST,
            )
            house = HouseFactory(location=place)
            request, _token = make_request(network_a, house=house)
            partner_service = ServiceFactory(organization=partner_a)
            (referral,) = referrals.referral_create(
                request=request, services=[partner_service], message="", acting_user=intake_a
            )
            referrals.referral_advance(referral=referral, to=Referral.Status.ACCEPTED, acting_user=editor_a)
            referrals.request_assign(request=request, assignee=intake_a, acting_user=intake_a)

    return add


def _measure(client, url: str) -> tuple[int, int]:
    """The queries of one request, and the size of the page (which grows with the rows it lists)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), len(response.content)


# page, who opens it, the number of queries: the same for 2 rows of everything and for 6. (Before #12 one more on
# the dashboards and the referral pages, which read the person's roles twice, and five more on the intake
# queue, which loaded every house with its place's addresses, hours, phones and pillars for a filter of names.)
PAGES = [
    # Each dashboard has 6 more for the network's week at a glance: meetings, minutes (or whether the person
    # manages a body), actions, the newest declaration, news, and the person's own open actions.
    ("/portal/", "coordinator", 15),  # dashboard: review queue, overdue services, open reports
    (
        "/portal/",
        "editor",
        16,
    ),  # dashboard: own services with hints, places, returned drafts, reports, referrals
    ("/portal/", "intake", 12),  # dashboard: the queue's counts (numbers only)
    ("/portal/review/", "coordinator", 7),  # drafts waiting, overdue services (freshness)
    ("/portal/reports/", "coordinator", 7),
    ("/portal/reports/", "editor", 6),
    ("/portal/people/", "coordinator", 8),  # roles and open invitations
    ("/portal/services/new/", "coordinator", 6),  # the organisations to choose from
    ("/portal/requests/", "intake", 8),  # the intake queue
    ("/portal/requests/?show=all", "intake", 8),
    ("/portal/referrals/", "editor", 5),  # the partner's referrals
    ("/portal/referrals/?show=all", "intake", 6),
    ("/portal/access-log/", "coordinator", 7),
]


@pytest.mark.parametrize(("url", "who", "expected"), PAGES, ids=[f"{u} as {w}" for u, w, _ in PAGES])
def test_a_list_page_costs_a_fixed_number_of_queries(
    url, who, expected, client, add_rows, coordinator_a, editor_a, intake_a, django_assert_num_queries
):
    client.force_login({"coordinator": coordinator_a, "editor": editor_a, "intake": intake_a}[who])
    add_rows(2)
    client.get(url)  # the first request of a session warms what every later one reuses
    few, small_page = _measure(client, url)
    add_rows(4)
    with django_assert_num_queries(expected):
        response = client.get(url)

    assert few == expected
    if (url, who) != ("/portal/", "intake"):
        assert len(response.content) > small_page  # the page does show the new rows
