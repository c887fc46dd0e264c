"""The index follows an import durably: the import writes a stale mark (and enqueues the worker's repair) in its
own transaction, and clears the mark once it has indexed. A process that dies in between leaves the mark, which
/healthz reports and the repair clears."""

import json
import uuid

import pytest
from django_tasks_db.models import DBTaskResult

from hvhk.core.models import Network
from hvhk.directory.hsds.service import import_file
from hvhk.directory.models import Service
from hvhk.search import indexing
from hvhk.search.models import SearchDocument, StaleIndex
from hvhk.search.tasks import repair_search_index
from tests.api.records import service_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def hsds_file(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([service_record(name=f"Speelpleinwerking {i}") for i in range(3)]))
    return path


@pytest.fixture
def network(db):
    return Network.objects.create(slug="voorbeeld", name="Voorbeeld")


def _died_after_commit(monkeypatch) -> None:
    """The importing process dies once its data is committed, before it has indexed anything."""

    def die(**kwargs):
        raise SystemExit("killed")

    monkeypatch.setattr(indexing, "catch_up", die)


def test_an_import_that_indexes_leaves_no_mark(hsds_file, network):
    report = import_file(hsds_file, network)

    assert report.saved and report.indexed == 3
    assert not StaleIndex.objects.exists()
    assert SearchDocument.objects.filter(network=network).count() == 3


def test_a_process_that_dies_after_the_commit_leaves_the_mark_and_the_repair_indexes_everything(
    hsds_file, network, monkeypatch, client
):
    _died_after_commit(monkeypatch)
    with pytest.raises(SystemExit):
        import_file(hsds_file, network)
    monkeypatch.undo()

    assert Service.objects.for_network(network).count() == 3
    assert SearchDocument.objects.filter(network=network).count() == 0
    assert StaleIndex.objects.filter(network=network).exists()
    health = client.get("/healthz")
    assert (
        health.status_code == 200
    )  # a stale index is work for the worker, not a reason to take the site down
    assert health.json()["search_index"]["status"] == "stale"
    assert health.json()["search_index"]["networks"] == ["voorbeeld"]

    assert indexing.repair_stale() == 3

    assert SearchDocument.objects.filter(network=network).count() == 3
    assert not StaleIndex.objects.exists()
    assert client.get("/healthz").json()["search_index"] == {"status": "ok"}


def test_a_dry_run_or_a_refused_file_leaves_no_mark(hsds_file, network, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([service_record(name="")]))

    import_file(hsds_file, network, dry_run=True)
    import_file(bad, network)

    assert not StaleIndex.objects.exists()


def test_with_the_database_queue_the_repair_task_is_enqueued_in_the_import_transaction(
    hsds_file, network, monkeypatch, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.SEARCH_REPAIR_DELAY_S = 60
    _died_after_commit(monkeypatch)
    with pytest.raises(SystemExit):
        import_file(hsds_file, network)
    monkeypatch.undo()

    (task,) = DBTaskResult.objects.all()
    assert task.task_path == "hvhk.search.tasks.repair_search_index"
    assert task.run_after is not None  # it waits a minute: the importing process usually indexes first
    assert repair_search_index.call(str(network.pk)) == 3
    assert not StaleIndex.objects.exists()


def test_catching_up_clears_only_the_mark_of_its_own_transaction(network):
    indexing.mark_stale(network_id=network.pk)
    own = StaleIndex.objects.get()
    StaleIndex.objects.filter(pk=own.pk).update(token=uuid.uuid4())  # a later import marked it again

    indexing.catch_up(network=network, service_ids=set())

    assert StaleIndex.objects.filter(network=network).exists()  # that import's debt stays until it is paid
