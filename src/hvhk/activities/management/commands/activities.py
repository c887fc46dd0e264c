from django.core.management.base import BaseCommand

from hvhk.activities.services.registrations import offers_expire, registrations_anonymise, reminders_send


class Command(BaseCommand):
    help = (
        "Hourly activities housekeeping (run it every hour from cron or a systemd timer; running it twice does no "
        "harm): let waiting-list offers nobody confirmed in time expire and offer the places to the next family, "
        "send the reminders for tomorrow's sessions, and anonymise registrations "
        "HVHK_REGISTRATION_RETENTION_MONTHS after their session."
    )

    def handle(self, *args, **options) -> None:
        expired = offers_expire()
        reminded = reminders_send()
        anonymised = registrations_anonymise()
        self.stdout.write(
            f"Activities: {expired} offers expired, {reminded} reminders sent, "
            f"{anonymised} registrations anonymised."
        )
