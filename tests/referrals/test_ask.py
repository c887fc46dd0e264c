"""A family's question at /<network>/ask/: no account, clear Dutch errors that keep what was typed, a private
link with the reference, and consent that the family withdraws through that link."""

import re
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import Client

from hvhk.referrals.models import AccessLog, Consent, SupportRequest
from hvhk.referrals.views import ask as ask_views
from tests.accounts.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

FILLED = {
    "question": "Mijn dochter van 4 wil niet naar school. Waar kan ik met die vraag terecht?",
    "ages": ["3-6"],
    "contact_by": "phone",
    "name": "Fatima",
    "phone": "0470 12 34 56",
    "email": "",
    "contact_when": "na 17 uur",
    "language": "nl",
    "scope": ["question", "contact"],
}


def _ask(client, network, data, **extra):
    return client.post(f"/{network.slug}/ask/", data, **extra)


def test_the_form_asks_in_plain_words_without_an_account(client, network_a):
    page = client.get(f"/{network_a.slug}/ask/")
    html = page.content.decode()

    assert page.status_code == 200
    assert "Stel je vraag" in html and "Je hebt geen account nodig" in html
    assert "Je kunt je toestemming altijd intrekken" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]


def _ticked(html: str, name: str) -> set[str]:
    """The values of the checkboxes named `name` that the page shows ticked."""
    boxes = re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', html)
    assert boxes, f"no checkbox named {name}"
    return {re.search(r'value="([^"]*)"', box).group(1) for box in boxes if re.search(r"\schecked\b", box)}


def test_no_consent_box_is_ticked_before_the_family_chooses(client, network_a):
    html = client.get(f"/{network_a.slug}/ask/").content.decode()

    assert _ticked(html, "scope") == set()
    assert 'name="contact_by"' in html and " checked" not in html  # nothing at all is chosen for the family


def test_a_refused_form_keeps_only_the_consent_boxes_the_family_ticked(client, network_a):
    page = _ask(client, network_a, {**FILLED, "question": "", "scope": ["contact"]})
    html = page.content.decode()

    assert "Schrijf je vraag. Een paar woorden is genoeg." in html
    assert _ticked(html, "scope") == {"contact"}
    assert _ticked(_ask(client, network_a, {**FILLED, "question": ""}).content.decode(), "scope") == {
        "question",
        "contact",
    }
    assert SupportRequest.objects.count() == 0


def test_a_question_without_consent_to_share_it_is_refused_with_a_clear_message(client, network_a):
    data = {key: value for key, value in FILLED.items() if key != "scope"}

    html = _ask(client, network_a, data).content.decode()

    assert "Vink aan dat we je vraag mogen delen. Anders kunnen we je niet doorverwijzen." in html
    assert _ticked(html, "scope") == set() and FILLED["question"] in html
    assert SupportRequest.objects.count() == 0


def test_an_empty_form_is_refused_with_dutch_messages(client, network_a):
    page = _ask(client, network_a, {})
    html = page.content.decode()

    assert page.status_code == 200
    assert "Schrijf je vraag. Een paar woorden is genoeg." in html
    assert "Kies hoe we je mogen contacteren." in html
    assert "Vink aan dat we je vraag mogen delen" in html
    assert SupportRequest.objects.count() == 0


def test_a_partial_form_keeps_what_was_typed(client, network_a):
    page = _ask(
        client, network_a, {"question": "Waar vind ik hulp bij slapen? 7391", "contact_when": "woensdag"}
    )
    html = page.content.decode()

    assert "Waar vind ik hulp bij slapen? 7391</textarea>" in html
    assert 'value="woensdag"' in html
    assert SupportRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"question": "x" * 3001}, "Je vraag is te lang: gebruik maximaal 3000 tekens (nu 3001)."),
        ({"question": "   "}, "Schrijf je vraag. Een paar woorden is genoeg."),
        ({"phone": ""}, "Geef je telefoonnummer, dan kunnen we je bellen of een sms sturen."),
        ({"phone": "bel me"}, "Dit telefoonnummer klopt niet."),
        ({"contact_by": "email"}, "Geef je e-mailadres, dan kunnen we je mailen."),
        ({"contact_by": "email", "email": "fatima@"}, "Dit e-mailadres klopt niet."),
        ({"contact_by": "pigeon"}, "Selecteer een geldige keuze."),
        ({"scope": ["contact"]}, "Vink aan dat we je vraag mogen delen."),
        ({"ages": ["99"]}, "Selecteer een geldige keuze."),
        ({"area": "not-an-area"}, "Selecteer een geldige keuze."),
    ],
)
def test_bad_input_gets_a_specific_message_and_nothing_is_stored(client, network_a, change, message):
    page = _ask(client, network_a, {**FILLED, **change})

    assert message in page.content.decode()
    assert SupportRequest.objects.count() == 0


