from django.core.management.base import BaseCommand, CommandError

from hvhk.demo.services import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load or restore the demo networks (leuven, heusden-zolder) and their accounts. Safe to run twice."

    def handle(self, *args, **options) -> None:
        try:
            summary = demo_load()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{n} {name}" for name, n in summary.counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: networks {', '.join(summary.networks)}; {counts}; {summary.users} accounts "
                f"(password {DEMO_PASSWORD})."
            )
        )
        self.stdout.write(summary.network.line())
        acts = summary.activities
        self.stdout.write(
            f"activities: {acts.activities} activities, {acts.sessions} sessions, {acts.registrations} registrations"
        )
        self.stdout.write(summary.signals.line())
        self.stdout.write(summary.volunteers.line())
        self.stdout.write(summary.projects.line())
