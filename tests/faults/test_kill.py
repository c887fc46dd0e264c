"""All or nothing, proven by killing real processes (SIGKILL) at known points.

Each test starts `hvhk` in a subprocess on this test's database, lets it stop at a fault point
(core/lib/faults.py: HVHK_FAULT_PAUSE_AT=<point>:<file>), kills it there and looks at what the database kept.
On SQLite the test database lives in memory, so it is copied to a file for the subprocess and back afterwards;
on PostgreSQL the subprocess uses the test database itself (its changes are committed: transactional tests).
"""

import json
from pathlib import Path

import pytest
from django.apps import apps

from hvhk.core.models import Network
from hvhk.directory.hsds.service import import_file
from hvhk.directory.models import Service
from hvhk.referrals import services as referral_services
from hvhk.referrals.models import AccessLog, Referral, ReferralEvent
from hvhk.search.models import SearchDocument, StaleIndex
from tests.accounts.factories import RoleFactory, UserFactory
from tests.api.records import service_record
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory, ServiceFactory
from tests.faults.shared import SharedDatabase
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shared(tmp_path) -> SharedDatabase:
    return SharedDatabase(tmp_path)


def _sizes() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in ("core", "directory", "search", "referrals", "django_tasks_database")
        for model in apps.get_app_config(label).get_models()
    }


def _file(folder: Path, records: list[dict], name: str) -> Path:
    path = folder / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


# --- an import ------------------------------------------------------------------------------------------------


def test_an_import_killed_while_it_saves_leaves_the_database_as_before(shared, tmp_path, monkeypatch):
    monkeypatch.setattr("hvhk.directory.hsds.importer.CHUNK", 2)  # (in-process seed only)
    network = Network.objects.create(slug="leuven", name="Leuven")
    first = [service_record(name=f"Aanbod {i}") for i in range(3)]
    assert import_file(_file(tmp_path, first, "first.json"), network).saved
    changed = [{**record, "name": "Gewijzigd"} for record in first] + [service_record() for _ in range(600)]
    path = _file(
        tmp_path, changed, "second.json"
    )  # 603 records: the first chunk of 500 is written, then it stops
    shared.share()
    before = _sizes()

    shared.kill_at("import-saving", "import-hsds", "--network", "leuven", str(path))
    shared.kill_at("import-saving", "import-hsds", "--network", "nieuw", "--network-name", "Nieuw", str(path))
    shared.take_back()

    assert _sizes() == before
    assert set(Service.objects.values_list("name", flat=True)) == {f"Aanbod {i}" for i in range(3)}
    assert not Network.objects.filter(slug="nieuw").exists()


def test_an_import_killed_after_its_commit_while_indexing_is_repaired_by_the_worker(shared, tmp_path, client):
    Network.objects.create(slug="leuven", name="Leuven")
    path = _file(tmp_path, [service_record(name=f"Spelotheek {i}") for i in range(20)], "in.json")
    shared.share()

    shared.kill_at(
        "import-indexing", "import-hsds", "--network", "leuven", str(path), HVHK_SEARCH_REPAIR_DELAY_S="0"
    )
    shared.take_back()

    assert Service.objects.count() == 20  # committed
    assert SearchDocument.objects.count() == 0  # not indexed: before this change nothing noticed
    assert StaleIndex.objects.filter(network__slug="leuven").exists()
    assert client.get("/healthz").json()["search_index"]["status"] == "stale"

    shared.share()
    worker = shared.run("db_worker", "--batch", "--no-startup-delay")
    shared.take_back()

    assert worker.returncode == 0, worker.stderr
    assert SearchDocument.objects.count() == 20
    assert not StaleIndex.objects.exists()
    assert client.get("/healthz").json()["search_index"] == {"status": "ok"}


# --- a referral step ------------------------------------------------------------------------------------------

STEP = """
from django.db.models.signals import post_save
from hvhk.accounts.models import User
from hvhk.core.lib.faults import pause_point
from hvhk.referrals import services
from hvhk.referrals.models import Referral, ReferralEvent

post_save.connect(lambda **kwargs: pause_point("referral-step"), sender=ReferralEvent, weak=False)
actor = User.objects.get(pk="{user}")
# The partner accepts; the service checks that the actor is the receiving partner's editor.
services.referral_advance(referral=Referral.objects.get(pk="{referral}"), to="accepted", acting_user=actor)
"""


def test_a_referral_step_killed_inside_its_transaction_leaves_the_referral_as_before(shared):
    partner = MembershipFactory(organization=OrganizationFactory(slug="partner")).organization
    service = ServiceFactory(organization=partner)
    network = partner.network
    intake = with_two_factor(UserFactory(email="intake@a.example"))
    RoleFactory(user=intake, network=network, role="intake")
    editor = with_two_factor(UserFactory(email="editor@a.example"))
    RoleFactory(user=editor, network=network, role="editor", organization=partner)
    request, _token = make_request(network)
    (referral,) = referral_services.referral_create(
        request=request, services=[service], message="", acting_user=intake
    )
    shared.share()
    before = (_sizes(), referral.status, request.first_contact_at)

    shared.kill_at("referral-step", "shell", "-c", STEP.format(user=editor.pk, referral=referral.pk))
    shared.take_back()

    referral.refresh_from_db()
    request.refresh_from_db()
    assert (_sizes(), referral.status, request.first_contact_at) == before
    assert not ReferralEvent.objects.filter(referral=referral, status=Referral.Status.ACCEPTED).exists()
    assert AccessLog.objects.count() == before[0]["referrals.AccessLog"]