def test_a_filled_form_answers_with_the_reference_and_the_private_link(client, network_a):
    response = _ask(client, network_a, FILLED, follow=True)
    html = response.content.decode()
    stored = SupportRequest.objects.get()

    assert response.redirect_chain[0][0].startswith(f"/{network_a.slug}/ask/")
    assert "Bedankt, we hebben je vraag goed ontvangen" in html and stored.reference in html
    assert "Bewaar deze link" in html and "<textarea" not in html
    assert response["Referrer-Policy"] == "same-origin" and "no-store" in response["Cache-Control"]
    assert stored.source == SupportRequest.Source.ONLINE and stored.ages == ["3-6"]
    assert stored.consent.how == Consent.How.ONLINE and stored.consent.is_active()
    assert AccessLog.objects.filter(request_id=stored.pk, action="create").count() == 1


def test_markup_in_the_question_stays_inert(client, network_a):
    hostile = {**FILLED, "question": "Help <script>alert(9)</script>", "name": "<img src=x onerror=alert(1)>"}

    refused = _ask(client, network_a, {**hostile, "contact_by": ""})
    accepted = _ask(client, network_a, hostile, follow=True)

    for page in (refused, accepted):
        assert "<script>alert(9)" not in page.content.decode()
        assert "<img src=x" not in page.content.decode()
    assert SupportRequest.objects.get().question == "Help <script>alert(9)</script>"


def test_the_form_works_in_arabic(client, network_a):
    client.cookies["django_language"] = "ar"
    page = client.get(f"/{network_a.slug}/ask/")
    assert 'dir="rtl"' in page.content.decode()

    _ask(client, network_a, {**FILLED, "question": "أبحث عن مساعدة لابني", "language": "ar"}, follow=True)

    stored = SupportRequest.objects.get()
    assert stored.question == "أبحث عن مساعدة لابني" and stored.language == "ar"


def test_the_intake_workers_get_a_mail_with_a_link_and_no_personal_data(
    client, network_a, django_capture_on_commit_callbacks
):
    intake = UserFactory(email="intake@a.example")
    RoleFactory(user=intake, network=network_a, role="intake")

    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, network_a, FILLED)

    (message,) = mail.outbox
    stored = SupportRequest.objects.get()
    assert message.to == ["intake@a.example"] and stored.reference in message.subject
    assert f"/portal/requests/{stored.pk}/" in message.body
    for personal in ("Fatima", "0470", "school", "17 uur"):
        assert personal not in message.body and personal not in message.subject


def test_an_email_contact_gets_the_private_link_by_mail(
    client, network_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, network_a, {**FILLED, "contact_by": "email", "email": "fatima@example.org"})

    to_family = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert len(to_family) == 1 and f"/{network_a.slug}/ask/" in to_family[0].body
    assert "school" not in to_family[0].body


def test_too_many_questions_from_one_address_are_refused_without_losing_the_text(client, network_a, settings):
    settings.RATELIMIT_REQUESTS = "2/h"
    for _ in range(2):
        assert _ask(client, network_a, FILLED).status_code == 302

    refused = _ask(client, network_a, FILLED)

    assert refused.status_code == 429 and "Probeer het over een uur opnieuw" in refused.content.decode()
    assert FILLED["question"] in refused.content.decode()
    assert SupportRequest.objects.count() == 2


