"""Parents' voice in the portal: every persona and another network on every page, the moderation actions from the
page, the calls' pages, and the sign-ups' names that open only after a second factor, each view written to the
access log."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hvhk.signals.models import CallSignupAccess, ParticipationCall, Signal, SignalEvent, VoiceContribution
from tests.conftest import with_two_factor
from tests.signals.factories import (
    CallSignupFactory,
    ParticipationCallFactory,
    SignalFactory,
    VoiceContributionFactory,
)

pytestmark = pytest.mark.django_db
ALL = [
    "coordinator_a",
    "trekker_a",
    "editor_a",
    "member_a",
    "other_editor_a",
    "intake_a",
    "analyst_a",
    "coordinator_b",
]
MODERATORS = {"coordinator_a", "trekker_a"}


@pytest.fixture
def world(network_a, network_b):
    return {
        "contribution": VoiceContributionFactory(network=network_a, text="Te weinig opvang."),
        "call": ParticipationCallFactory(network=network_a, title="Oudergroep A"),
        "contribution_b": VoiceContributionFactory(network=network_b, text="Van B."),
        "call_b": ParticipationCallFactory(network=network_b, title="Oudergroep B"),
    }


def _sign_in(client, request, who):
    user = request.getfixturevalue(who)
    if who == "intake_a":
        with_two_factor(user)  # intake staff must have one to reach the portal at all
    client.force_login(user)
    return user


def _pages(world, suffix=""):
    c, k = world["contribution" + suffix], world["call" + suffix]
    return [
        reverse("signals:voice-queue"),
        reverse("signals:voice-contribution", args=[c.pk]),
        reverse("signals:calls"),
        reverse("signals:call-new"),
        reverse("signals:call-detail", args=[k.pk]),
        reverse("signals:call-edit", args=[k.pk]),
    ]


@pytest.mark.parametrize("who", ALL)
def test_each_persona_gets_the_pages_of_its_network_or_a_404(client, request, world, who):
    _sign_in(client, request, who)
    lists = {reverse("signals:voice-queue"), reverse("signals:calls"), reverse("signals:call-new")}
    for url in _pages(world):
        status = client.get(url).status_code
        if who in MODERATORS or (who == "coordinator_b" and url in lists):
            assert status == 200, url  # coordinator_b: its own network's (empty) lists
        else:
            assert status == 404, (who, url)


@pytest.mark.parametrize("who", sorted(MODERATORS))
def test_another_networks_ids_are_404_for_moderators(client, request, world, who):
    _sign_in(client, request, who)
    for url in _pages(world, "_b")[1:2] + _pages(world, "_b")[4:]:
        assert client.get(url).status_code == 404, url
    for name in ("signals:call-publish", "signals:call-close"):
        assert client.post(reverse(name, args=[world["call_b"].pk])).status_code == 404
    response = client.post(
        reverse("signals:voice-contribution", args=[world["contribution_b"].pk]),
        {"action": "reject", "reject-note": "x"},
    )
    assert response.status_code == 404
    world["contribution_b"].refresh_from_db()
    assert world["contribution_b"].status == VoiceContribution.Status.NEW


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for url in _pages(world):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_queue_shows_new_contributions_with_their_facts(client, coordinator_a, world, network_a):
    VoiceContributionFactory(
        network=network_a, text="Al behandeld.", status=VoiceContribution.Status.REJECTED
    )
    VoiceContribution.objects.filter(pk=world["contribution"].pk).update(age_bands=["zwanger", "0-3"])
    client.force_login(coordinator_a)
    html = client.get(reverse("signals:voice-queue")).content.decode()
    assert "Zwanger of baby op komst, 0 tot 3 jaar" in html and "Stem van ouders" in html
    assert "Te weinig opvang." in html and "Al behandeld." not in html and "Van B." not in html
    assert "Al behandeld." in client.get(reverse("signals:voice-queue") + "?show=done").content.decode()


def test_script_in_a_contribution_is_shown_escaped(client, coordinator_a, network_a):
    item = VoiceContributionFactory(network=network_a, text="<script>alert(1)</script>")
    client.force_login(coordinator_a)
    for url in (reverse("signals:voice-queue"), reverse("signals:voice-contribution", args=[item.pk])):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def _act(client, item, action, **fields):
    data = {"action": action, **{f"{action}-{k}": v for k, v in fields.items()}}
    return client.post(reverse("signals:voice-contribution", args=[item.pk]), data)


def test_make_a_signal_from_the_page(client, trekker_a, world):
    client.force_login(trekker_a)
    response = _act(
        client, world["contribution"], "signal", title="Opvang", description="Ouders missen opvang."
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.origin == Signal.Origin.VOICE and signal.status == Signal.Status.NEW
    assert list(signal.events.order_by("created_at").values_list("action", flat=True)) == [
        SignalEvent.Action.REPORTED,
        SignalEvent.Action.CONTRIBUTION,
    ]
    world["contribution"].refresh_from_db()
    assert world["contribution"].status == VoiceContribution.Status.SIGNAL


def test_an_empty_signal_title_comes_back_with_a_message(client, coordinator_a, world):
    client.force_login(coordinator_a)
    response = _act(client, world["contribution"], "signal", title="", description="x")
    assert response.status_code == 200 and "Geef het signaal een korte titel" in response.content.decode()
    assert Signal.objects.count() == 0


def test_link_from_the_page_offers_only_open_signals_of_the_network(
    client, coordinator_a, world, network_a, network_b
):
    open_signal = SignalFactory(network=network_a, title="Open signaal")
    SignalFactory(network=network_a, title="Gesloten signaal", status=Signal.Status.CLOSED)
    other = SignalFactory(network=network_b, title="Signaal van B")
    client.force_login(coordinator_a)
    html = client.get(reverse("signals:voice-contribution", args=[world["contribution"].pk])).content.decode()
    assert "Open signaal" in html and "Gesloten signaal" not in html and "Signaal van B" not in html
    response = _act(client, world["contribution"], "link", signal=other.pk)
    assert response.status_code == 200 and "bestaat niet" in response.content.decode()
    assert _act(client, world["contribution"], "link", signal=open_signal.pk).status_code == 302
    world["contribution"].refresh_from_db()
    assert world["contribution"].status == VoiceContribution.Status.LINKED
    assert open_signal.events.get().action == SignalEvent.Action.CONTRIBUTION


def test_reject_and_reply_from_the_page(client, coordinator_a, network_a, django_capture_on_commit_callbacks):
    item = VoiceContributionFactory(network=network_a, email="ouder@example.org")
    client.force_login(coordinator_a)
    assert _act(client, item, "reject", note="").status_code == 200
    assert _act(client, item, "reject", note="Over één gezin.").status_code == 302
    item.refresh_from_db()
    assert item.status == VoiceContribution.Status.REJECTED and item.moderation_note == "Over één gezin."
    with django_capture_on_commit_callbacks(execute=True):
        assert _act(client, item, "reply", message="Dank je voor je bericht.").status_code == 302
    assert [m.to for m in mail.outbox] == [["ouder@example.org"]]


# --- calls -----------------------------------------------------------------------------------------------------


def test_create_edit_publish_and_close_a_call(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    day = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    response = client.post(
        reverse("signals:call-new"),
        {
            "title": "Oudergroep",
            "description": "Over het huis.",
            "day": day,
            "time": "19:30",
            "capacity": "12",
        },
    )
    call = ParticipationCall.objects.get()
    assert response["Location"] == reverse("signals:call-detail", args=[call.pk])
    assert call.status == ParticipationCall.Status.DRAFT and call.capacity == 12 and call.network == network_a
    client.post(
        reverse("signals:call-edit", args=[call.pk]),
        {"title": "Oudergroep nieuw huis", "description": "Over het huis.", "day": day, "time": "20:00"},
    )
    call.refresh_from_db()
    assert call.title == "Oudergroep nieuw huis" and call.capacity is None
    client.post(reverse("signals:call-publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == ParticipationCall.Status.PUBLISHED
    client.post(reverse("signals:call-close", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == ParticipationCall.Status.CLOSED


def test_a_call_form_gives_specific_errors(client, coordinator_a):
    client.force_login(coordinator_a)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    html = client.post(
        reverse("signals:call-new"), {"title": "", "description": "", "day": yesterday, "time": "25:00"}
    ).content.decode()
    assert "Geef de oproep een titel" in html and "Schrijf wat er gebeurt" in html and "Geef een uur" in html
    html = client.post(
        reverse("signals:call-new"), {"title": "T", "description": "D", "day": yesterday, "time": "10:00"}
    ).content.decode()
    assert "in het verleden" in html
    assert ParticipationCall.objects.count() == 0


def test_sign_up_names_need_a_second_factor(client, trekker_a, world):
    CallSignupFactory(call=world["call"], name="Sam Ouder", email="sam@example.org")
    client.force_login(trekker_a)
    html = client.get(reverse("signals:call-detail", args=[world["call"].pk])).content.decode()
    assert "Sam Ouder" not in html and "sam@example.org" not in html and "twee stappen" in html
    assert CallSignupAccess.objects.count() == 0


def test_each_view_of_the_names_is_logged(client, trekker_a, coordinator_a, world):
    CallSignupFactory(call=world["call"], name="Sam Ouder", email="sam@example.org")
    for user in (coordinator_a, with_two_factor(trekker_a)):
        client.force_login(user)
        html = client.get(reverse("signals:call-detail", args=[world["call"].pk])).content.decode()
        assert "Sam Ouder" in html and "sam@example.org" in html
    log = list(CallSignupAccess.objects.order_by("created_at"))
    assert [entry.user for entry in log] == [coordinator_a, trekker_a]
    assert all(e.action == CallSignupAccess.Action.VIEW and e.call_id_value == world["call"].pk for e in log)
    assert log[0].network == world["call"].network and "1 inschrijving" in log[0].detail
