"""Volunteers on the public site: the open roles and the sign-up form of /<network>/volunteer/ (in Dutch and in
English), the refusals that store nothing, the rate limit, the thank-you page that never shows markup, a second
sign-up that is not told apart from the first, the volunteer's private page with its erasure, and a volunteer saying
yes to a call for a hand."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hvhk.volunteers.models import HelpOffer, HelpRequest, Volunteer, VolunteerAccess, VolunteerRole
from hvhk.volunteers.services import volunteer_token
from tests.volunteers.factories import RoleFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Sam Peeters",
    "email": "sam@example.org",
    "phone": "",
    "interests": ["reading"],
    "availability": ["wed-pm"],
    "languages": ["nl", "fr"],
    "motivation": "Ik las al voor in de bib.",
    "consent": "on",
}


def _url(network) -> str:
    return reverse("volunteers:public", args=[network.slug])


def _thanks(network) -> str:
    return reverse("volunteers:thanks", args=[network.slug])


def _private(network, token: str) -> str:
    return reverse("volunteers:private", args=[network.slug, token])


def _main(html: str) -> str:
    """The page's <main>, without the header and footer (a CSRF token in the language menu differs per page)."""
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def _no_cache(response) -> None:
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "no-store" in cache_control and "max-age=0" in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.fixture
def roles(network_a, network_b, partner_a):
    return {
        "open": RoleFactory(network=network_a, title="Voorlezen in de bibliotheek"),
        "partner": RoleFactory(network=network_a, organization=partner_a, title="Huiswerkklas op woensdag"),
        "draft": RoleFactory(network=network_a, title="Klad: fietsen", status=VolunteerRole.Status.DRAFT),
        "closed": RoleFactory(
            network=network_a, title="Afgesloten: feest", status=VolunteerRole.Status.CLOSED
        ),
        "other": RoleFactory(network=network_b, title="Rol van netwerk B"),
    }


# --- the page ----------------------------------------------------------------------------------------------------


