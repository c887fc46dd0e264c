"""Referrals, consents and referral steps are network records like every other (NetworkScopedModel): each carries
its request's network, is read through `for_network()`, and cannot point into another network."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hvhk.accounts.access import ActiveRole
from hvhk.referrals import access, services
from hvhk.referrals.models import Consent, Referral, ReferralEvent
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(network_a, service_a, intake_a, editor_a):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    services.referral_advance(referral=referral, to=Referral.Status.ACCEPTED, acting_user=editor_a)
    return referral


def test_a_referral_its_consent_and_its_steps_carry_the_requests_network(referral, network_a, network_b):
    for model in (Referral, Consent, ReferralEvent):
        assert model.objects.for_network(network_a).count() == model.objects.count() > 0
        assert not model.objects.for_network(network_b).exists()
    assert {e.network_id for e in referral.events.all()} == {network_a.pk}


def test_a_referral_to_a_service_of_another_network_is_refused_by_the_model(referral, service_b):
    referral.service = service_b
    with pytest.raises(ValidationError) as refused:
        referral.clean()
    assert "service" in refused.value.message_dict


def test_a_partner_reads_referrals_only_through_its_network(referral, network_b, partner_a):
    """The partner's queryset is the network's referrals (for_network): a row moved to another network, as a bug
    or a bad import might, no longer shows, though its request, organisation and service stay in network A."""
    role = ActiveRole("x", partner_a.network, "editor", partner_a)
    assert list(access.referrals(role)) == [referral]
    Referral.objects.filter(pk=referral.pk).update(network=network_b)
    assert list(access.referrals(role)) == []


@pytest.fixture
def newest_schema_after():
    """The test migrates back: afterwards every app is at its newest migration again for the tests after it (a
    later migration, such as referrals 0005, would otherwise be missing for the rest of the run)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_rows_the_network_of_their_request(
    network_a, service_a, intake_a, newest_schema_after
):
    executor = MigrationExecutor(connection)
    before = [("referrals", "0001_initial")]
    after = [("referrals", "0004_network_required")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    request = old.get_model("referrals", "SupportRequest").objects.create(
        network_id=network_a.pk, reference="HV-AAA-BBB", question="x", contact_by="phone", token_hash="h" * 64
    )
    consent = old.get_model("referrals", "Consent").objects.create(
        request=request, how="online", scope=[], expires_at="2030-01-01T00:00:00Z"
    )
    referral = old.get_model("referrals", "Referral").objects.create(
        request=request, service_id=service_a.pk, service_name="x", organization_id=service_a.organization_id
    )
    event = old.get_model("referrals", "ReferralEvent").objects.create(referral=referral, status="sent")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    for model, pk in (("Consent", consent.pk), ("Referral", referral.pk), ("ReferralEvent", event.pk)):
        assert new.get_model("referrals", model).objects.get(pk=pk).network_id == network_a.pk
    migrated = new.get_model("referrals", "Consent").objects.get(pk=consent.pk)
    assert migrated.created_at == consent.given_at
