"""Every existing referral, consent and referral step takes the network of its request; a consent's and a step's
new time stamps take the moment they were given or taken."""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def fill(apps, schema_editor):
    SupportRequest = apps.get_model("referrals", "SupportRequest")
    Referral = apps.get_model("referrals", "Referral")
    Consent = apps.get_model("referrals", "Consent")
    ReferralEvent = apps.get_model("referrals", "ReferralEvent")
    network_of_request = SupportRequest.objects.filter(pk=OuterRef("request_id")).values("network_id")[:1]
    Referral.objects.update(network_id=Subquery(network_of_request))
    Consent.objects.update(
        network_id=Subquery(network_of_request), created_at=F("given_at"), updated_at=F("given_at")
    )
    network_of_referral = Referral.objects.filter(pk=OuterRef("referral_id")).values("network_id")[:1]
    ReferralEvent.objects.update(network_id=Subquery(network_of_referral), created_at=F("at"), updated_at=F("at"))


class Migration(migrations.Migration):
    dependencies = [("referrals", "0002_referral_consent_event_network")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
