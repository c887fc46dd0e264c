"""Documents now carry where their service is as words (hvhk.search.indexing.place_token), and an area filter asks
for them: documents indexed before this have none, so the index is rebuilt once, here (about a minute at 100,000
services; nothing to do on a new database)."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if not apps.get_model("search", "SearchDocument").objects.exists():
        return
    # The live indexer, not historical models: it must write what today's search reads. The dependencies below
    # make sure every table it reads is there.
    from hvhk.search.indexing import reindex

    reindex()


class Migration(migrations.Migration):
    atomic = False  # the rebuild commits its own transaction, then vacuums and rebuilds the indexes (outside one)

    dependencies = [
        ("search", "0008_monthly_use"),
        ("directory", "0009_location_uitdatabank_place_id"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
