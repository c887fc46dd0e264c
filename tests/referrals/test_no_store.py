"""Every page of the referrals app (a family's question, its private page and download, the intake's and the
partner's pages, the access log) tells browsers and proxies not to store it: `Cache-Control: no-store, private`."""

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from hvhk.referrals import services
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db


def _routes() -> set[str]:
    """Every route of the `referrals` namespace, as '<prefix><pattern>'."""
    found = set()

    def walk(patterns, prefix=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                found.add(prefix + str(p.pattern))

    referrals = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "referrals")
    walk(referrals.url_patterns)
    return found


def test_every_page_with_personal_data_says_no_store(
    network_a, service_a, intake_a, editor_a, coordinator_a, django_user_model
):
    request, token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    intake, partner, coordinator, family = Client(), Client(), Client(), Client()
    intake.force_login(intake_a)
    partner.force_login(editor_a)
    coordinator.force_login(coordinator_a)
    family.get(f"/{network_a.slug}/ask/{token}/")
    ask = "<slug:network_slug>/ask/"
    walk = {
        # route: (who, method, data, expected status)
        "portal/requests/": (intake, "get", None, 200),
        "portal/requests/new/": (intake, "get", None, 200),
        "portal/requests/<str:request_id>/": (intake, "get", None, 200),
        "portal/requests/<str:request_id>/action/": (intake, "post", {"action": "contacted"}, 302),
        "portal/requests/<str:request_id>/export/": (intake, "get", None, 200),
        "portal/requests/<str:request_id>/erase/": (intake, "get", None, 200),
        "portal/referrals/": (partner, "get", None, 200),
        "portal/referrals/<str:referral_id>/": (partner, "get", None, 200),
        "portal/access-log/": (coordinator, "get", None, 200),
        ask: (family, "get", None, 200),
        f"{ask}jouw-vraag/": (family, "get", None, 200),
        f"{ask}jouw-vraag/gegevens/": (family, "get", None, 200),
        f"{ask}jouw-vraag/intrekken/": (family, "get", None, 200),
        f"{ask}<str:token>/": (Client(), "get", None, 302),
    }
    assert set(walk) == _routes(), "a new referrals URL: add it to this walk"

    missing = []
    for route, (client, method, data, status) in walk.items():
        url = "/" + (
            route.replace("<slug:network_slug>", network_a.slug)
            .replace("<str:request_id>", str(request.pk))
            .replace("<str:referral_id>", str(referral.pk))
            .replace("<str:token>", token)
        )
        response = getattr(client, method)(url, data)
        assert response.status_code == status, (url, response.status_code)
        cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        if not {"no-store", "private"} <= cache_control:
            missing.append(f"{url}: {response.get('Cache-Control')}")
    assert missing == []


def test_the_no_longer_shared_page_says_no_store_too(client, network_a, service_a, intake_a, editor_a):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    services.consent_withdraw(request=request, acting_user=None)
    client.force_login(editor_a)

    response = client.get(f"/portal/referrals/{referral.pk}/")

    assert response.status_code == 410 and "no-store" in response["Cache-Control"]
