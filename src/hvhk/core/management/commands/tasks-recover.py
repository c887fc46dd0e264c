import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hvhk.core.models import SentMail

STALE_MINUTES = 60  # no job of ours runs this long: one still RUNNING lost its worker
MAX_ATTEMPTS = 3  # a job whose worker died this often (out of memory?) fails instead of killing the next one
SENT_MAIL_DAYS = 30  # the outbox only has to outlive a job's re-runs


class WorkerDied(Exception):
    """Stored as the error of a job given up on (django-tasks keeps the exception's class and text)."""


class Command(BaseCommand):
    help = (
        "Return background jobs whose worker died (killed, out of memory, a restart) to the queue, so "
        "`hvhk db_worker` runs them again: django-tasks leaves such a job RUNNING for ever. A job RUNNING for "
        f"more than --older-than minutes (default {STALE_MINUTES}) counts as dead; after {MAX_ATTEMPTS} attempts "
        f"it is marked failed instead. Also forgets outbox rows (who had which mail) after {SENT_MAIL_DAYS} days. "
        "Run it every few minutes (cron or a systemd timer) and before starting the worker; safe to run twice. "
        "Jobs that send mail skip who already had theirs (core/lib/mail.send_once)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than",
            type=float,
            default=STALE_MINUTES,
            metavar="MINUTES",
            help="a RUNNING job started longer ago than this lost its worker",
        )

    def handle(self, *args, older_than: float, **options) -> None:
        now = timezone.now()
        before = now - dt.timedelta(minutes=older_than)
        requeued = failed = 0
        with transaction.atomic():
            stale = DBTaskResult.objects.running().filter(started_at__lte=before).select_for_update()
            for job in stale:
                if len(job.worker_ids) >= MAX_ATTEMPTS:
                    job.set_failed(
                        WorkerDied(f"The worker died {len(job.worker_ids)} times during this job.")
                    )
                    failed += 1
                else:
                    # The library's own fields: READY is what its worker picks up; worker_ids keeps the attempts.
                    job.status = TaskResultStatus.READY
                    job.save(update_fields=["status"])
                    requeued += 1
        forgotten, _by_model = SentMail.objects.filter(
            sent_at__lt=now - dt.timedelta(days=SENT_MAIL_DAYS)
        ).delete()
        self.stdout.write(
            f"Tasks: {requeued} jobs whose worker died queued again, {failed} given up; "
            f"{forgotten} outbox rows forgotten."
        )
