"""The activity's public page and its registration form, and the private link: who sees what, what the outside
check posts, script in every field, the rate limit, and the private pages' headers."""

import datetime as dt
import logging
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.utils import timezone

from hvhk.activities.models import Activity, Registration
from hvhk.activities.services import registrations as services
from tests.activities.factories_registration import SessionFactory, register, session_for

pytestmark = pytest.mark.django_db
Status = Registration.Status
SCRIPT = "<script>alert(9)</script>"
PRIVATE = re.compile(r"/activities/r/([A-Za-z0-9_-]{20,})/")


class FormFiller(HTMLParser):
    """Fills the registration form as the outside check does: every input, the first radio, checkboxes "on",
    numbers max(1, min), text with script in it."""

    def __init__(self) -> None:
        super().__init__()
        self.action, self.data, self.in_form, self.types = None, {}, False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "/register/" in (attrs.get("action") or ""):
            self.action, self.in_form = attrs["action"], True
        if not self.in_form or "name" not in attrs:
            return
        name, kind = attrs["name"], attrs.get("type", "text")
        self.types[name] = kind if tag == "input" else tag
        if tag == "textarea":
            self.data[name] = f"Graag een plaats bij het raam. {SCRIPT}"
        elif kind == "hidden":
            self.data[name] = attrs.get("value", "")
        elif kind == "radio":
            self.data.setdefault(name, attrs.get("value"))
        elif kind == "checkbox":
            self.data[name] = "on"
        elif kind == "number":
            self.data[name] = str(max(1, int(attrs.get("min") or 0)))
        elif kind == "email":
            self.data[name] = "sam@example.org"
        elif "name" in name:
            self.data[name] = f"Sam Peeters {SCRIPT}"
        else:
            self.data[name] = f"Test {SCRIPT}"

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def _fill(html: str) -> FormFiller:
    filler = FormFiller()
    filler.feed(html)
    return filler


@pytest.fixture
def session(network_a):
    return session_for(network_a, capacity=3, places_per=Activity.PlacesPer.PERSON)


def _url(session) -> str:
    return f"/{session.network.slug}/activities/{session.activity_id}/"


# --- the activity's page ---------------------------------------------------------------------------------------


def test_the_page_shows_the_activity_its_organiser_and_its_places(session, client):
    activity = session.activity
    activity.price_cents, activity.uitpas_price_cents = 500, 100
    activity.accessibility = "Rolstoeltoegankelijk"
    activity.save()
    html = client.get(_url(session)).content.decode()

    assert activity.title in html and activity.service.organization.name in html
    assert f"/{session.network.slug}/services/{activity.service_id}/" in html
    assert "nog 3 plaatsen" in html and "Rolstoeltoegankelijk" in html
    assert "UiTPAS" in html and "5,00" in html and "1,00" in html
    assert 'type="email"' in html and 'type="tel"' in html
    assert 'action="/netwerk-a/activities/' in html and "register/" in html


def test_the_page_is_in_the_interface_language(session, client):
    session.activity.translations = {"fr": {"title": "Massage pour bébés"}}
    session.activity.save()
    client.cookies["django_language"] = "fr"
    assert "Massage pour bébés" in client.get(_url(session)).content.decode()


def test_a_full_activity_offers_the_waiting_list_and_a_cancelled_session_is_marked(session, client):
    register(session.activity, session=session, adults=2, children=1)
    SessionFactory(
        activity=session.activity, is_cancelled=True, starts_at=session.starts_at + dt.timedelta(days=1)
    )
    html = client.get(_url(session)).content.decode()
    assert "wachtlijst" in html and "Afgelast" in html


@pytest.mark.parametrize("status", [s for s in Activity.Status if s != Activity.Status.PUBLISHED])
def test_an_unpublished_activity_is_a_404(session, client, status):
    Activity.objects.filter(pk=session.activity_id).update(status=status)
    assert client.get(_url(session)).status_code == 404
    assert client.post(f"{_url(session)}register/", {}).status_code == 404


def test_another_networks_activity_is_a_404(session, client, network_b):
    assert client.get(f"/{network_b.slug}/activities/{session.activity_id}/").status_code == 404
    assert client.post(f"/{network_b.slug}/activities/{session.activity_id}/register/", {}).status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(network_a, client, django_assert_num_queries):
    few = session_for(network_a, capacity=3)
    many = session_for(network_a, capacity=3)
    for day in range(8, 20):
        SessionFactory(activity=many.activity, starts_at=timezone.now() + dt.timedelta(days=day))
        register(many.activity, session=many)
    # the network, the activity, its addresses and accessibility, the sessions, their places
    with django_assert_num_queries(6):
        client.get(_url(few))
    with django_assert_num_queries(6):
        assert client.get(_url(many)).status_code == 200


