import uuid

import pytest
from django.http import Http404
from django.utils import timezone

from hvhk.accounts.models import Invitation
from hvhk.core.models import Area
from hvhk.core.selectors import area_for_postcode, network_get, scoped_get_or_404
from hvhk.directory.models import Service
from hvhk.directory.selectors import service_list
from tests.core.factories import AreaFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_scoped_lookup_finds_a_row_of_its_own_network(network_a, service_a):
    assert scoped_get_or_404(Service, network=network_a, id=service_a.id) == service_a


def test_scoped_lookup_of_another_networks_row_is_a_404_not_a_leak(network_a, service_b):
    with pytest.raises(Http404):
        scoped_get_or_404(Service, network=network_a, id=service_b.id)


def test_scoped_lookup_keeps_the_scope_of_a_given_queryset(network_a, service_b):
    # Even a queryset that already names the other network's row cannot widen the scope.
    with pytest.raises(Http404):
        scoped_get_or_404(Service.objects.filter(id=service_b.id), network=network_a, id=service_b.id)


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "1 OR 1=1", "", "../../etc/passwd", str(uuid.uuid4())])
def test_scoped_lookup_of_a_malformed_or_unknown_id_is_a_404(network_a, bad_id):
    with pytest.raises(Http404):
        scoped_get_or_404(Service, network=network_a, id=bad_id)


@pytest.mark.parametrize("bad_id", [None, ["a"], {"id": 1}, 3.5])
def test_scoped_lookup_of_an_id_of_the_wrong_type_is_a_404_not_a_500(network_a, bad_id):
    with pytest.raises(Http404):
        scoped_get_or_404(Service, network=network_a, pk=bad_id)


def test_scoped_lookup_scopes_records_that_only_have_a_network_field(network_a, network_b):
    """One helper for every lookup: an invitation or a role (no NetworkScopedModel) is scoped by its network too."""
    invitation = Invitation.objects.create(
        network=network_b, email="x@b.example", role="analyst", token_hash="x" * 64, expires_at=timezone.now()
    )
    assert scoped_get_or_404(Invitation, network=network_b, pk=invitation.pk) == invitation
    with pytest.raises(Http404):
        scoped_get_or_404(Invitation.objects.all(), network=network_a, pk=invitation.pk)


def test_for_network_refuses_to_run_without_a_network(network_a):
    with pytest.raises(ValueError, match="saved network"):
        Service.objects.for_network(None)
    with pytest.raises(ValueError, match="saved network"):
        Service.objects.for_network(NetworkFactory.build())


def test_service_list_holds_only_the_networks_own_active_services(network_a, service_a, service_b):
    closed = type(service_a).objects.create(
        network=network_a, organization=service_a.organization, name="Gesloten", status=Service.Status.DEFUNCT
    )
    listed = set(service_list(network=network_a))
    assert listed == {service_a}
    assert service_b not in listed
    assert closed not in listed


def test_network_get_is_a_404_for_unknown_and_inactive_networks(network_a):
    assert network_get(slug="netwerk-a") == network_a
    with pytest.raises(Http404):
        network_get(slug="bestaat-niet")
    network_a.is_active = False
    network_a.save()
    with pytest.raises(Http404):
        network_get(slug="netwerk-a")


def test_area_for_postcode_prefers_the_most_specific_area(network_a, network_b):
    municipality = AreaFactory(network=network_a, kind=Area.Kind.MUNICIPALITY, postcodes="3000,3010")
    AreaFactory(network=network_a, kind=Area.Kind.SUBMUNICIPALITY, postcodes="3010", parent=municipality)
    AreaFactory(network=network_b, kind=Area.Kind.SUBMUNICIPALITY, postcodes="3000")
    assert area_for_postcode(network=network_a, postcode="3010").kind == Area.Kind.SUBMUNICIPALITY
    assert area_for_postcode(network=network_a, postcode="3000") == municipality
    assert area_for_postcode(network=network_a, postcode="9999") is None
    assert area_for_postcode(network=network_a, postcode="zz") is None


def test_network_get_reads_a_network_once_while_it_does_not_change(
    network_a, django_assert_num_queries, django_capture_on_commit_callbacks
):
    network_get(slug="netwerk-a")
    network_get(slug="netwerk-a")  # the version is known from now on
    with django_assert_num_queries(0):
        kept = network_get(slug="netwerk-a")
    kept.name = "Veranderd in een formulier dat niet bewaard werd"
    assert network_get(slug="netwerk-a").name == network_a.name  # a copy: nothing leaks into the next request
    with django_capture_on_commit_callbacks(execute=True):
        network_a.name = "Huis van het Kind A, nieuw"
        network_a.save()
    assert network_get(slug="netwerk-a").name == "Huis van het Kind A, nieuw"
    network_a.is_active = False
    network_a.save()
    with pytest.raises(Http404):
        network_get(slug="netwerk-a")
