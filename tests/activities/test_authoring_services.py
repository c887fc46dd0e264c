"""services.activities: creating and changing activities, and their moderation (trusted and untrusted partners,
the coordinator, pending proposals), each rule tried by the roles that may not."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hvhk.activities.models import Activity, Registration
from hvhk.activities.services import activities as services
from tests.activities.factories_authoring import (
    ActivityFactory,
    SessionFactory,
    analyst_of,
    editor_of,
    intake_of,
    member_of,
    trust,
)
from tests.directory.factories import HouseFactory, LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

Status = Activity.Status


@pytest.fixture(autouse=True)
def _mail_after_commit(monkeypatch):
    """E-mails go after commit; the test's transaction never commits, so run them when they are queued."""
    monkeypatch.setattr(services.transaction, "on_commit", lambda func, robust=False: func())


@pytest.fixture
def place_a(partner_a):
    return LocationFactory(organization=partner_a, network=partner_a.network, name="Zaal A")


def _create(user, network, service, place, **extra):
    fields = {"title": "Infoavond slapen", "kind": Activity.Kind.INFO_EVENING, "location": place, **extra}
    return services.activity_create(network=network, service=service, acting_user=user, **fields)


def _registration(activity, session=None, status=Registration.Status.CONFIRMED):
    return Registration.objects.create(
        network=activity.network,
        activity=activity,
        session=session,
        name="Ouder",
        email="ouder@example.org",
        status=status,
        token_hash=f"{Registration.objects.count():064d}",
    )


@pytest.fixture
def published(service_a, place_a):
    return ActivityFactory(
        service=service_a, location=place_a, status=Status.PUBLISHED, title="Babymassage", price_cents=500
    )


# --- create ------------------------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_of_their_own_service(network_a, service_a, place_a, editor_a):
    activity = _create(editor_a, network_a, service_a, place_a, price_cents=250, languages=["nl", "fr"])
    assert activity.status == Status.DRAFT
    assert activity.created_by == editor_a
    assert activity.network == network_a
    assert activity.history.get().history_user == editor_a


def test_an_editor_cannot_use_another_organisations_service(network_a, partner_a, place_a, editor_a):
    other = ServiceFactory(organization=OrganizationFactory(network=network_a))
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, other, place_a)
    assert "service" in caught.value.message_dict
    assert Activity.objects.count() == 0


def test_a_service_of_another_network_is_refused(network_a, service_b, place_a, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        _create(coordinator_a, network_a, service_b, place_a)
    assert caught.value.message_dict["service"] == ["Kies een aanbod van dit netwerk."]
    assert Activity.objects.count() == 0


def test_the_coordinator_may_create_for_any_partner(network_a, coordinator_a):
    service = ServiceFactory(organization=OrganizationFactory(network=network_a))
    place = LocationFactory(organization=service.organization, network=network_a)
    assert _create(coordinator_a, network_a, service, place).status == Status.DRAFT


@pytest.mark.parametrize("who", ["member", "analyst", "intake", "coordinator_b", "anonymous"])
def test_who_may_not_edit_cannot_create(who, network_a, partner_a, service_a, place_a, coordinator_b):
    user = {
        "member": lambda: member_of(partner_a),
        "analyst": lambda: analyst_of(network_a),
        "intake": lambda: intake_of(network_a),
        "coordinator_b": lambda: coordinator_b,
        "anonymous": lambda: None,
    }[who]()
    with pytest.raises(PermissionDenied):
        _create(user, network_a, service_a, place_a)
    assert Activity.objects.count() == 0


def test_house_and_place_of_another_network_are_refused(network_a, network_b, service_a, place_a, editor_a):
    house_b = HouseFactory(location=LocationFactory(network=network_b, organization=None), network=network_b)
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, place_a, house=house_b)
    assert "house" in caught.value.message_dict
    place_b = LocationFactory(network=network_b, organization=OrganizationFactory(network=network_b))
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, place_b)
    assert "location" in caught.value.message_dict
    assert Activity.objects.count() == 0


def test_a_place_of_another_partner_is_refused_but_a_house_is_fine(network_a, service_a, editor_a):
    neighbour = OrganizationFactory(network=network_a)
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, LocationFactory(organization=neighbour, network=network_a))
    assert caught.value.message_dict["location"] == [
        "Kies een plaats van je organisatie of van een huis van het netwerk."
    ]
    house = HouseFactory(
        location=LocationFactory(organization=neighbour, network=network_a), network=network_a
    )
    activity = _create(editor_a, network_a, service_a, house.location, house=house)
    assert activity.location == house.location


