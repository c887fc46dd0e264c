from django.conf import settings
from django.core.management.base import BaseCommand

from hvhk.signals.services.voice import voice_retention


class Command(BaseCommand):
    help = (
        "Erase what is personal in parents' voice once it has served its purpose (run daily from cron or a "
        "systemd timer; running it twice does no harm): e-mail addresses left with a contribution and the names, "
        "contact details and remarks of sign-ups for calls to take part, HVHK_VOICE_RETENTION_DAYS after the "
        "contribution or the call. The contributions and the number of sign-ups stay."
    )

    def handle(self, *args, **options) -> None:
        days = settings.VOICE_RETENTION_DAYS
        self.stdout.write(f"Signals retention: erasing what is older than {days} days …")
        emails, signups = voice_retention()
        self.stdout.write(f"  contributions: {emails} e-mail addresses erased")
        self.stdout.write(f"  calls to take part: {signups} sign-ups erased")
        self.stdout.write(
            f"Signals retention: {emails} e-mail addresses and {signups} sign-ups erased "
            f"(older than {days} days)."
        )
