from django.core.management.base import BaseCommand

from hvhk.portal.tasks import send_freshness_reminders


class Command(BaseCommand):
    help = (
        "Remind partner editors of services not checked for FRESHNESS_MONTHS, one e-mail per editor and "
        "organisation. Schedule it weekly (cron or a systemd timer: `hvhk freshness`): each run mails again, "
        "nothing remembers the last reminder. By default the task is enqueued and `hvhk db_worker` executes it; "
        "--now sends the e-mails in this command."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true", help="send now instead of enqueueing the task")

    def handle(self, *args, now: bool = False, **options) -> None:
        if not now:
            result = send_freshness_reminders.enqueue()
            self.stdout.write(
                f"Freshness reminders enqueued (task {result.id}); `hvhk db_worker` sends them."
            )
            return
        counts = send_freshness_reminders.call()
        without = counts["without_editor"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Freshness reminders: {counts['emails']} e-mails for {counts['services']} overdue services "
                f"in {counts['organizations']} organisations; {len(without)} without an editor"
                + (f": {', '.join(without)}." if without else ".")
            )
        )
