from django.core.management.base import BaseCommand, CommandError

from hvhk.core.models import Network
from hvhk.network.selectors import engagement as selectors
from hvhk.network.selectors.engagement import REMIND_EVERY_DAYS
from hvhk.network.tasks_engagement import send_declaration_reminder


class Command(BaseCommand):
    help = (
        "Remind every partner that has not signed the newest engagement declaration of its network: one e-mail to "
        "the network contact person (else the organisation's editors), at most once per "
        f"{REMIND_EVERY_DAYS} days per partner and version. Schedule it daily or weekly (cron or a systemd timer: "
        "`hvhk declarations-remind`); it enqueues one task per partner, which `hvhk db_worker` runs. Safe to run "
        "twice: a partner reminded less than 14 days ago is skipped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", metavar="SLUG", help="only this network (its slug)")

    def handle(self, *args, network: str | None = None, **options) -> None:
        networks = Network.objects.filter(is_active=True).order_by("name")
        if network:
            networks = networks.filter(slug=network)
            if not networks.exists():
                raise CommandError(f"No active network with the slug {network!r}.")
        enqueued = skipped = without = 0
        for each in networks:
            declaration = selectors.newest_declaration(network=each)
            if declaration is None:
                without += 1
                self.stdout.write(f"{each.name}: no engagement declaration published yet.")
                continue
            unsigned = selectors.unsigned_organizations(declaration=declaration).count()
            due = list(selectors.reminders_due(declaration=declaration))
            skipped += unsigned - len(due)
            self.stdout.write(
                f"{each.name}: version {declaration.version}, {unsigned} partners still to sign, "
                f"{len(due)} to remind now."
            )
            for organization in due:
                send_declaration_reminder.enqueue(str(declaration.pk), str(organization.pk))
                enqueued += 1
                self.stdout.write(f"  reminder enqueued for {organization.name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Declaration reminders: {enqueued} enqueued, {skipped} skipped (reminded in the last "
                f"{REMIND_EVERY_DAYS} days), {without} networks without a declaration."
            )
        )