# --- registering -----------------------------------------------------------------------------------------------


def test_the_form_as_the_outside_check_posts_it_leads_to_a_confirmation_without_live_markup(session, client):
    form = _fill(client.get(_url(session)).content.decode())
    assert form.types["email"] == "email" and form.types["session"] == "radio"

    response = client.post(form.action, form.data)
    assert response.status_code == 302 and PRIVATE.search(response["Location"])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and SCRIPT not in html and "&lt;script&gt;" in html
    assert "ingeschreven" in html
    registration = Registration.objects.get()
    assert registration.name == f"Sam Peeters {SCRIPT}"  # kept as typed; escaped where shown


def test_a_series_form_has_no_session_choice_and_the_check_still_gets_through(network_a, client):
    session = session_for(network_a, schedule=Activity.Schedule.SERIES, capacity=5)
    form = _fill(client.get(_url(session)).content.decode())
    assert "session" not in form.data
    response = client.post(form.action, form.data)
    assert response.status_code == 302 and Registration.objects.get().session is None


def test_an_empty_post_shows_the_errors_and_no_server_error(session, client):
    response = client.post(f"{_url(session)}register/", {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies een moment" in html and "Vul je naam in" in html and Registration.objects.count() == 0


def test_errors_keep_what_the_visitor_typed(session, client):
    response = client.post(
        f"{_url(session)}register/",
        {
            "session": str(session.pk),
            "name": "Sam <i>Peeters</i>",
            "adults": "1",
            "children": "0",
            "remark": "x" * 1001,
        },
    )
    html = response.content.decode()
    assert "Sam &lt;i&gt;Peeters&lt;/i&gt;" in html and "te lang" in html and "1000" in html
    assert Registration.objects.count() == 0


def test_more_people_than_places_left_is_explained_and_the_waiting_list_is_a_way_out(session, client):
    register(session.activity, session=session, adults=1, children=1)
    data = {
        "session": str(session.pk),
        "name": "Sam",
        "email": "sam@example.org",
        "adults": "2",
        "children": "1",
        "consent_contact": "on",
    }
    html = client.post(f"{_url(session)}register/", data).content.decode()
    assert "nog 1 plaats" in html and Registration.objects.count() == 1

    response = client.post(f"{_url(session)}register/", {**data, "join_waiting_list": "on"}, follow=True)
    assert "wachtlijst als nummer 1" in response.content.decode()


def test_a_cancelled_or_past_session_cannot_be_chosen(session, client):
    data = {"session": str(session.pk), "name": "Sam", "phone": "0470", "adults": "1", "children": "0"}
    data["consent_contact"] = "on"
    session.is_cancelled = True
    session.save()
    html = client.post(f"{_url(session)}register/", data).content.decode()
    assert "kan je niet (meer) kiezen" in html and Registration.objects.count() == 0


def test_registering_is_rate_limited_per_address(session, client, settings):
    settings.RATELIMIT_REGISTRATIONS = "2/h"
    session.activity.capacity = 20
    session.activity.save()
    data = {
        "session": str(session.pk),
        "name": "Sam",
        "phone": "0470 12 34 56",
        "adults": "1",
        "children": "0",
        "consent_contact": "on",
    }
    for _ in range(2):
        assert client.post(f"{_url(session)}register/", data).status_code == 302
    refused = client.post(f"{_url(session)}register/", data)
    assert refused.status_code == 429 and "te veel inschrijvingen" in refused.content.decode()
    assert Registration.objects.count() == 2
    other = client.post(f"{_url(session)}register/", data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


# --- the private link ------------------------------------------------------------------------------------------


def _private(session, token, tail=""):
    return f"/{session.network.slug}/activities/r/{token}/{tail}"


def test_the_private_page_is_never_cached_nor_indexed(session, client):
    _registration, token = register(session.activity, session=session)
    response = client.get(_private(session, token))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert (
        "noindex" in response["X-Robots-Tag"]
        and 'name="robots" content="noindex' in response.content.decode()
    )
    assert response["Referrer-Policy"] == "same-origin"


def test_the_report_link_on_the_private_page_does_not_carry_the_token(session, client):
    _registration, token = register(session.activity, session=session)
    html = client.get(_private(session, token)).content.decode()

    report_links = [
        part.split('"', 1)[0] for part in html.split('href="') if "/report/" in part.split('"', 1)[0]
    ]
    assert report_links, "the private page has no 'Meld het ons' link"
    assert all(token not in link for link in report_links)
    assert any("activities/r/" in link for link in report_links)  # the page is still named, without its key


def test_cancelling_through_the_link_asks_first_then_frees_the_place_and_twice_is_clear(session, client):
    registration, token = register(session.activity, session=session, adults=2, children=1)
    waiting, _ = register(session.activity, session=session, adults=1, children=0)

    ask = client.get(_private(session, token, "cancel/"))
    assert ask.status_code == 200 and 'method="post"' in ask.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED  # a GET changes nothing

    done = client.post(_private(session, token, "cancel/"), follow=True)
    assert "geannuleerd" in done.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED

    again = client.post(_private(session, token, "cancel/"))
    assert again.status_code == 200 and "al geannuleerd" in again.content.decode()
    assert "geannuleerd" in client.get(_private(session, token)).content.decode()


def test_an_offered_place_shows_its_deadline_and_can_be_taken(session, client):
    first, _ = register(session.activity, session=session, adults=2, children=1)
    waiting, token = register(session.activity, session=session, adults=1, children=0)
    services.registration_cancel(registration=first)

    html = client.get(_private(session, token)).content.decode()
    assert "Bevestig vóór" in html and "accept/" in html and "decline/" in html
    response = client.post(_private(session, token, "accept/"), follow=True)
    assert "Je bent ingeschreven" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_changing_through_the_link(session, client):
    registration, token = register(session.activity, session=session, adults=1, children=0)
    response = client.post(
        _private(session, token, "change/"),
        {"adults": "1", "children": "1", "children_ages": "2 jaar", "remark": ""},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.children, registration.children_ages) == (1, "2 jaar")

    too_many = client.post(_private(session, token, "change/"), {"adults": "5", "children": "1"})
    assert too_many.status_code == 200 and "plaats" in too_many.content.decode()


def test_an_unknown_or_anonymised_link_is_a_friendly_404(session, client):
    assert client.get(_private(session, "x" * 64)).status_code == 404
    registration, token = register(session.activity, session=session)
    registration.session.starts_at = timezone.now() - dt.timedelta(days=200)
    registration.session.ends_at = timezone.now() - dt.timedelta(days=200, hours=-2)
    registration.session.save()
    assert services.registrations_anonymise() == 1
    missing = client.get(_private(session, token))
    assert missing.status_code == 404 and "werkt niet" in missing.content.decode()


def test_the_link_of_another_network_is_a_404(session, client, network_b):
    _registration, token = register(session.activity, session=session)
    assert client.get(f"/{network_b.slug}/activities/r/{token}/").status_code == 404


def test_the_token_never_reaches_the_log(session, client, caplog):
    _registration, token = register(session.activity, session=session)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.post(_private(session, token + "x", "cancel/"))
    assert "/activities/r/" in caplog.text and token not in caplog.text


def test_the_mail_link_opens_the_private_page(session, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{_url(session)}register/",
            {
                "session": str(session.pk),
                "name": "Sam",
                "email": "sam@example.org",
                "adults": "1",
                "children": "0",
                "consent_contact": "on",
            },
        )
    [message] = mail.outbox
    path = PRIVATE.search(message.body).group(0)
    assert client.get(f"/{session.network.slug}{path}").status_code == 200


def test_an_offered_place_can_be_passed_on_to_the_next(session, client):
    first, _ = register(session.activity, session=session, adults=2, children=1)
    offered, token = register(session.activity, session=session, adults=1, children=0)
    after, _ = register(session.activity, session=session, adults=1, children=0)
    services.registration_cancel(registration=first)
    after.refresh_from_db()
    assert after.status == Status.OFFERED  # three places freed: both fit

    assert client.get(_private(session, token, "decline/")).status_code == 405  # a GET changes nothing
    response = client.post(_private(session, token, "decline/"), follow=True)
    offered.refresh_from_db()
    assert offered.status == Status.CANCELLED and "geannuleerd" in response.content.decode()
    again = client.post(_private(session, token, "accept/"))
    assert again.status_code == 200 and "al geannuleerd" in again.content.decode()


def test_a_family_without_email_sees_its_link_on_the_page(session, client):
    _registration, token = register(session.activity, session=session, email="", phone="0470 12 34 56")
    html = client.get(_private(session, token)).content.decode()
    assert f"http://testserver/{session.network.slug}/activities/r/{token}/" in html and "bladwijzer" in html
