"""Cancelling a session: it is marked cancelled (SEQUENCE up), its registrations are cancelled by the organiser,
and after commit everyone with an e-mail address hears it in their own language, with the reason and the
organiser's contact. A series keeps its families for the other dates. Twice is a clear message; a failing mail
undoes nothing and stops no other mail. And cancelling one family's registration."""

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration, RegistrationAccess, Session
from hvhk.activities.services import attendance as services
from tests.activities.factories_partner import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    in_days,
    offered,
    person,
    waiting,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def member(network_a, partner_a):
    return person(network_a, RoleAssignment.Role.MEMBER, partner_a)


@pytest.fixture
def activity(service_a):
    return ActivityFactory(
        service=service_a,
        title="Babymassage",
        translations={"fr": {"title": "Massage pour bébés"}},
        contact_email="babymassage@partner.example",
    )


@pytest.fixture
def session(activity):
    return SessionFactory(activity=activity, starts_at=in_days(7))


def _cancel(session, user, reason="De lesgever is ziek.", callbacks=None):
    with callbacks(execute=True):
        return services.session_cancel(session=session, reason=reason, acting_user=user)


def test_a_cancelled_session_cancels_its_registrations_and_tells_everyone(
    session, member, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory(session=session, email="sara@gezin.example")
    offer = offered(session, email="olga@gezin.example")
    queued = waiting(session, email="wim@gezin.example")
    phone_only = RegistrationFactory(session=session, email="", phone="0470 11 22 33")
    earlier = RegistrationFactory(session=session, status=Status.CANCELLED, email="weg@gezin.example")
    other_session = RegistrationFactory(
        session=SessionFactory(activity=session.activity, starts_at=in_days(14))
    )

    result = _cancel(session, member, callbacks=django_capture_on_commit_callbacks)

    session.refresh_from_db()
    assert session.is_cancelled
    assert session.cancel_reason == "De lesgever is ziek."
    assert session.cancelled_at is not None
    assert session.sequence == 1
    for registration in (confirmed, offer, queued, phone_only):
        registration.refresh_from_db()
        assert (registration.status, registration.cancelled_by_organiser) == (Status.CANCELLED, True)
    assert Registration.objects.get(pk=earlier.pk).cancelled_by_organiser is False
    assert Registration.objects.get(pk=other_session.pk).status == Status.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == [
        "olga@gezin.example",
        "sara@gezin.example",
        "wim@gezin.example",
    ]
    assert [r.pk for r in result.to_phone] == [phone_only.pk]
    message = mail.outbox[0]
    assert message.subject == "Afgelast: Babymassage"
    assert "De lesgever is ziek." in message.body
    assert "babymassage@partner.example" in message.body
    assert "Je inschrijving is daarom geannuleerd." in message.body
    (entry,) = RegistrationAccess.objects.all()
    assert (entry.action, entry.user) == (RegistrationAccess.Action.CANCEL, member)
    assert entry.detail.endswith("moment afgelast, 4 inschrijvingen verwittigd")


def test_each_family_hears_it_in_its_own_language(session, member, django_capture_on_commit_callbacks):
    RegistrationFactory(session=session, email="nl@gezin.example", language="nl")
    RegistrationFactory(session=session, email="fr@gezin.example", language="fr")

    with translation.override("nl"):
        _cancel(session, member, callbacks=django_capture_on_commit_callbacks)
        assert translation.get_language() == "nl"

    by_address = {m.to[0]: m for m in mail.outbox}
    weekday = timezone.localtime(session.starts_at).weekday()
    assert "Massage pour bébés" in by_address["fr@gezin.example"].subject
    assert "Babymassage" in by_address["nl@gezin.example"].subject
    french_days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    dutch_days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    assert french_days[weekday] in by_address["fr@gezin.example"].body
    assert dutch_days[weekday] in by_address["nl@gezin.example"].body


def test_a_series_keeps_its_families_for_the_other_dates(
    service_a, member, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(service=service_a, schedule=Activity.Schedule.SERIES)
    first, second = (SessionFactory(activity=activity, starts_at=in_days(d)) for d in (7, 14))
    family = RegistrationFactory(session=None, activity=activity, email="reeks@gezin.example")
    queued = waiting(None, activity=activity, email="wacht@gezin.example")

    _cancel(first, member, callbacks=django_capture_on_commit_callbacks)

    assert Registration.objects.get(pk=family.pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=queued.pk).status == Status.WAITING
    assert sorted(m.to[0] for m in mail.outbox) == ["reeks@gezin.example", "wacht@gezin.example"]
    assert "Je blijft ingeschreven voor de andere momenten van de reeks." in mail.outbox[0].body

    mail.outbox.clear()
    _cancel(second, member, callbacks=django_capture_on_commit_callbacks)  # no date left: the series is off

    assert Registration.objects.get(pk=family.pk).status == Status.CANCELLED
    assert len(mail.outbox) == 2
    assert "Je inschrijving is daarom geannuleerd." in mail.outbox[0].body


def test_cancelling_twice_says_so_and_mails_nobody_again(session, member, django_capture_on_commit_callbacks):
    RegistrationFactory(session=session)
    _cancel(session, member, callbacks=django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with pytest.raises(ValidationError, match="al afgelast"):
        _cancel(session, member, reason="Nog eens", callbacks=django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Session.objects.get(pk=session.pk).sequence == 1
    assert RegistrationAccess.objects.count() == 1


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_a_reason_is_needed_and_short(session, member, reason, django_capture_on_commit_callbacks):
    RegistrationFactory(session=session)
    with pytest.raises(ValidationError) as error:
        _cancel(session, member, reason=reason, callbacks=django_capture_on_commit_callbacks)
    assert "reason" in error.value.message_dict
    assert not Session.objects.get(pk=session.pk).is_cancelled
    assert not Registration.objects.filter(status=Status.CANCELLED).exists()
    assert mail.outbox == []


def test_a_session_that_started_cannot_be_cancelled(activity, member, django_capture_on_commit_callbacks):
    started = SessionFactory(activity=activity, starts_at=timezone.now() - dt.timedelta(minutes=30))
    with pytest.raises(ValidationError, match="al begonnen"):
        _cancel(started, member, callbacks=django_capture_on_commit_callbacks)
    assert not Session.objects.get(pk=started.pk).is_cancelled


def test_a_failing_mail_undoes_nothing_and_stops_no_other_mail(
    session, member, django_capture_on_commit_callbacks
):
    for n in range(3):
        RegistrationFactory(session=session, email=f"gezin{n}@gezin.example")
    real_send = services.send
    calls = []

    def flaky(subject, body, to, **kwargs):
        calls.append(to[0])
        if len(calls) == 1:
            raise ConnectionRefusedError("the mail server is down")
        return real_send(subject, body, to, **kwargs)

    with mock.patch.object(services, "send", side_effect=flaky):
        _cancel(session, member, callbacks=django_capture_on_commit_callbacks)

    assert len(calls) == 3
    assert len(mail.outbox) == 2
    assert Session.objects.get(pk=session.pk).is_cancelled
    assert Registration.objects.filter(status=Status.CANCELLED).count() == 3


def test_the_page_asks_first_then_cancels(client, session, member, django_capture_on_commit_callbacks):
    RegistrationFactory(session=session, email="sara@gezin.example")
    RegistrationFactory(session=session, email="", phone="0470 11 22 33", name="Bel Mij")
    client.force_login(member)
    url = f"/portal/activities/sessions/{session.pk}/cancel/"

    page = client.get(url).content.decode()
    assert "2 gezinnen zijn ingeschreven of staan op de wachtlijst." in page
    assert "1 gezin gaf geen e-mailadres" in page
    assert not Session.objects.get(pk=session.pk).is_cancelled

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "De zaal is niet vrij."}, follow=True)

    body = response.content.decode()
    assert "Het moment is afgelast. 1 gezin krijgt een e-mail." in body
    assert "Bel Mij" in body and "0470 11 22 33" in body  # the list says whom to call
    assert len(mail.outbox) == 1
    assert "Dit moment is al afgelast." in client.get(url).content.decode()
    again = client.post(url, {"reason": "Nog eens"})
    assert again.status_code == 400
    assert "Dit moment is al afgelast." in again.content.decode()


def test_the_page_refuses_an_empty_reason(client, session, member):
    client.force_login(member)
    response = client.post(f"/portal/activities/sessions/{session.pk}/cancel/", {"reason": ""})
    assert response.status_code == 400
    assert not Session.objects.get(pk=session.pk).is_cancelled


# --- one family ---------------------------------------------------------------------------------------------


def test_one_family_on_the_waiting_list_is_taken_off_it(
    client, session, member, django_capture_on_commit_callbacks
):
    queued = waiting(session, email="wim@gezin.example", language="fr")
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/portal/activities/registrations/{queued.pk}/cancel/", {"reason": "Belde af."}
        )

    assert response.status_code == 302
    queued.refresh_from_db()
    assert (queued.status, queued.cancelled_by_organiser) == (Status.CANCELLED, True)
    (message,) = mail.outbox
    assert message.subject.endswith("Massage pour bébés")
    assert "Belde af." in message.body
    assert RegistrationAccess.objects.get().action == RegistrationAccess.Action.CANCEL
    again = client.post(f"/portal/activities/registrations/{queued.pk}/cancel/", {"reason": "Nog eens"})
    assert again.status_code == 400
    assert "al geannuleerd" in again.content.decode()


def test_one_family_of_a_past_session_stays(activity, member):
    registration = RegistrationFactory(session=SessionFactory(activity=activity, starts_at=in_days(-2)))
    with pytest.raises(ValidationError, match="al begonnen"):
        services.registration_cancel_by_organiser(registration=registration, reason="x", acting_user=member)
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_a_freed_place_goes_to_the_waiting_list(session, member, django_capture_on_commit_callbacks):
    registrations = pytest.importorskip(
        "hvhk.activities.services.registrations", reason="waitlist_advance comes with the registration helper"
    )
    session.activity.capacity = 1
    session.activity.save()
    confirmed = RegistrationFactory(session=session)
    queued = waiting(session)

    with (
        mock.patch.object(registrations, "waitlist_advance", wraps=registrations.waitlist_advance) as advance,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.registration_cancel_by_organiser(
            registration=confirmed, reason="Belde af.", acting_user=member
        )

    advance.assert_called_once_with(activity=session.activity, session=session)
    assert Registration.objects.get(pk=confirmed.pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=queued.pk).status == Status.OFFERED
