from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from hvhk.core.models import Network
from hvhk.network.tasks_news import send_news_digest


class Command(BaseCommand):
    help = (
        "The weekly news digest (schedule it weekly with cron or a systemd timer: `hvhk news-digest`): one task "
        "per active network mails each subscriber who still holds a role there the posts published since their "
        "last digest (or the last 7 days); nobody gets a mail without news, and no post is mailed twice. "
        "`hvhk db_worker` runs the tasks; --network limits it to one network (its slug)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", help="the slug of one network (default: every active network)")

    def handle(self, *args, network: str | None = None, **options) -> None:
        networks = Network.objects.filter(is_active=True).order_by("name")
        if network:
            networks = networks.filter(slug=network)
            if not networks.exists():
                raise CommandError(f"No active network with the slug {network!r}.")
        enqueued = sent = skipped = 0
        for item in networks:
            result = send_news_digest.enqueue(str(item.pk))
            enqueued += 1
            line = f"{item.name}: task {result.id} enqueued"
            if result.status == TaskResultStatus.SUCCESSFUL:  # an immediate backend ran it already
                counts = result.return_value
                sent += counts["sent"]
                skipped += counts["skipped"]
                line += f", {counts['sent']} digests sent, {counts['skipped']} subscribers without news"
            self.stdout.write(line + ".")
        summary = f"News digest: {enqueued} networks enqueued"
        if sent or skipped:
            summary += f"; {sent} digests sent, {skipped} subscribers without news"
        self.stdout.write(self.style.SUCCESS(summary + "."))
