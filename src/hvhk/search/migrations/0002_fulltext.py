"""The full-text index beside search_searchdocument: an FTS5 table on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both index the already analysed tokens (hvhk.search.analysis), so both databases see the same words.
"""

from django.db import migrations

COLUMNS = "network_id, name_tokens, term_tokens, org_tokens, body_tokens"
NEW = "new.id, new.network_id, new.name_tokens, new.term_tokens, new.org_tokens, new.body_tokens"
OLD = "old.id, old.network_id, old.name_tokens, old.term_tokens, old.org_tokens, old.body_tokens"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, content='search_searchdocument',
        content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='3')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES ({NEW}); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', {OLD}); END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', {OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES ({NEW}); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', name_tokens), 'A') || setweight(to_tsvector('simple', term_tokens), 'B')
        || setweight(to_tsvector('simple', org_tokens), 'C') || setweight(to_tsvector('simple', body_tokens), 'D')
    ) STORED""",
    "CREATE INDEX search_searchdocument_vector ON search_searchdocument USING GIN (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_searchdocument_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
