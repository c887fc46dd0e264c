"""Draft moved to the directory app (directory 0006 takes it over): the table is renamed, its rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="draft", table="directory_draft")],
            state_operations=[migrations.DeleteModel(name="Draft")],
        ),
    ]