def _private_link(client, network) -> str:
    """Ask, then read the private link off the page the family lands on (the only place it is shown)."""
    landed = _ask(client, network, FILLED, follow=True)
    found = re.search(r'<code class="private-link">([^<]+)</code>', landed.content.decode())
    assert found, "the answer to a question shows no private link"
    return found.group(1).removeprefix("http://testserver")


def test_the_private_link_continues_on_a_page_whose_url_holds_no_token(client, network_a):
    link = _private_link(client, network_a)
    token = link.rstrip("/").rsplit("/", 1)[1]
    stored = SupportRequest.objects.get()
    other_browser = Client()

    opened = other_browser.get(link)
    page = other_browser.get(opened["Location"])

    assert opened.status_code == 302 and opened["Location"] == f"/{network_a.slug}/ask/jouw-vraag/"
    assert page.status_code == 200 and stored.reference in page.content.decode()
    # The token shows only where the family reads it to keep it, never in a link (the report link included).
    assert page.content.decode().count(token) == 1
    assert "no-store" in opened["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_opening_the_private_link_gives_the_browser_a_new_session_id(client, network_a, settings):
    """A session id someone planted in the family's browser (session fixation) must not open their question."""
    link = _private_link(client, network_a)
    planted = SessionStore()
    planted["visited"] = True
    planted.save()
    browser = Client()
    browser.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key

    opened = browser.get(link)

    assert opened.status_code == 302
    assert browser.cookies[settings.SESSION_COOKIE_NAME].value != planted.session_key
    assert browser.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 200
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert attacker.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 404


def test_the_private_link_of_one_network_does_not_open_in_another(client, network_a, network_b):
    link = _private_link(client, network_a)
    other_browser = Client()

    assert other_browser.get(link.replace(f"/{network_a.slug}/", f"/{network_b.slug}/")).status_code == 404
    assert other_browser.get(f"/{network_a.slug}/ask/not-a-token/").status_code == 404
    assert other_browser.get(link).status_code == 302
    assert other_browser.get(f"/{network_b.slug}/ask/jouw-vraag/").status_code == 404
    assert other_browser.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 200


def test_without_the_private_link_the_page_asks_to_open_it_again(client, network_a):
    _private_link(client, network_a)
    stranger = Client()

    page = stranger.get(f"/{network_a.slug}/ask/jouw-vraag/")
    withdraw = stranger.post(f"/{network_a.slug}/ask/jouw-vraag/intrekken/")

    assert page.status_code == 404 and "Open je privélink opnieuw" in page.content.decode()
    assert SupportRequest.objects.get().reference not in page.content.decode()
    assert withdraw.status_code == 404 and SupportRequest.objects.get().consent.is_active()


def test_the_page_forgets_the_private_link_after_half_an_hour_without_use(client, network_a, monkeypatch):
    link = _private_link(client, network_a)
    browser = Client()
    browser.get(link)
    now = time.time()

    monkeypatch.setattr(ask_views.time, "time", lambda: now + 29 * 60)
    assert browser.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 200  # and the clock restarts
    monkeypatch.setattr(ask_views.time, "time", lambda: now + 58 * 60)
    assert browser.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 200
    monkeypatch.setattr(ask_views.time, "time", lambda: now + 89 * 60)
    assert browser.get(f"/{network_a.slug}/ask/jouw-vraag/").status_code == 404
    assert browser.get(link).status_code == 302  # the link itself keeps working


def test_the_family_withdraws_consent_through_the_private_link(client, network_a):
    link = _private_link(client, network_a)
    browser = Client()
    browser.get(link)

    confirm = browser.get(f"/{network_a.slug}/ask/jouw-vraag/intrekken/")
    done = browser.post(f"/{network_a.slug}/ask/jouw-vraag/intrekken/", follow=True)

    consent = SupportRequest.objects.get().consent
    assert "Ja, trek mijn toestemming in" in confirm.content.decode()
    assert consent.withdrawn_at is not None and consent.withdrawn_by is None and not consent.is_active()
    assert "Niemand kan je gegevens nog openen" in done.content.decode()
