from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hvhk.demo.services import demo_code


class Command(BaseCommand):
    help = "Print the demo accounts' two-factor code of this moment (development only)."

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "demo-code works only with HVHK_DEBUG=1: production accounts have their own apps."
            )
        self.stdout.write(demo_code())
