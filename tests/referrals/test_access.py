"""Only the network's intake workers, and the staff of an organisation a referral involves, open a request;
everyone else gets a 404 on every id-bearing URL, by GET and by POST."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import URLPattern, get_resolver

from hvhk.accounts.models import RoleAssignment
from hvhk.referrals import services
from hvhk.referrals.models import Referral, SupportRequest
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(
    network_a,
    network_b,
    service_a,
    partner_b,
    intake_a,
    intake_b,
    editor_a,
    coordinator_a,
    coordinator_b,
    platform_admin,
):
    request, token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    neighbour_editor = UserFactory(email="editor@buur.example")
    RoleFactory(
        user=neighbour_editor, network=network_a, role=RoleAssignment.Role.EDITOR, organization=neighbour
    )
    other_editor = UserFactory(email="editor@b.example")
    RoleFactory(user=other_editor, network=network_b, role=RoleAssignment.Role.EDITOR, organization=partner_b)
    analyst = with_two_factor(UserFactory(email="analyst@a.example"))
    RoleFactory(user=analyst, network=network_a, role=RoleAssignment.Role.ANALYST)
    return {
        "ids": {"request_id": request.pk, "referral_id": referral.pk},
        "request": request,
        "token": token,
        "intake": intake_a,
        "partner": editor_a,
        "strangers": {
            "editor of another organisation": neighbour_editor,
            "editor in another network": other_editor,
            "intake worker of another network": intake_b,
            "coordinator of the network": coordinator_a,
            "coordinator of another network": coordinator_b,
            "analyst": analyst,
            "platform admin": platform_admin,
        },
    }


def _patterns() -> list[URLPattern]:
    found = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                if getattr(p, "namespace", None) in (None, "referrals"):
                    walk(p.url_patterns, prefix + str(p.pattern))
            elif getattr(p, "name", None) and (
                "request_id" in str(p.pattern) or "referral_id" in str(p.pattern)
            ):
                found.append(prefix + str(p.pattern))

    referrals = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "referrals")
    walk(referrals.url_patterns)
    return found


def _urls(ids) -> list[str]:
    return [
        "/"
        + route.replace("<str:request_id>", str(ids["request_id"])).replace(
            "<str:referral_id>", str(ids["referral_id"])
        )
        for route in _patterns()
    ]


def test_the_walk_covers_every_id_bearing_url():
    assert len(_patterns()) == 5  # request, its action, export, erase; referral


@pytest.mark.parametrize(
    "who",
    [
        "editor of another organisation",
        "editor in another network",
        "intake worker of another network",
        "coordinator of the network",
        "coordinator of another network",
        "analyst",
        "platform admin",
    ],
)
def test_strangers_get_404_on_every_request_and_referral(client, world, who):
    client.force_login(world["strangers"][who])
    leaks = []
    for url in _urls(world["ids"]):
        for method in (client.get, client.post):
            code = method(
                url, {"action": "withdraw", "confirm": world["request"].reference, "to": "accepted"}
            ).status_code
            if code not in (404, 405):
                leaks.append(f"{method.__name__.upper()} {url}: {code}")
    assert leaks == []
    assert SupportRequest.objects.get().consent.is_active()  # nothing was changed on the way
    for listing in ("/portal/requests/", "/portal/referrals/?show=all"):
        page = client.get(listing)
        assert page.status_code in (302, 404) or world["request"].reference not in page.content.decode()


def test_the_partner_opens_only_its_referral_and_never_the_request_itself(client, world):
    client.force_login(world["partner"])
    ids = world["ids"]

    assert client.get(f"/portal/referrals/{ids['referral_id']}/").status_code == 200
    for url in _urls(ids):
        if "/referrals/" not in url:
            assert client.get(url).status_code in (404, 405), url
            assert client.post(
                url, {"action": "withdraw", "confirm": world["request"].reference}
            ).status_code in (404, 405), url


def test_the_intake_worker_opens_everything_but_cannot_answer_for_the_partner(client, world):
    client.force_login(world["intake"])
    ids = world["ids"]

    for url in _urls(ids):
        if not url.endswith(("/action/",)):
            assert client.get(url).status_code == 200, url
    assert client.post(f"/portal/referrals/{ids['referral_id']}/", {"to": "accepted"}).status_code == 404


def test_without_an_account_everything_asks_to_sign_in(client, world):
    for url in _urls(world["ids"]):
        for response in (client.get(url), client.post(url)):
            if response.status_code != 405:  # a method the URL never takes
                assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_malformed_ids_and_wrong_tokens_are_404(client, world, network_a, network_b):
    client.force_login(world["intake"])
    for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1 OR 1=1"):
        assert client.get(f"/portal/requests/{bad}/").status_code == 404
        assert client.get(f"/portal/referrals/{bad}/").status_code == 404
    token = world["token"]
    assert client.get(f"/{network_b.slug}/ask/{token}/").status_code == 404
    assert client.get(f"/{network_a.slug}/ask/{token[:-1]}/").status_code == 404
    assert client.post(f"/{network_b.slug}/ask/jouw-vraag/intrekken/").status_code == 404
    assert client.get(f"/{network_a.slug}/ask/{token}/").status_code == 302
    assert client.post(f"/{network_b.slug}/ask/jouw-vraag/intrekken/").status_code == 404
    assert SupportRequest.objects.get().consent.is_active()


def test_a_partner_without_two_factor_authentication_is_asked_to_set_it_up_first(client, world):
    partner = world["partner"]
    Authenticator.objects.filter(user=partner).delete()
    client.force_login(partner)

    page = client.get(f"/portal/referrals/{world['ids']['referral_id']}/")
    answer = client.post(f"/portal/referrals/{world['ids']['referral_id']}/", {"to": "accepted"})

    assert page.status_code == 403 and "Eerst aanmelden in twee stappen" in page.content.decode()
    assert "Sara" not in page.content.decode() and "slaapt" not in page.content.decode()
    assert answer.status_code == 403 and Referral.objects.get().status == Referral.Status.SENT
    assert client.get("/portal/").status_code == 200  # keeping their offering needs no second step
