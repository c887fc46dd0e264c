"""PostgreSQL: separate GIN-indexed vectors for the name and the life domains/target groups, so a search in one
field is answered by its own index without re-reading every matching row (a weight filter needs a recheck)."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN name_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', name_tokens)) STORED",
    "ALTER TABLE search_searchdocument ADD COLUMN term_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', term_tokens)) STORED",
    "CREATE INDEX search_searchdocument_name_vector ON search_searchdocument USING GIN (name_vector)",
    "CREATE INDEX search_searchdocument_term_vector ON search_searchdocument USING GIN (term_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_searchdocument_term_vector",
    "DROP INDEX IF EXISTS search_searchdocument_name_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS term_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS name_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
