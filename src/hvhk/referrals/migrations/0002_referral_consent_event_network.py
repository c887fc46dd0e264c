"""Referrals, consents and referral steps belong to a network like every other record (NetworkScopedModel):
first the new columns, nullable; 0003 fills them from the request; 0004 makes the network required."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def _network(model_name):
    return migrations.AddField(
        model_name=model_name,
        name="network",
        field=models.ForeignKey(
            null=True,
            on_delete=django.db.models.deletion.CASCADE,
            related_name="+",
            to="core.network",
            verbose_name="netwerk",
        ),
    )


def _stamps(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="aangemaakt op"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name=model_name,
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="laatst gewijzigd"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("referrals", "0001_initial"),
    ]

    operations = [
        _network("referral"),
        _network("consent"),
        _network("referralevent"),
        *_stamps("consent"),
        *_stamps("referralevent"),
        migrations.AlterField(
            model_name="referral",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
        ),
        migrations.AlterField(
            model_name="referral",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="laatst gewijzigd"),
        ),
    ]
