"""Any document valid against the official HSDS 3.0.1 schema imports, or is refused with a message that names
the record and the field: never a traceback. Property-based: the documents are drawn from the schema itself
(tests/api/schema_documents.py), the same ones on every run (the "ci" profile in tests/conftest.py)."""

import json
import tempfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from hvhk.core.models import Network
from hvhk.directory.hsds.service import import_file
from hvhk.directory.models import Service, TaxonomyTerm
from tests.api.records import service_record
from tests.api.schema_documents import service_records

pytestmark = pytest.mark.django_db
SCHEMAS = Path(settings.HSDS_SCHEMAS_DIR)
if not (SCHEMAS / "schema" / "compiled").is_dir():
    pytest.skip(f"Official HSDS schemas not found at {SCHEMAS}", allow_module_level=True)


def _import(network: Network, data) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_text(json.dumps([data]), encoding="utf-8")
        return import_file(path, network)


@pytest.fixture
def network(db):
    return Network.objects.create(slug="schema", name="Schema")


@hypothesis_settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(record=service_records(SCHEMAS))
def test_a_schema_valid_document_imports_or_each_problem_names_its_record_and_field(network, record):
    report = _import(network, record)  # no exception: a traceback here is the bug this test looks for

    if report.saved:
        assert report.problem_count == 0
        assert Service.objects.for_network(network).filter(name=record["name"]).exists()
        return
    assert report.problems, report.summary()
    for problem in report.problems:
        assert problem.index == 1, problem  # the record: its position in the file …
        assert problem.record_id == record["id"], problem  # … and its id
        assert problem.path or "id" in problem.message, problem  # the field (or the id it is about)
        assert "Traceback" not in problem.message and "Error" not in problem.message, problem


def test_a_term_that_names_its_taxonomy_only_in_words_goes_into_that_taxonomy(network, tmp_path):
    terms = [
        {
            "id": str(uuid.uuid4()),
            "name": name,
            "description": "Een doelgroep",
            "taxonomy": "Doelgroepen van Kind en Gezin",
        }
        for name in ("Zwangere vrouwen", "Tieners")
    ]
    record = service_record(attributes=[{"id": str(uuid.uuid4()), "taxonomy_term": t} for t in terms])

    report = _import(network, record)
    again = _import(network, record)

    assert report.saved, report.summary()
    taxonomies = {term.taxonomy for term in TaxonomyTerm.objects.for_network(network)}
    assert [t.name for t in taxonomies] == ["Doelgroepen van Kind en Gezin"]
    assert again.saved and again.services.unchanged == 1


def test_a_term_without_any_taxonomy_goes_into_other_categories(network):
    term = {"id": str(uuid.uuid4()), "name": "Opvoeding", "description": "Vragen over opvoeden"}
    record = service_record(attributes=[{"id": str(uuid.uuid4()), "taxonomy_term": term}])

    report = _import(network, record)

    assert report.saved, report.summary()
    assert TaxonomyTerm.objects.get(pk=term["id"]).taxonomy.name == "Overige categorieën"
