"""`hvhk demo` is idempotent, restores the demo after edits, and refuses under production settings."""

import pytest
from django.core.management import CommandError, call_command

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Area, Network
from hvhk.demo.services import demo_load
from hvhk.directory import models as m
from hvhk.feedback.models import ErrorReport

pytestmark = pytest.mark.django_db

MODELS = [Network, Area, User, RoleAssignment, *(getattr(m, name) for name in m.__all__)]


def _snapshot() -> dict[str, set]:
    return {model.__name__: set(model.objects.values_list("pk", flat=True)) for model in MODELS}


def test_demo_loads_twice_with_identical_rows():
    demo_load()
    first = _snapshot()
    demo_load()
    second = _snapshot()
    assert {k: len(v) for k, v in first.items()} == {k: len(v) for k, v in second.items()}
    assert first == second
    assert len(first["Service"]) >= 95


def test_demo_restores_what_was_changed_and_keeps_what_people_added():
    demo_load()
    service = m.Service.objects.filter(network__slug="leuven").order_by("name").first()
    original_name = service.name
    service.name = "Iemand heeft dit veranderd"
    service.save()
    m.Service.objects.filter(network__slug="leuven").order_by("name").last().delete()
    network = Network.objects.get(slug="leuven")
    ErrorReport.objects.create(network=network, page_url="/leuven/", message="Blijft staan")
    before = m.Service.objects.count()

    demo_load()

    service.refresh_from_db()
    assert service.name == original_name
    assert m.Service.objects.count() == before + 1
    assert ErrorReport.objects.filter(message="Blijft staan").exists()


def test_demo_refuses_under_production_settings(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo")
    assert not Network.objects.exists()


def test_demo_command_prints_a_summary(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo loaded: networks leuven, heusden-zolder" in out
    assert "hvhk-demo" in out
