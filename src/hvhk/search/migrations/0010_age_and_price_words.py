"""Documents now carry their service's ages and kinds of price as words too (hvhk.search.indexing.age_words), and
on SQLite an age or price filter asks for them: documents indexed before this have none, so the index is rebuilt
once, here (about a minute at 100,000 services; nothing to do on a new database)."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if not apps.get_model("search", "SearchDocument").objects.exists():
        return
    # The live indexer, as in 0009: it must write what today's search reads.
    from hvhk.search.indexing import reindex

    reindex()


class Migration(migrations.Migration):
    # The rebuild commits its own transaction, then vacuums and rebuilds the indexes (outside one).
    atomic = False

    dependencies = [
        ("search", "0009_place_words"),
        ("directory", "0010_history_indexes_where_read"),
    ]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
