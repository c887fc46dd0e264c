from django.conf import settings
from django.core.management.base import BaseCommand

from hvhk.volunteers.services import volunteers_retention


class Command(BaseCommand):
    help = (
        "Anonymise the volunteers who stopped or were not taken on more than HVHK_VOLUNTEER_RETENTION_MONTHS ago, "
        "and candidates nobody followed up in that time (run daily from cron or a systemd timer; running it twice "
        "does no harm). Their dates, municipality and hours stay, without a name, for the yearly count."
    )

    def handle(self, *args, **options) -> None:
        months = settings.VOLUNTEER_RETENTION_MONTHS
        self.stdout.write(f"Volunteers retention: anonymising who stopped more than {months} months ago …")
        count = volunteers_retention()
        self.stdout.write(
            f"Volunteers retention: {count} volunteers anonymised (stopped more than {months} months ago)."
        )
