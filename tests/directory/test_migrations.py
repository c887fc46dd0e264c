"""Migrations that move data keep it: drafts went from the portal app to the directory app."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("portal", "0001_initial"), ("directory", "0005_history")]
AFTER = [("portal", "0002_draft_to_directory"), ("directory", "0006_draft")]


@pytest.mark.django_db(transaction=True)
def test_drafts_and_their_permissions_survive_the_move_to_the_directory_app():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    network = old.get_model("core", "Network").objects.create(slug="verhuis", name="Verhuis")
    organization = old.get_model("directory", "Organization").objects.create(
        network=network, name="Partner", slug="partner"
    )
    draft = old.get_model("portal", "Draft").objects.create(
        network=network,
        organization=organization,
        kind="service",
        title="Klad",
        data={"name": "Klad"},
        status="submitted",
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="portal", model="draft"
    )[0]

    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    moved = new.get_model("directory", "Draft").objects.get(pk=draft.pk)
    assert (moved.title, moved.status, moved.data, moved.organization_id) == (
        "Klad",
        "submitted",
        {"name": "Klad"},
        organization.pk,
    )
    content_type.refresh_from_db()
    assert content_type.app_label == "directory"  # permissions given on drafts stay given

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # the rest of the schema back for the next tests


def _history_indexes() -> dict[str, set[str]]:
    """Per history table of the directory's records: the columns of its one-column indexes."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith("directory_historical") and table != "directory_historicaldraft":
                constraints = connection.introspection.get_constraints(cursor, table)
                found[table] = {
                    about["columns"][0]
                    for about in constraints.values()
                    if about["index"] and not about["primary_key"] and len(about["columns"]) == 1
                }
    return found


@pytest.mark.django_db(transaction=True)
def test_history_tables_keep_only_the_indexes_they_are_read_by_both_ways():
    """Record, date, author and network; not the links and slugs copied from the records, which every import
    paid for (see models/history.py). Undoing the migration puts them back."""
    read_by = {"id", "history_date", "history_user_id", "network_id"}
    executor = MigrationExecutor(connection)
    now = _history_indexes()
    assert len(now) == 16
    assert all(columns == read_by for columns in now.values()), now

    executor.migrate([("directory", "0009_location_uitdatabank_place_id")])
    before = _history_indexes()
    assert before["directory_historicalphone"] == read_by | {
        "contact_id",
        "location_id",
        "organization_id",
        "service_id",
        "service_at_location_id",
    }
    assert "slug" in before["directory_historicalorganization"]

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert _history_indexes() == now
