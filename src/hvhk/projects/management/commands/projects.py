from django.core.management.base import BaseCommand

from hvhk.projects.services import deadline_reminders_due
from hvhk.projects.tasks import send_deadline_reminder


class Command(BaseCommand):
    help = (
        "Queue the deadline reminders of funding calls (run daily from cron or a systemd timer; running it twice "
        "sends nothing twice): four weeks and one week before a call's deadline, to the partners who follow calls "
        "on its themes and to the partners and coordinator of an application still in the making."
    )

    def handle(self, *args, **options) -> None:
        due = deadline_reminders_due()
        for call, which in due:
            send_deadline_reminder.enqueue(str(call.pk), which)
            self.stdout.write(f"  {which} before {call.deadline:%Y-%m-%d}: {call.title[:60]}")
        self.stdout.write(f"Projects: {len(due)} deadline reminders queued.")
