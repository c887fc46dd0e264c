"""The start page's key figures (hvhk.insights.selectors.summary): the gaps of the coverage, the pairs of the
overlap still to look at (never computed by the start page itself), the families reached this year against the
last, suppressed; partner staff get their own organisation's referrals and no overlap."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hvhk.insights.services.overlap import overlap_snapshot_store
from hvhk.referrals.models import Referral, SupportRequest
from tests.directory.factories import ServiceFactory
from tests.insights.coverage_data import build
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def offering(partner_a):
    offering = build(partner_a)
    service = ServiceFactory(organization=partner_a, name="Consultatie extra")
    for _n in range(3):  # three questions this year, all referred to partner A; seven last year
        request, _token = make_request(partner_a.network)
        Referral.objects.create(
            network=partner_a.network, request=request, organization=partner_a, service=service,
            service_name=service.name, status=Referral.Status.SENT,
        )  # fmt: skip
    for _n in range(7):
        request, _token = make_request(partner_a.network)
        SupportRequest.objects.filter(pk=request.pk).update(
            created_at=timezone.now().replace(year=YEAR - 1, month=6, day=1)
        )
    return offering


def _figures(client) -> dict[str, str]:
    response = client.get(reverse("insights:index"))
    assert response.status_code == 200
    figures = {figure.part: f"{figure.figure} | {figure.text}" for figure in response.context["figures"]}
    return figures


def test_the_coordinator_sees_gaps_pairs_and_families_reached(login, client, offering, coordinator_a):
    login(coordinator_a)
    figures = _figures(client)
    # 2 life domains × 6 bands = 12 cells; Gezondheid has none at 6-11, 12-17 and 18-24 (3 gaps), and the cells
    # with 1 or 2 services are the 9 others (see coverage_data.EXPECTED).
    assert (
        figures["coverage"]
        == "3 leemtes, 9 met weinig aanbod | van de 12 combinaties van levensdomein en leeftijd."
    )
    assert figures["overlap"].startswith("Nog niet berekend")  # the start page does not compute it
    # 3 this year is hidden, and so are last year's 7: with the two years' sum shown, 7 would give the 3 away.
    # The page says neither is "less than 5": a hidden 7 is not.
    assert figures["reach"] == (
        f"een verborgen aantal vragen van gezinnen in {YEAR} | In {YEAR - 1}: een verborgen aantal."
    )
    overlap_snapshot_store(network=coordinator_a.roles.get().network)
    from django.core.cache import cache

    cache.clear()
    assert _figures(client)["overlap"].startswith("0 paren om te bekijken | Berekend op ")


def test_partner_staff_see_their_own_referrals_and_no_overlap(login, client, offering, editor_a):
    login(editor_a)
    figures = _figures(client)
    assert set(figures) == {"coverage", "reach"}
    assert figures["reach"].startswith(f"een verborgen aantal doorverwijzingen naar je organisatie in {YEAR}")
    assert "vragen van gezinnen" not in client.get(reverse("insights:index")).content.decode()
