"""Parents' voice on the public site: the contribution form and its refusals (nothing stored, the text given back),
the rate limit, the thank-you page that never shows markup, the calls with their sign-up, and the feedback after a
support request or an activity (only with the family's token, once)."""

import pytest
from django.core import mail
from django.urls import reverse

from hvhk.signals.models import CallSignup, VoiceContribution
from tests.signals.factories import ParticipationCallFactory, VoiceContributionFactory
from tests.signals.factories_voice import area, life_domain, registration_over, request_done

pytestmark = pytest.mark.django_db
TEXT = "Er is te weinig opvang op woensdagnamiddag."


def _url(network):
    return reverse("signals:voice", args=[network.slug])


def _post(client, network, **data):
    return client.post(_url(network), {"text": TEXT, **data})


def test_the_page_has_the_form_without_an_account(client, network_a):
    response = client.get(_url(network_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wat mis je? Wat kan beter?" in html
    assert 'name="text"' in html and 'name="email"' in html and "csrfmiddlewaretoken" in html
    assert html.count("<h1") == 1
    assert "90 dagen" in html  # how long the e-mail address is kept


@pytest.mark.parametrize("path", ["/{slug}/", "/{slug}/activities/", "/{slug}/partners/"])
def test_parents_find_the_voice_page_from_the_public_pages(client, network_a, path):
    page = client.get(path.format(slug=network_a.slug)).content.decode()
    assert f'href="{_url(network_a)}"' in page


def test_an_unknown_network_is_404(client, db):
    assert client.get("/bestaat-niet/voice/").status_code == 404


def test_a_contribution_is_stored_with_its_facts_and_thanked_without_markup(client, network_a):
    domain, where = life_domain(network_a), area(network_a)
    text = TEXT + " <script>alert(9)</script>"
    response = client.post(
        _url(network_a),
        {
            "text": text,
            "life_domain": domain.pk,
            "age_bands": ["0-3", "3-6"],
            "area": where.pk,
            "email": "o@example.org",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("signals:voice-thanks", args=[network_a.slug])
    html = response.content.decode()
    assert "<script>alert(9)</script>" not in html
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in html
    assert response["Cache-Control"].startswith("max-age=0")
    [stored] = VoiceContribution.objects.all()
    assert stored.network == network_a and stored.kind == VoiceContribution.Kind.VOICE
    assert stored.text == text and stored.email == "o@example.org"
    assert stored.life_domain == domain and stored.area == where and stored.age_bands == ["0-3", "3-6"]
    assert stored.status == VoiceContribution.Status.NEW and len(stored.text_hash) == 64


def test_the_thank_you_page_without_a_contribution_goes_back_to_the_form(client, network_a):
    response = client.get(reverse("signals:voice-thanks", args=[network_a.slug]))
    assert response.status_code == 302 and response["Location"] == _url(network_a)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Schrijf wat je mist of wat beter kan"),
        ("   ", "Schrijf wat je mist of wat beter kan"),
        ("x" * 2001, "maximaal 2000 tekens"),
        ("Mail me op sara.peeters@telenet.be aub", "een e-mailadres"),
        ("Bel me: 0470 12 34 56", "een telefoonnummer"),
        ("Mijn nummer is 85.07.30-033.28", "een rijksregisternummer"),
    ],
)
def test_a_refused_text_stores_nothing_and_comes_back_in_the_form(client, network_a, text, message):
    response = client.post(_url(network_a), {"text": text, "email": "o@example.org"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if text.strip() and len(text) < 100:
        assert text.split()[0] in html  # what was typed is given back
    assert VoiceContribution.objects.count() == 0


def test_personal_data_message_points_at_the_email_field(client, network_a):
    html = client.post(_url(network_a), {"text": "sara@example.org"}).content.decode()
    assert "laat persoonsgegevens weg; je e-mailadres kan in het veld hieronder" in html.lower()


def test_a_wrong_email_or_another_networks_area_is_refused(client, network_a, network_b):
    other = area(network_b)
    response = client.post(_url(network_a), {"text": TEXT, "email": "geen-adres", "area": other.pk})
    html = response.content.decode()
    assert "Dit e-mailadres klopt niet" in html and "Kies een gemeente uit de lijst" in html
    assert VoiceContribution.objects.count() == 0


def test_the_same_text_again_is_refused_politely_and_not_stored(client, network_a, network_b):
    _post(client, network_a)
    response = client.post(
        _url(network_a), {"text": "  er is te weinig OPVANG op woensdagnamiddag "}, follow=True
    )
    assert "kregen we vandaag al" in response.content.decode()
    assert VoiceContribution.objects.count() == 1
    _post(client, network_b)  # another network keeps its own
    assert VoiceContribution.objects.count() == 2


def test_the_same_text_after_a_day_is_taken(client, network_a):
    old = VoiceContributionFactory(network=network_a, text=TEXT)
    from hvhk.signals.services.voice import text_hash

    VoiceContribution.objects.filter(pk=old.pk).update(
        text_hash=text_hash(TEXT), created_at=old.created_at - __import__("datetime").timedelta(hours=25)
    )
    _post(client, network_a)
    assert VoiceContribution.objects.count() == 2


def test_the_rate_limit_answers_429_and_stores_nothing_more(client, network_a, settings):
    settings.RATELIMIT_VOICE = "2/h"
    for n in range(2):
        assert client.post(_url(network_a), {"text": f"{TEXT} {n}"}).status_code == 302
    response = client.post(_url(network_a), {"text": f"{TEXT} 3"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert VoiceContribution.objects.count() == 2


def test_an_empty_post_does_not_count_towards_the_limit(client, network_a, settings):
    settings.RATELIMIT_VOICE = "1/h"
    client.post(_url(network_a), {"text": ""})
    assert client.post(_url(network_a), {"text": TEXT}).status_code == 302


def test_a_post_without_csrf_is_refused(network_a):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(network_a), {"text": TEXT})
    assert response.status_code == 403
    assert VoiceContribution.objects.count() == 0


# --- calls ---------------------------------------------------------------------------------------------------


def _call_url(call):
    return reverse("signals:call", args=[call.network.slug, call.pk])


def test_published_calls_are_listed_with_a_sign_up_link(client, network_a, network_b):
    published = ParticipationCallFactory(network=network_a, title="Oudergroep nieuw huis")
    ParticipationCallFactory(network=network_a, title="Kladoproep", status="draft")
    ParticipationCallFactory(network=network_b, title="Oproep van B")
    html = client.get(_url(network_a)).content.decode()
    assert "Oudergroep nieuw huis" in html and _call_url(published) in html
    assert "Kladoproep" not in html and "Oproep van B" not in html


def test_a_draft_or_another_networks_call_is_404(client, network_a, network_b):
    draft = ParticipationCallFactory(network=network_a, status="draft")
    other = ParticipationCallFactory(network=network_b)
    assert client.get(_call_url(draft)).status_code == 404
    assert client.get(reverse("signals:call", args=[network_a.slug, other.pk])).status_code == 404


def test_a_sign_up_is_stored_and_confirmed_by_mail(client, network_a, django_capture_on_commit_callbacks):
    call = ParticipationCallFactory(network=network_a, title="Oudergroep")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _call_url(call),
            {"name": "Sam <b>Ouder</b>", "email": "sam@example.org", "remark": ""},
            follow=True,
        )
    assert "Bedankt, je bent ingeschreven" in response.content.decode()
    assert "<b>Ouder</b>" not in response.content.decode()
    [signup] = CallSignup.objects.all()
    assert signup.call == call and signup.email == "sam@example.org"
    [message] = mail.outbox
    assert message.to == ["sam@example.org"] and "Oudergroep" in message.subject


def test_a_sign_up_needs_a_name_and_a_way_to_reach(client, network_a):
    call = ParticipationCallFactory(network=network_a)
    html = client.post(_call_url(call), {"name": "", "email": "", "phone": ""}).content.decode()
    assert "Geef je naam" in html and "Geef een e-mailadres of een telefoonnummer" in html
    html = client.post(_call_url(call), {"name": "Sam", "phone": "abc"}).content.decode()
    assert "Dit telefoonnummer klopt niet" in html
    assert CallSignup.objects.count() == 0


def test_a_full_call_takes_nobody_more(client, network_a):
    call = ParticipationCallFactory(network=network_a, capacity=1)
    client.post(_call_url(call), {"name": "Sam", "phone": "0470 12 34 56"})
    html = client.post(_call_url(call), {"name": "Lin", "phone": "0470 12 34 57"}).content.decode()
    assert "volzet" in html
    assert CallSignup.objects.count() == 1


def test_a_closed_call_still_shows_but_takes_nobody(client, network_a):
    call = ParticipationCallFactory(network=network_a, status="closed")
    html = client.get(_call_url(call)).content.decode()
    assert "Inschrijven kan niet meer" in html and 'name="name"' not in html
    assert (
        "Inschrijven voor deze oproep kan niet (meer)"
        in client.post(_call_url(call), {"name": "Sam", "phone": "0470 12 34 56"}).content.decode()
    )
    assert CallSignup.objects.count() == 0


def test_after_the_deadline_signing_up_is_refused(client, network_a):
    import datetime as dt

    from django.utils import timezone

    call = ParticipationCallFactory(network=network_a, signup_until=timezone.now() - dt.timedelta(hours=1))
    html = client.get(_call_url(call)).content.decode()
    assert "Inschrijven kan niet meer" in html and 'name="name"' not in html
    client.post(_call_url(call), {"name": "Sam", "phone": "0470 12 34 56"})
    assert CallSignup.objects.count() == 0


def test_sign_ups_share_the_rate_limit(client, network_a, settings):
    settings.RATELIMIT_VOICE = "1/h"
    call = ParticipationCallFactory(network=network_a)
    client.post(_call_url(call), {"name": "Sam", "phone": "0470 12 34 56"})
    assert client.post(_call_url(call), {"name": "Lin", "phone": "0470 12 34 57"}).status_code == 429
    assert CallSignup.objects.count() == 1


# --- feedback ------------------------------------------------------------------------------------------------


def _feedback(client, network, name, token, **data):
    return client.post(reverse(name, args=[network.slug]), {"token": token, "useful": "yes", **data})


def test_request_feedback_is_asked_on_the_private_page_and_taken_once(client, network_a):
    support_request, token = request_done(network_a)
    page = client.get(reverse("referrals:private", args=[network_a.slug, token]), follow=True)
    html = page.content.decode()
    assert (
        "Had je er iets aan?" in html and reverse("signals:request-feedback", args=[network_a.slug]) in html
    )
    response = _feedback(client, network_a, "signals:request-feedback", token, text="Snel geholpen.")
    assert response.status_code == 302
    [stored] = VoiceContribution.objects.all()
    assert stored.kind == VoiceContribution.Kind.REQUEST_FEEDBACK and stored.useful == "yes"
    assert stored.text == "Snel geholpen." and stored.activity is None and stored.email == ""
    assert str(support_request.pk) not in stored.feedback_key  # a keyed hash, not the id
    assert "Dank je voor je antwoord" in client.get(response["Location"]).content.decode()
    _feedback(client, network_a, "signals:request-feedback", token, useful="no")
    assert VoiceContribution.objects.count() == 1


def test_request_feedback_needs_a_valid_token(client, network_a, network_b):
    _request, token = request_done(network_a)
    assert _feedback(client, network_a, "signals:request-feedback", "verkeerd").status_code == 404
    assert _feedback(client, network_b, "signals:request-feedback", token).status_code == 404
    assert VoiceContribution.objects.count() == 0


def test_no_feedback_on_a_new_request(client, network_a):
    from tests.referrals.factories import make_request

    _request, token = make_request(network_a)
    html = client.get(
        reverse("referrals:private", args=[network_a.slug, token]), follow=True
    ).content.decode()
    assert "Had je er iets aan?" not in html
    response = _feedback(client, network_a, "signals:request-feedback", token)
    assert "nog geen feedback" in response.content.decode()
    assert VoiceContribution.objects.count() == 0


def test_feedback_text_is_checked(client, network_a):
    _request, token = request_done(network_a)
    html = _feedback(
        client, network_a, "signals:request-feedback", token, text="bel 0470 12 34 56"
    ).content.decode()
    assert "een telefoonnummer" in html and "bel 0470" in html
    html = _feedback(client, network_a, "signals:request-feedback", token, text="x" * 301).content.decode()
    assert "maximaal 300 tekens" in html
    html = _feedback(
        client, network_a, "signals:request-feedback", token, useful="misschien"
    ).content.decode()
    assert "Kies ja, een beetje of nee" in html
    assert VoiceContribution.objects.count() == 0


def test_activity_feedback_after_the_session_names_the_activity(client, network_a):
    registration, token = registration_over(network_a)
    page = client.get(reverse("activities:registration", args=[network_a.slug, token]))
    assert "Had je er iets aan?" in page.content.decode()
    response = _feedback(client, network_a, "signals:activity-feedback", token, useful="partly")
    assert response.status_code == 302
    [stored] = VoiceContribution.objects.all()
    assert (
        stored.kind == VoiceContribution.Kind.ACTIVITY_FEEDBACK and stored.activity == registration.activity
    )
    assert stored.useful == "partly"
    _feedback(client, network_a, "signals:activity-feedback", token)
    assert VoiceContribution.objects.count() == 1


def test_no_activity_feedback_before_the_session(client, network_a):
    _registration, token = registration_over(network_a, over=False)
    page = client.get(reverse("activities:registration", args=[network_a.slug, token]))
    assert "Had je er iets aan?" not in page.content.decode()
    _feedback(client, network_a, "signals:activity-feedback", token)
    assert _feedback(client, network_a, "signals:activity-feedback", "fout").status_code == 404
    assert VoiceContribution.objects.count() == 0