def test_the_models_rules_hold_with_dutch_messages(network_a, service_a, place_a, editor_a):
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, None)
    assert caught.value.message_dict["location"] == [
        "Kies een plaats, of duid aan dat de activiteit online is."
    ]
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, place_a, price_cents=100, uitpas_price_cents=300)
    assert "uitpas_price_cents" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        _create(editor_a, network_a, service_a, place_a, minimum_age_months=24, maximum_age_months=12)
    assert "maximum_age_months" in caught.value.message_dict
    assert Activity.objects.count() == 0


def test_translations_in_the_interface_languages(network_a, service_a, place_a, editor_a):
    activity = _create(
        editor_a,
        network_a,
        service_a,
        place_a,
        translations={"ar": {"title": "أمسية"}, "en": {"title": "Evening"}},
    )
    assert activity.translated("title", "ar") == ("أمسية", False)
    with pytest.raises(ValidationError):
        _create(editor_a, network_a, service_a, place_a, translations={"xx": {"title": "?"}})
    with pytest.raises(ValidationError):
        _create(editor_a, network_a, service_a, place_a, translations={"en": {"price_note": "?"}})
    assert Activity.objects.count() == 1


def test_an_unknown_field_is_a_programming_error(network_a, service_a, place_a, editor_a):
    with pytest.raises(TypeError):
        _create(editor_a, network_a, service_a, place_a, status=Status.PUBLISHED)


# --- moderation ----------------------------------------------------------------------------------------------


def test_an_untrusted_partner_submits_and_the_coordinator_publishes(
    network_a, service_a, place_a, editor_a, coordinator_a
):
    activity = _create(editor_a, network_a, service_a, place_a)
    services.activity_submit(activity=activity, acting_user=editor_a)
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED
    assert activity.submitted_by == editor_a
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert "Infoavond slapen" in mail.outbox[0].subject
    with pytest.raises(PermissionDenied):
        services.activity_publish(activity=activity, acting_user=editor_a)
    services.activity_publish(activity=activity, acting_user=coordinator_a)
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.published_at is not None
    assert mail.outbox[-1].to == [editor_a.email]
    assert "staat online" in mail.outbox[-1].subject


def test_a_trusted_partner_publishes_at_once(
    network_a, partner_a, service_a, place_a, editor_a, coordinator_a
):
    trust(partner_a)
    activity = _create(editor_a, network_a, service_a, place_a)
    services.activity_submit(activity=activity, acting_user=editor_a)
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert mail.outbox == []  # nobody to tell


def test_the_coordinator_publishes_at_once(network_a, service_a, place_a, coordinator_a):
    activity = _create(coordinator_a, network_a, service_a, place_a)
    services.activity_submit(activity=activity, acting_user=coordinator_a)
    assert Activity.objects.get().status == Status.PUBLISHED


def test_return_needs_a_comment_and_tells_the_author(network_a, service_a, place_a, editor_a, coordinator_a):
    activity = _create(editor_a, network_a, service_a, place_a)
    services.activity_submit(activity=activity, acting_user=editor_a)
    mail.outbox.clear()
    with pytest.raises(ValidationError) as caught:
        services.activity_return(activity=activity, acting_user=coordinator_a, comment="  ")
    assert caught.value.message_dict == {"comment": ["Zeg wat er anders moet."]}
    with pytest.raises(PermissionDenied):
        services.activity_return(activity=activity, acting_user=editor_a, comment="Nee")
    services.activity_return(activity=activity, acting_user=coordinator_a, comment="Welke leeftijd?")
    activity.refresh_from_db()
    assert activity.status == Status.RETURNED
    assert activity.review_comment == "Welke leeftijd?"
    assert mail.outbox[0].to == [editor_a.email]
    assert "Welke leeftijd?" in mail.outbox[0].body
    services.activity_submit(activity=activity, acting_user=editor_a)
    assert Activity.objects.get().status == Status.SUBMITTED


def test_submitting_twice_or_an_online_activity_is_refused(published, editor_a):
    with pytest.raises(ValidationError):
        services.activity_submit(activity=published, acting_user=editor_a)


@pytest.mark.parametrize("who", ["member", "analyst", "editor_other", "coordinator_b"])
def test_moderation_steps_refuse_other_people(who, network_a, partner_a, published, coordinator_b):
    user = {
        "member": lambda: member_of(partner_a),
        "analyst": lambda: analyst_of(network_a),
        "editor_other": lambda: editor_of(OrganizationFactory(network=network_a), "x@other.example"),
        "coordinator_b": lambda: coordinator_b,
    }[who]()
    for step in (services.activity_publish, services.activity_withdraw, services.activity_submit):
        with pytest.raises(PermissionDenied):
            step(activity=published, acting_user=user)
    with pytest.raises(PermissionDenied):
        services.activity_return(activity=published, acting_user=user, comment="x")
    with pytest.raises(PermissionDenied):
        services.activity_update(activity=published, acting_user=user, title="Gekaapt")
    published.refresh_from_db()
    assert (published.status, published.title) == (Status.PUBLISHED, "Babymassage")


