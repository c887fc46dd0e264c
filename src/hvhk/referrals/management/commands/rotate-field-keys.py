from django.core.management.base import BaseCommand
from django.db import transaction

from hvhk.referrals.fields import EncryptedTextField
from hvhk.referrals.models import Referral, ReferralEvent, SupportRequest

MODELS = (SupportRequest, Referral, ReferralEvent)


class Command(BaseCommand):
    help = (
        "Encrypt every personal-data field again with the first key of HVHK_FIELD_KEYS. Put the new key first, "
        "keep the old ones behind it, run this, then remove the old keys."
    )

    def handle(self, *args, **options) -> None:
        total = 0
        for model in MODELS:
            fields = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
            count = model.objects.count()
            done = 0
            # Reading decrypts with any key; saving encrypts with the newest.
            for row in model.objects.only("pk", *fields).iterator(chunk_size=500):
                with transaction.atomic():
                    model.objects.filter(pk=row.pk).update(**{name: getattr(row, name) for name in fields})
                done += 1
                if done % 1000 == 0 or done == count:
                    self.stdout.write(f"{model._meta.verbose_name_plural}: {done}/{count}", ending="\r")
            self.stdout.write(f"{model._meta.verbose_name_plural}: {done} rows re-encrypted")
            total += done
        self.stdout.write(self.style.SUCCESS(f"Rotated: {total} rows now use the newest key."))
