"""The services of parents' voice, called directly: contributions and their refusals, feedback once, moderation
(a new signal with its trail, added to an open signal, set aside, a reply by mail), calls and their sign-ups, and
who may do what."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hvhk.signals.models import CallSignup, ParticipationCall, Signal, SignalEvent, VoiceContribution
from hvhk.signals.services import voice as services
from tests.signals.factories import (
    CallSignupFactory,
    ParticipationCallFactory,
    SignalFactory,
    VoiceContributionFactory,
)
from tests.signals.factories_voice import area, life_domain, registration_over, request_done

pytestmark = pytest.mark.django_db
Action = SignalEvent.Action


def test_normalised_text_ignores_case_spacing_and_end_punctuation():
    assert services.text_hash("Te weinig  Opvang!") == services.text_hash(" te weinig opvang ")
    assert services.text_hash("te weinig opvang") != services.text_hash("te veel opvang")


def test_a_contribution_refuses_another_networks_domain(network_a, network_b):
    with pytest.raises(ValidationError) as caught:
        services.contribution_submit(
            network=network_a, text="Meer speelpleinen", life_domain=life_domain(network_b)
        )
    assert "life_domain" in caught.value.message_dict
    assert VoiceContribution.objects.count() == 0


def test_a_contribution_refuses_unknown_ages(network_a):
    with pytest.raises(ValidationError):
        services.contribution_submit(network=network_a, text="Meer speelpleinen", age_bands=["baby"])


def test_a_duplicate_raises_its_own_error(network_a):
    services.contribution_submit(network=network_a, text="Meer speelpleinen")
    with pytest.raises(services.DuplicateText):
        services.contribution_submit(network=network_a, text="meer speelpleinen.")
    assert VoiceContribution.objects.count() == 1


def test_feedback_is_taken_once_per_request(network_a):
    support_request, _token = request_done(network_a)
    services.feedback_submit(
        network=network_a, useful="no", text="Te lang gewacht.", support_request=support_request
    )
    with pytest.raises(ValidationError) as caught:
        services.feedback_submit(network=network_a, useful="yes", support_request=support_request)
    assert caught.value.code == "given"
    assert VoiceContribution.objects.count() == 1


def test_feedback_of_another_network_is_refused(network_a, network_b):
    support_request, _token = request_done(network_a)
    with pytest.raises(PermissionDenied):
        services.feedback_submit(network=network_b, useful="yes", support_request=support_request)


def test_activity_feedback_only_after_the_session(network_a):
    registration, _token = registration_over(network_a, over=False)
    with pytest.raises(ValidationError):
        services.feedback_submit(network=network_a, useful="yes", registration=registration)
    registration, _token = registration_over(network_a)
    stored = services.feedback_submit(network=network_a, useful="yes", registration=registration)
    assert stored.activity == registration.activity


# --- moderation ----------------------------------------------------------------------------------------------


def test_a_contribution_becomes_a_signal_with_its_quote_and_trail(network_a, coordinator_a):
    domain, where = life_domain(network_a), area(network_a)
    contribution = services.contribution_submit(
        network=network_a, text="Geen opvang op woensdag.", life_domain=domain, area=where, age_bands=["3-6"]
    )
    signal = services.contribution_to_signal(
        contribution=contribution, title="Opvang op woensdag", acting_user=coordinator_a
    )
    assert signal.origin == Signal.Origin.VOICE and signal.source == Signal.Source.PARENTS
    assert signal.status == Signal.Status.NEW and signal.network == network_a
    assert signal.description == "Geen opvang op woensdag."
    assert "“Geen opvang op woensdag.”" in signal.evidence and "een ouder" in signal.evidence
    assert signal.life_domain == domain and signal.area == where and signal.age_bands == ["3-6"]
    assert [e.action for e in signal.events.order_by("created_at")] == [Action.REPORTED, Action.CONTRIBUTION]
    contribution.refresh_from_db()
    assert contribution.status == VoiceContribution.Status.SIGNAL and contribution.signal == signal
    assert contribution.moderated_by == coordinator_a and contribution.moderated_at is not None


def test_a_handled_contribution_is_not_handled_twice(network_a, coordinator_a):
    contribution = VoiceContributionFactory(network=network_a)
    services.contribution_reject(contribution=contribution, note="Geen signaal.", acting_user=coordinator_a)
    with pytest.raises(ValidationError):
        services.contribution_to_signal(contribution=contribution, title="Toch", acting_user=coordinator_a)
    assert Signal.objects.count() == 0


def test_a_signal_title_with_a_phone_number_is_refused(network_a, coordinator_a):
    contribution = VoiceContributionFactory(network=network_a)
    with pytest.raises(ValidationError) as caught:
        services.contribution_to_signal(
            contribution=contribution, title="Bel 0470 12 34 56", acting_user=coordinator_a
        )
    assert "title" in caught.value.message_dict
    assert Signal.objects.count() == 0 and SignalEvent.objects.count() == 0


def test_linking_adds_the_quote_and_an_event(network_a, trekker_a):
    signal = SignalFactory(network=network_a, evidence="12 gezinnen op de wachtlijst.")
    contribution = VoiceContributionFactory(network=network_a, text="Wij wachten al een jaar.")
    services.contribution_link(contribution=contribution, signal=signal, acting_user=trekker_a)
    signal.refresh_from_db()
    assert signal.evidence.startswith("12 gezinnen") and "“Wij wachten al een jaar.”" in signal.evidence
    assert list(signal.events.values_list("action", flat=True)) == [Action.CONTRIBUTION]
    contribution.refresh_from_db()
    assert contribution.status == VoiceContribution.Status.LINKED and contribution.signal == signal


@pytest.mark.parametrize("status", [Signal.Status.CLOSED, Signal.Status.MERGED, Signal.Status.PROPOSED])
def test_linking_to_a_signal_that_is_not_open_is_refused(network_a, coordinator_a, status):
    signal = SignalFactory(network=network_a, status=status)
    contribution = VoiceContributionFactory(network=network_a)
    with pytest.raises(ValidationError):
        services.contribution_link(contribution=contribution, signal=signal, acting_user=coordinator_a)
    contribution.refresh_from_db()
    assert contribution.status == VoiceContribution.Status.NEW and SignalEvent.objects.count() == 0


def test_linking_to_another_networks_signal_is_refused(network_a, network_b, coordinator_a):
    contribution = VoiceContributionFactory(network=network_a)
    with pytest.raises(ValidationError):
        services.contribution_link(
            contribution=contribution, signal=SignalFactory(network=network_b), acting_user=coordinator_a
        )


def test_rejecting_needs_a_note(network_a, coordinator_a):
    contribution = VoiceContributionFactory(network=network_a)
    with pytest.raises(ValidationError):
        services.contribution_reject(contribution=contribution, note=" ", acting_user=coordinator_a)
    services.contribution_reject(
        contribution=contribution, note="Gaat over één gezin.", acting_user=coordinator_a
    )
    contribution.refresh_from_db()
    assert contribution.status == VoiceContribution.Status.REJECTED
    assert contribution.moderation_note == "Gaat over één gezin."


def test_a_reply_is_mailed_through_the_worker(network_a, coordinator_a, django_capture_on_commit_callbacks):
    contribution = VoiceContributionFactory(network=network_a, email="ouder@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_reply(
            contribution=contribution, message="Dank je, we nemen het mee.", acting_user=coordinator_a
        )
    [message] = mail.outbox
    assert message.to == ["ouder@example.org"] and "we nemen het mee" in message.body
    contribution.refresh_from_db()
    assert contribution.replied_at is not None


def test_no_reply_without_an_email(network_a, coordinator_a):
    with pytest.raises(ValidationError):
        services.contribution_reply(
            contribution=VoiceContributionFactory(network=network_a), message="Dag", acting_user=coordinator_a
        )


@pytest.mark.parametrize("who", ["editor_a", "member_a", "intake_a", "analyst_a", "coordinator_b"])
def test_only_the_coordinator_and_trekkers_moderate(request, network_a, who):
    user = request.getfixturevalue(who)
    contribution = VoiceContributionFactory(network=network_a, email="o@example.org")
    signal = SignalFactory(network=network_a)
    with pytest.raises(PermissionDenied):
        services.contribution_to_signal(contribution=contribution, title="T", acting_user=user)
    with pytest.raises(PermissionDenied):
        services.contribution_link(contribution=contribution, signal=signal, acting_user=user)
    with pytest.raises(PermissionDenied):
        services.contribution_reject(contribution=contribution, note="n", acting_user=user)
    with pytest.raises(PermissionDenied):
        services.contribution_reply(contribution=contribution, message="m", acting_user=user)
    with pytest.raises(PermissionDenied):
        services.call_create(
            network=network_a,
            title="T",
            description="D",
            starts_at=timezone.now() + dt.timedelta(days=3),
            acting_user=user,
        )


# --- calls -----------------------------------------------------------------------------------------------------


def _call(network, user, **fields):
    data = {
        "title": "Oudergroep",
        "description": "Over het nieuwe huis.",
        "starts_at": timezone.now() + dt.timedelta(days=20),
    }
    data.update(fields)
    return services.call_create(network=network, acting_user=user, **data)


def test_a_call_is_created_as_draft_published_and_closed(network_a, coordinator_a):
    call = _call(network_a, coordinator_a, capacity=10)
    assert call.status == ParticipationCall.Status.DRAFT
    services.call_publish(call=call, acting_user=coordinator_a)
    call.refresh_from_db()
    assert call.status == ParticipationCall.Status.PUBLISHED
    with pytest.raises(ValidationError):
        services.call_publish(call=call, acting_user=coordinator_a)
    services.call_close(call=call, acting_user=coordinator_a)
    call.refresh_from_db()
    assert call.status == ParticipationCall.Status.CLOSED


def test_a_call_refuses_a_past_date_and_a_late_deadline(network_a, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        _call(network_a, coordinator_a, starts_at=timezone.now() - dt.timedelta(days=1))
    assert "starts_at" in caught.value.message_dict
    start = timezone.now() + dt.timedelta(days=5)
    with pytest.raises(ValidationError) as caught:
        _call(network_a, coordinator_a, starts_at=start, signup_until=start + dt.timedelta(days=1))
    assert "signup_until" in caught.value.message_dict
    assert ParticipationCall.objects.count() == 0


def test_capacity_cannot_drop_below_the_sign_ups(network_a, coordinator_a):
    call = ParticipationCallFactory(network=network_a, capacity=3)
    CallSignupFactory(call=call)
    CallSignupFactory(call=call, email="b@example.org")
    with pytest.raises(ValidationError) as caught:
        services.call_update(
            call=call,
            title=call.title,
            description=call.description,
            starts_at=call.starts_at,
            capacity=1,
            acting_user=coordinator_a,
        )
    assert "capacity" in caught.value.message_dict


def test_a_sign_up_is_refused_when_full_closed_or_after_the_deadline(network_a):
    full = ParticipationCallFactory(network=network_a, capacity=1)
    services.call_signup(call=full, name="Sam", phone="0470 12 34 56")
    with pytest.raises(ValidationError, match="volzet"):
        services.call_signup(call=full, name="Lin", phone="0470 12 34 57")
    closed = ParticipationCallFactory(network=network_a, status=ParticipationCall.Status.CLOSED)
    with pytest.raises(ValidationError):
        services.call_signup(call=closed, name="Sam", phone="0470 12 34 56")
    late = ParticipationCallFactory(network=network_a, signup_until=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError):
        services.call_signup(call=late, name="Sam", phone="0470 12 34 56")
    assert CallSignup.objects.count() == 1


def test_the_same_email_signs_up_once(network_a):
    call = ParticipationCallFactory(network=network_a)
    services.call_signup(call=call, name="Sam", email="sam@example.org")
    with pytest.raises(ValidationError) as caught:
        services.call_signup(call=call, name="Sam", email="SAM@example.org")
    assert "email" in caught.value.message_dict
