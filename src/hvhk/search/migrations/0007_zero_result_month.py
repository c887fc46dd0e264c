"""Searches without (nearly) any result are counted per month, with the most results any of them found. Rows
counted before get the month they were last seen in."""

from django.db import migrations, models
from django.utils import timezone

import hvhk.search.models


def fill_month(apps, schema_editor):
    ZeroResultQuery = apps.get_model("search", "ZeroResultQuery")
    for row in ZeroResultQuery.objects.all().only("pk", "last_seen").iterator():
        month = timezone.localtime(row.last_seen).date().replace(day=1)
        ZeroResultQuery.objects.filter(pk=row.pk).update(month=month)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('search', '0006_stale_index'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='zeroresultquery',
            name='zero_result_unique_query',
        ),
        migrations.AddField(
            model_name='zeroresultquery',
            name='month',
            field=models.DateField(null=True, verbose_name='maand'),
        ),
        migrations.RunPython(fill_month, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='zeroresultquery',
            name='month',
            field=models.DateField(default=hvhk.search.models.current_month, verbose_name='maand'),
        ),
        migrations.AddField(
            model_name='zeroresultquery',
            name='max_results',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='hoogstens gevonden'),
        ),
        migrations.AlterModelOptions(
            name='zeroresultquery',
            options={'ordering': ['-month', '-count'], 'verbose_name': 'zoekvraag zonder (bijna) resultaat', 'verbose_name_plural': 'zoekvragen zonder (bijna) resultaat'},
        ),
        migrations.AddConstraint(
            model_name='zeroresultquery',
            constraint=models.UniqueConstraint(fields=('network', 'month', 'query'), name='zero_result_unique_month_query'),
        ),
    ]
