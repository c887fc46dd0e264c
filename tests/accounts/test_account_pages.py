"""allauth's pages (sign-in, two-factor set-up and overview) in the site's layout and form style, in Dutch."""

import re

import pytest

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.conftest import with_two_factor

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
SETUP = "/accounts/2fa/totp/activate/"


def _assert_site_page(body: str) -> None:
    assert '<header class="site-header">' in body and '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body and '<footer class="site-footer">' in body
    assert '<form class="form"' in body  # the site's form style, not allauth's bare <p> fields
    assert re.search(r'<button class="button[^"]*"[^>]* type="submit"', body)


def test_the_sign_in_page_looks_like_the_site(client):
    body = client.get(LOGIN).content.decode()
    _assert_site_page(body)
    assert '<label for="id_login">E-mailadres' in body
    assert '<p class="hint" id="id_password_helptext"><a href="/accounts/password/reset/">' in body


def test_the_two_factor_set_up_page_is_in_the_site_layout_with_the_qr_code_in_dutch(client, network_a):
    person = UserFactory(email="nieuw@a.example")
    RoleFactory(user=person, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    client.post(LOGIN, {"login": person.email, "password": PASSWORD})
    client.post(client.get(SETUP)["Location"], {"password": PASSWORD})  # confirm the password first

    body = client.get(SETUP).content.decode()

    _assert_site_page(body)
    assert '<nav class="site-nav"' in body and "Afmelden" in body
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" class="qr-code"', body)
    assert 'alt="QR-code om te scannen met je authenticator-app"' in body  # not the secret as alt text
    assert "Activeer authenticator-app" in body and "Scan eerst de onderstaande QR code" in body
    assert '<div class="field">\n  <label for="id_code">' in body


def test_the_two_factor_overview_uses_the_sites_panels_and_buttons(client, network_a):
    person = with_two_factor(UserFactory(email="tweede@a.example"))
    RoleFactory(user=person, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    client.force_login(person)

    body = client.get("/accounts/2fa/").content.decode()

    assert '<header class="site-header">' in body
    assert '<section class="panel">' in body and 'class="button' in body
