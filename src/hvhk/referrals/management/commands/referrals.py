from django.core.management.base import BaseCommand

from hvhk.referrals.services import reminders_send, requests_anonymise


class Command(BaseCommand):
    help = (
        "Daily referral housekeeping (run from cron or a systemd timer): remind partners of referrals that stay "
        "unanswered, and replace requests closed longer than HVHK_REQUEST_RETENTION_MONTHS ago by anonymous facts."
    )

    def handle(self, *args, **options) -> None:
        reminded = reminders_send()
        anonymised = requests_anonymise()
        self.stdout.write(f"Referrals: {reminded} reminders sent, {anonymised} closed requests anonymised.")
