"""Coordinators invite people for a role; the link creates the account or adds the role, once."""

import re

import pytest
from django.core import mail

from hvhk.accounts.models import Invitation, RoleAssignment, User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _invite(client, coordinator, capture, **data) -> str:
    client.force_login(coordinator)
    with capture(execute=True):
        client.post("/portal/people/", data)
    return re.search(r"http://\S+/accounts/invitation/(\S+)/", mail.outbox[-1].body).group(1)


def test_an_invited_partner_makes_an_account_and_gets_the_role(
    client, coordinator_a, partner_a, django_capture_on_commit_callbacks
):
    token = _invite(
        client,
        coordinator_a,
        django_capture_on_commit_callbacks,
        email="Nieuw@Partner.be",
        role="editor",
        organization=str(partner_a.pk),
    )
    client.logout()

    page = client.get(f"/accounts/invitation/{token}/").content.decode()
    short = client.post(f"/accounts/invitation/{token}/", {"password1": "kort", "password2": "kort"})
    done = client.post(
        f"/accounts/invitation/{token}/",
        {"full_name": "An", "password1": "een-goed-lang-wachtwoord", "password2": "een-goed-lang-wachtwoord"},
    )

    assert "nieuw@partner.be" in page and partner_a.name in page
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in short.content.decode()
    assert done.status_code == 302 and done["Location"] == "/portal/"
    user = User.objects.get(email="nieuw@partner.be")
    assert user.roles.get().organization == partner_a and not user.is_staff
    assert client.get("/portal/").status_code == 200
    client.logout()
    assert client.get(f"/accounts/invitation/{token}/").status_code == 404  # used once


def test_an_existing_account_signs_in_to_accept(
    client, coordinator_a, network_a, django_capture_on_commit_callbacks
):
    person = UserFactory(email="bestaand@example.org")
    token = _invite(
        client, coordinator_a, django_capture_on_commit_callbacks, email=person.email, role="analyst"
    )
    client.logout()

    asked = client.get(f"/accounts/invitation/{token}/")
    client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    client.post(f"/accounts/invitation/{token}/")

    assert asked["Location"].startswith("/accounts/login/")
    assert person.roles.get().role == RoleAssignment.Role.ANALYST


def test_someone_else_cannot_use_the_link(
    client, coordinator_a, editor_a, django_capture_on_commit_callbacks
):
    UserFactory(email="bedoeld@example.org")
    token = _invite(
        client, coordinator_a, django_capture_on_commit_callbacks, email="bedoeld@example.org", role="analyst"
    )
    client.force_login(editor_a)

    response = client.post(f"/accounts/invitation/{token}/")

    assert response.status_code == 403
    assert not RoleAssignment.objects.filter(user__email="bedoeld@example.org").exists()


def test_revoked_expired_and_made_up_invitations_do_nothing(
    client, coordinator_a, django_capture_on_commit_callbacks
):
    token = _invite(
        client, coordinator_a, django_capture_on_commit_callbacks, email="a@example.org", role="analyst"
    )
    invitation = Invitation.objects.get(email="a@example.org")
    client.post(f"/portal/people/invitations/{invitation.pk}/revoke/")
    client.logout()

    assert client.get(f"/accounts/invitation/{token}/").status_code == 404
    assert client.get("/accounts/invitation/verzonnen/").status_code == 404


def test_an_editor_needs_an_organisation_and_coordinators_only_invite(
    client, coordinator_a, editor_a, partner_b
):
    client.force_login(coordinator_a)
    page = client.post("/portal/people/", {"email": "x@example.org", "role": "editor"}).content.decode()
    other = client.post(
        "/portal/people/", {"email": "x@example.org", "role": "editor", "organization": str(partner_b.pk)}
    ).content.decode()
    client.force_login(editor_a)

    assert "Kies de organisatie van deze persoon." in page
    assert "Selecteer een geldige keuze" in other  # an organisation of another network
    assert client.get("/portal/people/").status_code == 404
    assert not Invitation.objects.exists()


def test_a_coordinator_removes_a_role_of_their_network_only(client, coordinator_a, coordinator_b, editor_a):
    role = editor_a.roles.get()
    client.force_login(coordinator_b)
    assert client.post(f"/portal/people/roles/{role.pk}/remove/").status_code == 404

    client.force_login(coordinator_a)
    client.post(f"/portal/people/roles/{role.pk}/remove/")
    own = coordinator_a.roles.get()
    client.post(f"/portal/people/roles/{own.pk}/remove/")

    assert not editor_a.roles.exists()
    assert coordinator_a.roles.exists()  # nobody locks themselves out


def test_the_invitation_mail_carries_no_more_than_the_link(
    client, coordinator_a, partner_a, django_capture_on_commit_callbacks
):
    _invite(
        client,
        coordinator_a,
        django_capture_on_commit_callbacks,
        email="p@example.org",
        role="editor",
        organization=str(partner_a.pk),
    )
    body = mail.outbox[-1].body
    assert "http://" in body and PASSWORD not in body
    assert Invitation.objects.get().token_hash not in body  # only the hash is stored, only the token is sent


def test_a_coordinator_invited_becomes_staff_for_the_admin(
    client, coordinator_a, django_capture_on_commit_callbacks, network_a
):
    token = _invite(
        client, coordinator_a, django_capture_on_commit_callbacks, email="c2@example.org", role="coordinator"
    )
    client.logout()
    client.post(
        f"/accounts/invitation/{token}/",
        {"password1": "een-goed-lang-wachtwoord", "password2": "een-goed-lang-wachtwoord"},
    )
    user = User.objects.get(email="c2@example.org")
    assert user.is_staff
    # and, seeing personal data, is sent to set up the second factor first
    assert client.get("/portal/")["Location"].startswith("/accounts/2fa/totp/activate/")
