"""Signing in: e-mail and password, a second factor for personal-data roles, lockout, reset, no open sign-up."""

import re

import pytest
from django.core import mail

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.conftest import totp_code

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def _login(client, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def test_a_partner_editor_signs_in_with_email_and_password(client, editor_a):
    page = client.get(LOGIN).content.decode()
    response = _login(client, editor_a.email)

    assert 'type="email"' in page and 'type="password"' in page
    assert response.status_code == 302 and response["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200


def test_a_coordinator_also_needs_the_code_of_the_app(client, coordinator_a):
    response = _login(client, coordinator_a.email)

    assert response.status_code == 302 and "/accounts/2fa/authenticate/" in response["Location"]
    assert client.get("/portal/")["Location"].startswith(LOGIN)  # not signed in yet
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "code" in wrong.content.decode().lower()
    right = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert right.status_code == 302
    assert client.get("/portal/").status_code == 200


def test_a_coordinator_without_an_app_must_set_one_up_first(client, network_a):
    person = UserFactory(email="nieuw@a.example", is_staff=True)
    RoleFactory(user=person, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    _login(client, person.email)

    for page in ("/portal/", "/admin/"):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate/")
    confirm = client.get("/accounts/2fa/totp/activate/")  # changing sign-in settings asks the password again
    assert confirm["Location"].startswith("/accounts/reauthenticate/")
    client.post(confirm["Location"], {"password": PASSWORD})
    setup = client.get("/accounts/2fa/totp/activate/")
    assert setup.status_code == 200 and "data:image/svg+xml" in setup.content.decode()  # the QR code


def test_the_intake_role_needs_two_factor_too(client, network_a):
    person = UserFactory(email="intake@a.example")
    RoleFactory(user=person, network=network_a, role=RoleAssignment.Role.INTAKE)
    _login(client, person.email)
    assert client.get("/portal/")["Location"].startswith("/accounts/2fa/totp/activate/")


def test_five_wrong_passwords_lock_the_account_for_a_while(client, editor_a):
    for _ in range(5):
        assert _login(client, editor_a.email, "fout-wachtwoord").status_code == 200

    blocked = _login(client, editor_a.email)

    assert blocked.status_code in (200, 429)
    assert client.get("/portal/").status_code == 302  # even the right password does not get in now


def test_the_admin_signs_in_through_the_same_login(client):
    response = client.get("/admin/login/?next=/admin/directory/service/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fdirectory%2Fservice%2F"
    unsafe = client.get("/admin/login/?next=https://evil.example/")
    assert unsafe["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_forgotten_password_is_reset_by_mail(client, editor_a):
    client.post("/accounts/password/reset/", {"email": editor_a.email})

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [editor_a.email]
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+", mail.outbox[0].body).group()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and "password1" in form_page.content.decode()


def test_nobody_signs_up_without_an_invitation(client, db):
    page = client.get("/accounts/signup/")
    client.post(
        "/accounts/signup/", {"email": "zomaar@example.org", "password1": "x" * 20, "password2": "x" * 20}
    )

    assert page.status_code == 200
    from hvhk.accounts.models import User

    assert not User.objects.filter(email="zomaar@example.org").exists()
