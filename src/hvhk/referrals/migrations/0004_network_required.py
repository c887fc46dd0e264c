import django.db.models.deletion
from django.db import migrations, models


def _required(model_name):
    return migrations.AlterField(
        model_name=model_name,
        name="network",
        field=models.ForeignKey(
            on_delete=django.db.models.deletion.CASCADE,
            related_name="+",
            to="core.network",
            verbose_name="netwerk",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("referrals", "0003_fill_network")]

    operations = [_required("referral"), _required("consent"), _required("referralevent")]
