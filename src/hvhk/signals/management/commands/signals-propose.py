import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hvhk.core.models import Network
from hvhk.signals.services.proposals import signals_propose


def _month(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").date()  # noqa: DTZ007 (a month, no time of day)
    except ValueError as exc:
        raise CommandError(f"--month wants YYYY-MM (for example 2026-11), not {value!r}.") from exc


class Command(BaseCommand):
    help = (
        "Propose draft signals from the platform's own figures of one month: searches on the wegwijzer that found "
        "(nearly) nothing, requests per life domain without a referral or declined for no capacity or not "
        "eligible, full activities with long waiting lists, services overdue for verification. The coordinator "
        "accepts or dismisses them at /portal/signals/proposals/. Schedule it monthly (cron or a systemd timer: "
        "`hvhk signals-propose` early in the month); each proposal is made once, so running it twice is safe."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", metavar="SLUG", help="only this network (default: every active one)")
        parser.add_argument("--month", metavar="YYYY-MM", help="the month to count (default: last month)")

    def handle(self, *args, network: str | None = None, month: str | None = None, **options) -> None:
        if month:
            first = _month(month)
            if first > timezone.localdate().replace(day=1):
                raise CommandError(f"{month} has not begun yet: choose this month or an earlier one.")
        else:
            first = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        networks = Network.objects.filter(is_active=True).order_by("slug")
        if network:
            networks = Network.objects.filter(slug=network)
            if not networks.exists():
                raise CommandError(f"No network with the slug {network!r}.")
        total = 0
        done = 0
        for each in networks:
            self.stdout.write(f"{each.slug}: counting {first:%Y-%m}…")
            created = signals_propose(network=each, month=first)
            total += len(created)
            done += 1
            kinds: dict[str, int] = {}
            for signal in created:
                kinds[signal.figures["kind"]] = kinds.get(signal.figures["kind"], 0) + 1
            detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
            self.stdout.write(
                f"{each.slug}: {len(created)} new proposal{'' if len(created) == 1 else 's'}"
                + (f" ({detail})" if detail else "")
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Signal proposals for {first:%Y-%m}: {total} new in {done} network{'' if done == 1 else 's'}."
            )
        )