def test_the_page_lists_the_open_roles_only_and_the_form(client, network_a, roles):
    assert network_a.slug == "netwerk-a"
    response = client.get(_url(network_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voorlezen in de bibliotheek" in html and "Huiswerkklas op woensdag" in html
    assert roles["partner"].organization.name in html  # a partner's role says whose it is
    for hidden in ("Klad: fietsen", "Afgesloten: feest", "Rol van netwerk B"):
        assert hidden not in html, hidden
    assert {r.pk for r in response.context["roles"]} == {roles["open"].pk, roles["partner"].pk}
    assert 'name="email"' in html and 'type="email"' in html and 'name="name"' in html
    assert 'name="consent"' in html and "csrfmiddlewaretoken" in html
    assert "Je naam" in html and "Je e-mailadres" in html and "Word vrijwilliger" in html
    assert html.count("<h1") == 1
    # the role choice offers the open roles only
    choices = {
        str(value) for value, _label in response.context["form"].fields["role_wanted"].choices if value
    }
    assert choices == {str(roles["open"].pk), str(roles["partner"].pk)}


def test_without_open_roles_the_page_still_offers_the_form(client, network_a):
    html = client.get(_url(network_a)).content.decode()
    assert "Op dit moment staan er geen vaste rollen open" in html
    assert 'name="email"' in html and 'name="role_wanted"' not in html


@pytest.mark.parametrize("how", ["header", "cookie"])
def test_the_page_works_in_english(client, network_a, roles, how):
    if how == "cookie":
        client.cookies["django_language"] = "en"
        response = client.get(_url(network_a))
    else:
        response = client.get(_url(network_a), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    # the page's words are translated; the role titles stay as they were written
    for english in (
        "Become a volunteer",
        "Where we need help",
        "Your name",
        "Your email address",
        "Or your phone number",
        "What do you like to do?",
        "When are you usually available?",
        "reading aloud to children",
        "Sign me up",
    ):
        assert english in html, english
    for dutch in ("Word vrijwilliger", "Je naam", "Je e-mailadres", "Wat doe je graag?", "Meld me aan"):
        assert dutch not in html, dutch
    assert "Voorlezen in de bibliotheek" in html and "Klad: fietsen" not in html


def test_an_english_sign_up_keeps_its_language_and_is_thanked_in_english(client, network_a):
    response = client.post(_url(network_a), VALID, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert Volunteer.objects.get().language == "en"
    html = client.get(_thanks(network_a), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Thank you, Sam Peeters!" in html
    refused = client.post(_url(network_a), {}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="error-summary"' in refused and "Geef je naam" not in refused


def test_rol_preselects_an_open_role(client, network_a, roles):
    wanted = roles["partner"]
    response = client.get(_url(network_a) + f"?rol={wanted.pk}")
    assert response.context["form"]["role_wanted"].value() == str(wanted.pk)
    assert f'<option value="{wanted.pk}" selected>' in response.content.decode()


@pytest.mark.parametrize("which", ["draft", "other", "nonsense"])
def test_rol_of_a_draft_another_network_or_nonsense_preselects_nothing(client, network_a, roles, which):
    value = "nonsense" if which == "nonsense" else roles[which].pk
    response = client.get(_url(network_a) + f"?rol={value}")
    assert response.status_code == 200
    assert response.context["form"]["role_wanted"].value() in (None, "")
    select = response.content.decode().split('name="role_wanted"')[1].split("</select>")[0]
    assert select.count(" selected>") == 1 and '<option value="" selected>' in select


def test_an_unknown_network_is_404(client, db):
    assert client.get("/bestaat-niet/volunteer/").status_code == 404
    assert client.post("/bestaat-niet/volunteer/", VALID).status_code == 404
    assert client.get("/bestaat-niet/volunteer/thanks/").status_code == 404
    assert Volunteer.objects.count() == 0


# --- refusals ----------------------------------------------------------------------------------------------------


def test_an_empty_sign_up_shows_the_error_summary_and_stores_nothing(client, network_a):
    response = client.post(_url(network_a), {})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Er ging iets mis" in html
    assert "Geef je naam (een voornaam is genoeg)." in html
    assert set(response.context["form"].errors) >= {"name", "email", "consent"}
    assert Volunteer.objects.count() == 0
    _no_cache(response)


def test_without_email_and_phone_the_email_field_says_so(client, network_a):
    response = client.post(_url(network_a), {**VALID, "email": "", "phone": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Geef een e-mailadres of een telefoonnummer, zodat we je kunnen bereiken."]
    assert 'id="id_email_error"' in response.content.decode()
    assert Volunteer.objects.count() == 0


def test_a_phone_number_alone_is_enough(client, network_a):
    response = client.post(_url(network_a), {**VALID, "email": "", "phone": "0470 12 34 56"})
    assert response.status_code == 302
    volunteer = Volunteer.objects.get()
    assert volunteer.phone == "0470 12 34 56" and volunteer.email == ""
    html = client.get(_thanks(network_a)).content.decode()
    assert "We bellen of sturen je een bericht" in html


def test_without_consent_nothing_is_stored(client, network_a):
    data = {k: v for k, v in VALID.items() if k != "consent"}
    response = client.post(_url(network_a), data)
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert "Vink aan dat we je gegevens mogen bewaren" in response.content.decode()
    assert Volunteer.objects.count() == 0


@pytest.mark.parametrize("which", ["draft", "other"])
def test_a_draft_or_another_networks_role_cannot_be_chosen(client, network_a, roles, which):
    response = client.post(_url(network_a), {**VALID, "role_wanted": roles[which].pk})
    assert response.status_code == 200
    assert "role_wanted" in response.context["form"].errors
    assert Volunteer.objects.count() == 0


def test_a_phone_number_in_the_motivation_is_refused_and_the_text_given_back(client, network_a):
    text = "Bel me gerust op 0470 12 34 56."
    response = client.post(_url(network_a), {**VALID, "motivation": text})
    assert response.status_code == 200
    assert "motivation" in response.context["form"].errors
    assert text in response.content.decode()
    assert Volunteer.objects.count() == 0


# --- a sign-up ---------------------------------------------------------------------------------------------------


def test_a_sign_up_is_stored_and_thanked(client, network_a, roles):
    response = client.post(_url(network_a), {**VALID, "role_wanted": roles["partner"].pk})
    assert response.status_code == 302 and response["Location"] == _thanks(network_a)
    _no_cache(response)
    volunteer = Volunteer.objects.get()
    assert volunteer.network == network_a and volunteer.name == "Sam Peeters"
    assert volunteer.email == "sam@example.org" and volunteer.contact_key == "sam@example.org"
    assert volunteer.interests == ["reading"] and volunteer.availability == ["wed-pm"]
    assert volunteer.languages == ["nl", "fr"] and volunteer.role_wanted == roles["partner"]
    assert volunteer.status == Volunteer.Status.CANDIDATE and volunteer.language == "nl"
    assert volunteer.consent_at is not None and volunteer.signups == 1
    thanks = client.get(_thanks(network_a))
    assert thanks.status_code == 200
    _no_cache(thanks)
    html = thanks.content.decode()
    assert "Bedankt, Sam Peeters!" in html and "persoonlijke link" in html
    # the thank-you page is shown once; coming back later goes to the form
    again = client.get(_thanks(network_a))
    assert again.status_code == 302 and again["Location"] == _url(network_a)


def test_the_thank_you_page_shows_a_script_in_the_name_as_text(client, network_a):
    name = "<script>alert(1)</script>"
    response = client.post(_url(network_a), {**VALID, "name": name}, follow=True)
    assert response.redirect_chain == [(_thanks(network_a), 302)]
    html = response.content.decode()
    assert name not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert Volunteer.objects.get().name == name  # kept as typed, escaped when shown


def test_the_thank_you_page_without_a_sign_up_goes_back_to_the_form(client, network_a):
    response = client.get(_thanks(network_a))
    assert response.status_code == 302 and response["Location"] == _url(network_a)


def test_the_thank_you_page_of_one_network_is_not_shown_on_another(client, network_a, network_b):
    assert client.post(_url(network_a), VALID).status_code == 302
    response = client.get(_thanks(network_b))
    assert response.status_code == 302 and response["Location"] == _url(network_b)


def test_a_second_sign_up_with_the_same_address_looks_the_same_and_adds_no_row(client, network_a):
    first = client.post(_url(network_a), VALID, follow=True)
    second = client.post(
        _url(network_a),
        {**VALID, "email": "SAM@Example.org", "motivation": "Iets anders.", "interests": ["admin"]},
        follow=True,
    )
    assert first.redirect_chain == second.redirect_chain == [(_thanks(network_a), 302)]
    assert _main(first.content.decode()) == _main(second.content.decode())
    volunteer = Volunteer.objects.get()
    assert volunteer.signups == 2
    assert volunteer.motivation == "Ik las al voor in de bib." and volunteer.interests == ["reading"]


def test_the_same_address_in_another_network_is_another_person(client, network_a, network_b):
    assert client.post(_url(network_a), VALID).status_code == 302
    assert client.post(_url(network_b), VALID).status_code == 302
    assert Volunteer.objects.filter(network=network_a).count() == 1
    assert Volunteer.objects.filter(network=network_b).count() == 1


def test_a_sign_up_without_the_csrf_token_is_refused(network_a):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(_url(network_a), VALID).status_code == 403
    assert Volunteer.objects.count() == 0


# --- the rate limit ----------------------------------------------------------------------------------------------


def test_past_the_rate_limit_a_sign_up_gets_429_and_no_row(client, network_a, settings):
    settings.RATELIMIT_VOLUNTEER = "2/h"
    for n in range(2):
        assert client.post(_url(network_a), {**VALID, "email": f"p{n}@example.org"}).status_code == 302
    response = client.post(_url(network_a), {**VALID, "email": "p9@example.org"})
    assert response.status_code == 429
    _no_cache(response)
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Je stuurde kort na elkaar veel aanmeldingen" in html
    assert "p9@example.org" in html  # what the visitor typed is given back
    assert Volunteer.objects.count() == 2
    assert not Volunteer.objects.filter(email="p9@example.org").exists()


def test_refused_forms_do_not_count_towards_the_rate_limit(client, network_a, settings):
    settings.RATELIMIT_VOLUNTEER = "2/h"
    for _ in range(3):
        assert client.post(_url(network_a), {**VALID, "consent": ""}).status_code == 200
    for _ in range(3):
        assert client.get(_url(network_a)).status_code == 200
    assert client.post(_url(network_a), VALID).status_code == 302
    assert Volunteer.objects.count() == 1


def test_get_responses_are_not_private_but_post_responses_are(client, network_a):
    get = client.get(_url(network_a))
    assert "X-Robots-Tag" not in get
    post = client.post(_url(network_a), {"name": "x"})
    _no_cache(post)


# --- the private page --------------------------------------------------------------------------------------------


@pytest.fixture
def volunteer(network_a, roles):
    return VolunteerFactory(
        network=network_a,
        name="Noor Janssens",
        email="noor@example.org",
        motivation="Ik hou van boeken.",
        role_wanted=roles["open"],
    )


def test_the_private_page_shows_the_data_and_is_logged(client, network_a, volunteer):
    response = client.get(_private(network_a, volunteer_token(volunteer)))
    assert response.status_code == 200
    _no_cache(response)
    html = response.content.decode()
    assert "Noor Janssens" in html and "noor@example.org" in html and "Ik hou van boeken." in html
    assert "Voorlezen in de bibliotheek" in html and "spelen en knutselen met kinderen" in html
    assert "woensdag namiddag" in html
    [row] = VolunteerAccess.objects.all()
    assert row.action == VolunteerAccess.Action.EXPORT and row.volunteer_id_value == volunteer.pk
    assert row.network == network_a and row.user is None


def test_a_wrong_token_is_a_404_page(client, network_a, volunteer):
    token = volunteer_token(volunteer)
    for wrong in ("x" * 64, token[:-1] + ("0" if token[-1] != "0" else "1"), "kort", "a" * 300):
        response = client.get(_private(network_a, wrong))
        assert response.status_code == 404, wrong
        assert "Deze link werkt niet (meer)" in response.content.decode()
    assert VolunteerAccess.objects.count() == 0


def test_a_token_of_network_a_under_network_bs_address_is_404(client, network_a, network_b, volunteer):
    token = volunteer_token(volunteer)
    assert client.get(_private(network_b, token)).status_code == 404
    assert client.post(_private(network_b, token), {"confirm": "yes"}).status_code == 404
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None and volunteer.name == "Noor Janssens"
    assert VolunteerAccess.objects.count() == 0


def test_erasing_without_confirming_erases_nothing(client, network_a, volunteer):
    url = _private(network_a, volunteer_token(volunteer))
    for data in ({}, {"confirm": "no"}, {"confirm": "YES"}):
        response = client.post(url, data)
        assert response.status_code == 400
        _no_cache(response)
        assert "Vink aan dat je alles wil laten wissen." in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None and volunteer.name == "Noor Janssens"
    assert not VolunteerAccess.objects.filter(action=VolunteerAccess.Action.ERASE).exists()


def test_a_wrong_token_cannot_erase(client, network_a, volunteer):
    assert client.post(_private(network_a, "x" * 64), {"confirm": "yes"}).status_code == 404
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None


def test_erasing_with_confirm_anonymises_and_kills_the_link(client, network_a, volunteer):
    url = _private(network_a, volunteer_token(volunteer))
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    _no_cache(response)
    assert "Je gegevens zijn gewist" in response.content.decode()
    assert "Noor Janssens" not in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is not None
    assert volunteer.name == volunteer.email == volunteer.phone == volunteer.motivation == ""
    assert volunteer.contact_key == "" and volunteer.interests == volunteer.languages == []
    assert volunteer.status == Volunteer.Status.DECLINED  # never started
    erase = VolunteerAccess.objects.get(action=VolunteerAccess.Action.ERASE)
    assert erase.volunteer_id_value == volunteer.pk and erase.user is None
    gone = client.get(url)
    assert gone.status_code == 404 and "Deze link werkt niet (meer)" in gone.content.decode()
    assert client.post(url, {"confirm": "yes"}).status_code == 404


def test_after_erasing_the_same_address_can_sign_up_again(client, network_a, volunteer):
    client.post(_private(network_a, volunteer_token(volunteer)), {"confirm": "yes"})
    assert client.post(_url(network_a), {**VALID, "email": "noor@example.org"}).status_code == 302
    assert Volunteer.objects.filter(network=network_a, anonymised_at__isnull=True).get().name == "Sam Peeters"


# --- saying yes to a call for a hand -----------------------------------------------------------------------------


@pytest.fixture
def help_request(network_a, partner_a):
    return HelpRequest.objects.create(
        network=network_a,
        organization=partner_a,
        title="Handen voor het zomerfeest",
        description="Opbouwen van de springkastelen.",
        on=timezone.localdate() + dt.timedelta(days=7),
        needed=1,
    )


def _answer(network, token: str, help_request) -> str:
    return reverse("volunteers:help-answer", args=[network.slug, token, help_request.pk])


def test_an_active_volunteer_says_yes_once(client, network_a, help_request):
    person = VolunteerFactory(network=network_a, name="Ilse Actief", status=Volunteer.Status.ACTIVE)
    url = _answer(network_a, volunteer_token(person), help_request)
    page = client.get(url)
    assert page.status_code == 200
    _no_cache(page)
    assert (
        "Handen voor het zomerfeest" in page.content.decode() and "Ja, ik kan helpen" in page.content.decode()
    )
    response = client.post(url)
    assert response.status_code == 200 and "Bedankt, Ilse Actief!" in response.content.decode()
    _no_cache(response)
    assert client.post(url).status_code == 200
    [offer] = HelpOffer.objects.all()
    assert offer.volunteer == person and offer.help_request == help_request
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.CLOSED  # one was needed


def test_a_candidate_cannot_say_yes(client, network_a, help_request):
    person = VolunteerFactory(network=network_a, name="Nog Kandidaat")
    response = client.post(_answer(network_a, volunteer_token(person), help_request))
    assert response.status_code == 400
    assert "Alleen actieve vrijwilligers kunnen hierop ingaan." in response.content.decode()
    assert HelpOffer.objects.count() == 0


def test_a_closed_request_takes_no_more_offers(client, network_a, help_request):
    HelpRequest.objects.filter(pk=help_request.pk).update(status=HelpRequest.Status.CLOSED)
    person = VolunteerFactory(network=network_a, status=Volunteer.Status.ACTIVE)
    url = _answer(network_a, volunteer_token(person), help_request)
    assert "Ja, ik kan helpen" not in client.get(url).content.decode()
    assert client.post(url).status_code == 400
    assert HelpOffer.objects.count() == 0


def test_a_wrong_token_or_another_networks_link_is_404(client, network_a, network_b, partner_b, help_request):
    person = VolunteerFactory(network=network_a, status=Volunteer.Status.ACTIVE)
    token = volunteer_token(person)
    help_b = HelpRequest.objects.create(
        network=network_b, organization=partner_b, title="B", description="B", on=help_request.on
    )
    for url in (
        _answer(network_a, "x" * 64, help_request),
        _answer(network_b, token, help_request),
        _answer(network_a, token, help_b),
    ):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, url
            assert "Deze link werkt niet (meer)" in response.content.decode()
    assert HelpOffer.objects.count() == 0