# --- pending proposals ---------------------------------------------------------------------------------------


def test_a_content_change_waits_while_the_published_version_stays(published, editor_a, coordinator_a):
    services.activity_update(
        activity=published, acting_user=editor_a, title="Babymassage (nieuw)", capacity=8
    )
    published.refresh_from_db()
    assert published.title == "Babymassage"  # online stays as it was
    assert published.capacity == 8  # operational: at once
    assert published.pending_changes == {"title": "Babymassage (nieuw)"}
    assert published.pending_status == Activity.PendingStatus.SUBMITTED
    assert published.pending_by == editor_a
    assert mail.outbox[0].to == [coordinator_a.email]
    services.activity_publish(activity=published, acting_user=coordinator_a)
    published.refresh_from_db()
    assert published.title == "Babymassage (nieuw)"
    assert published.pending_changes == {}
    assert published.pending_status == ""
    assert mail.outbox[-1].to == [editor_a.email]


def test_a_returned_proposal_keeps_the_online_version(published, editor_a, coordinator_a):
    services.activity_update(activity=published, acting_user=editor_a, price_cents=900)
    services.activity_return(activity=published, acting_user=coordinator_a, comment="Te duur")
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.price_cents == 500
    assert published.pending_changes == {"price_cents": 900}
    assert published.pending_status == Activity.PendingStatus.RETURNED
    services.activity_update(activity=published, acting_user=editor_a, price_cents=700)
    published.refresh_from_db()
    assert published.pending_changes == {"price_cents": 700}
    assert published.pending_status == Activity.PendingStatus.SUBMITTED


def test_going_back_to_the_online_values_drops_the_proposal(published, editor_a):
    services.activity_update(activity=published, acting_user=editor_a, title="Anders")
    services.activity_update(activity=published, acting_user=editor_a, title="Babymassage")
    published.refresh_from_db()
    assert published.pending_changes == {}
    assert published.pending_status == ""


def test_a_trusted_partner_changes_online_content_at_once(partner_a, published, editor_a):
    trust(partner_a)
    services.activity_update(activity=published, acting_user=editor_a, title="Babymassage plus")
    published.refresh_from_db()
    assert published.title == "Babymassage plus"
    assert published.pending_changes == {}


def test_a_bad_proposal_is_refused_and_nothing_changes(published, editor_a):
    with pytest.raises(ValidationError) as caught:
        services.activity_update(activity=published, acting_user=editor_a, uitpas_price_cents=800, capacity=3)
    assert "uitpas_price_cents" in caught.value.message_dict
    published.refresh_from_db()
    assert published.pending_changes == {}
    assert published.capacity is None
    assert mail.outbox == []


def test_a_proposal_to_move_to_another_partners_place_is_refused(network_a, published, editor_a):
    elsewhere = LocationFactory(organization=OrganizationFactory(network=network_a), network=network_a)
    with pytest.raises(ValidationError):
        services.activity_update(activity=published, acting_user=editor_a, location=elsewhere)
    assert Activity.objects.get().pending_changes == {}


def test_history_names_who_took_each_step(published, editor_a, coordinator_a):
    services.activity_update(activity=published, acting_user=editor_a, title="Nieuw")
    services.activity_publish(activity=published, acting_user=coordinator_a)
    rows = list(published.history.order_by("history_date"))
    assert [(r.history_user, r.history_change_reason) for r in rows[-2:]] == [
        (editor_a, "propose"),
        (coordinator_a, "publish-changes"),
    ]


# --- withdraw and registrations ------------------------------------------------------------------------------


def test_withdraw_takes_it_offline(published, editor_a):
    services.activity_withdraw(activity=published, acting_user=editor_a)
    assert Activity.objects.get().status == Status.WITHDRAWN


def test_withdraw_is_refused_while_families_are_registered(published, editor_a):
    session = SessionFactory(activity=published)
    _registration(published, session)
    with pytest.raises(ValidationError) as caught:
        services.activity_withdraw(activity=published, acting_user=editor_a)
    assert "Annuleer eerst" in caught.value.messages[0]
    assert Activity.objects.get().status == Status.PUBLISHED


def test_registration_mode_cannot_change_under_registrations(published, editor_a):
    session = SessionFactory(activity=published)
    _registration(published, session)
    with pytest.raises(ValidationError) as caught:
        services.activity_update(activity=published, acting_user=editor_a, schedule=Activity.Schedule.SERIES)
    assert "schedule" in caught.value.message_dict
    assert Activity.objects.get().schedule == Activity.Schedule.SINGLE
