"""Sending e-mail through Django's mail API (console or file backend in development, SMTP in production).

Background jobs send through `send_once`: a job whose worker died runs again (`hvhk tasks-recover`), and the
outbox (core.models.SentMail) makes sure nobody gets its mails twice. A mail is recorded right after it left, so
a job killed between the send and the record may still send that one mail again; nothing narrower is possible
without a transactional mail server."""

from contextvars import ContextVar

from django.core.mail import EmailMessage, send_mail
from django.utils.crypto import salted_hmac
from django_tasks.signals import task_finished, task_started

from hvhk.core.lib.faults import pause_point

KEY_SALT = "hvhk.core.sent-mail"

# The ids of the jobs this process is running, innermost last (django-tasks' signals around each job; the
# immediate backend of the tests runs a job enqueued by a job inside it), for job_key().
_jobs: ContextVar[tuple[str, ...]] = ContextVar("hvhk_mail_jobs", default=())


def send(
    subject: str,
    body: str,
    to: list[str],
    *,
    attachments: list[tuple[str, str | bytes, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """Send one message from DEFAULT_FROM_EMAIL. The subject is made one line: it often holds a name a partner
    typed, and a line break in it would make Django refuse the whole message (BadHeaderError). `attachments`
    are (filename, content, mimetype) triples (an invitation's .ics); `headers` extra headers."""
    subject = " ".join(str(subject).split())
    if not attachments and not headers:
        return send_mail(subject, body, None, to)
    message = EmailMessage(subject, body, None, to, headers=headers)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()


def job_key(purpose: str) -> str:
    """A key for send_once that holds for one job (its re-runs included): `purpose` within the running job.
    Empty outside a job (a command's --now, a direct call): then send_once simply sends."""
    jobs = _jobs.get()
    return f"job:{jobs[-1]}:{purpose}" if jobs else ""


def send_once(
    subject: str,
    body: str,
    to: list[str],
    *,
    key: str,
    attachments: list[tuple[str, str | bytes, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    """send(), but only to the recipients who did not have the mail of `key` yet (one message to all of them),
    recorded per recipient once it left. `key` names what the mail is for: a thing (`projects.call-alert:<id>`)
    when it goes once per thing, or job_key(purpose) when it goes once per job. An empty key sends as send().

    Outside a transaction the record is committed at once; inside one it commits with it."""
    from hvhk.core.models import SentMail  # (models import core.lib)

    if not key:
        return send(subject, body, to, attachments=attachments, headers=headers)
    keys = {address: _outbox_key(key, address) for address in to}
    done = set(SentMail.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    todo = [address for address in to if keys[address] not in done]
    if not todo:
        return 0
    sent = send(subject, body, todo, attachments=attachments, headers=headers)
    if sent:
        SentMail.objects.bulk_create([SentMail(key=keys[a]) for a in todo], ignore_conflicts=True)
        pause_point("task-mail-sent")  # (tests/faults: a worker killed after its first mail)
    return sent


def already_sent(*, key: str, to: list[str]) -> bool:
    """Whether everyone in `to` had the mail of `key` (an earlier run of the job sent it before it died)."""
    from hvhk.core.models import SentMail

    keys = {_outbox_key(key, address) for address in to}
    return bool(key and keys) and SentMail.objects.filter(key__in=keys).count() == len(keys)


def _outbox_key(key: str, address: str) -> str:
    """What the outbox stores: an HMAC of purpose and address, so it holds no address."""
    return salted_hmac(KEY_SALT, f"{key}\n{address.strip().lower()}", algorithm="sha256").hexdigest()


def _job_started(sender, task_result, **kwargs) -> None:
    _jobs.set((*_jobs.get(), str(task_result.id)))


def _job_finished(sender, task_result, **kwargs) -> None:
    _jobs.set(_jobs.get()[:-1])


task_started.connect(_job_started, dispatch_uid="hvhk.core.lib.mail.job_started")
task_finished.connect(_job_finished, dispatch_uid="hvhk.core.lib.mail.job_finished")
