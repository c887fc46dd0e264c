"""Every admin page of every network-owned model, opened with a row of another network: never the page."""

import pytest
from django.contrib import admin

from hvhk.accounts.models import User
from hvhk.core.models import Network

pytestmark = pytest.mark.django_db


def _scoped_admins():
    for model, model_admin in admin.site._registry.items():
        if model is Network or any(f.name == "network" for f in model._meta.get_fields()):
            yield model, model_admin


def _urls(model, obj) -> list[str]:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}"
    urls = [f"{base}/change/", f"{base}/delete/"]
    if hasattr(model, "history"):
        urls.append(f"{base}/history/")
        version = model.history.filter(id=obj.pk).first()
        if version:
            urls.append(f"{base}/history/{version.history_id}/")
    return urls


def test_a_coordinator_of_another_network_opens_no_row_of_leuven(client, demo):
    leuven = Network.objects.get(slug="leuven")
    client.force_login(User.objects.get(email="coordinator@heusden-zolder.demo"))
    tried, leaks, models = 0, [], []
    for model, _model_admin in _scoped_admins():
        rows = (
            model.objects.filter(pk=leuven.pk) if model is Network else model.objects.filter(network=leuven)
        )
        obj = rows.first()
        if obj is None:
            continue
        models.append(model._meta.label)
        for url in _urls(model, obj):
            for method in (client.get, client.post):
                code = method(url).status_code
                tried += 1
                if code not in (302, 403, 404):
                    leaks.append(f"{method.__name__.upper()} {url}: {code}")
    assert leaks == []
    assert tried > 40 and {"directory.Service", "directory.Organization", "core.Network"} <= set(models)


def test_the_own_coordinator_does_open_them(client, demo):
    leuven = Network.objects.get(slug="leuven")
    client.force_login(User.objects.get(email="coordinator@leuven.demo"))
    for model, _model_admin in _scoped_admins():
        rows = (
            model.objects.filter(pk=leuven.pk) if model is Network else model.objects.filter(network=leuven)
        )
        obj = rows.first()
        if obj is not None:
            assert client.get(_urls(model, obj)[0]).status_code == 200, model._meta.label
