from django.core.management.base import BaseCommand

from hvhk.feedback.services import reporter_emails_erase


class Command(BaseCommand):
    help = (
        "Erase personal data that is kept no longer than needed (run daily, e.g. from cron or a systemd "
        "timer): reporters' e-mail addresses 90 days after their report was closed."
    )

    def handle(self, *args, **options) -> None:
        erased = reporter_emails_erase()
        self.stdout.write(f"Retention: {erased} reporter e-mail addresses erased.")
