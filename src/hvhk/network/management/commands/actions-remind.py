from django.core.management.base import BaseCommand

from hvhk.network.records_tasks import send_action_reminders


class Command(BaseCommand):
    help = (
        "Remind the owners of open network actions three days before the due date and one day after it when the "
        "action is still open; each reminder goes out once. Schedule it daily (cron or a systemd timer: "
        "`hvhk actions-remind`). By default the task is enqueued and `hvhk db_worker` executes it; --now sends "
        "the e-mails in this command."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true", help="send now instead of enqueueing the task")

    def handle(self, *args, now: bool = False, **options) -> None:
        if not now:
            self.stdout.write("Enqueueing the action reminders…")
            result = send_action_reminders.enqueue()
            self.stdout.write(f"Action reminders enqueued (task {result.id}); `hvhk db_worker` sends them.")
            return
        self.stdout.write("Sending the action reminders…")
        counts = send_action_reminders.call()
        self.stdout.write(
            self.style.SUCCESS(
                f"Action reminders: {counts['before']} before the due date, {counts['after']} after it; "
                f"{counts['without_recipient']} actions without anyone to mail."
            )
        )
