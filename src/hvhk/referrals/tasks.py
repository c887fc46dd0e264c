"""Background tasks of referrals (django-tasks; `hvhk db_worker` runs what is enqueued)."""

from django_tasks import task

from hvhk.referrals.services import reminders_send, requests_anonymise


@task()
def send_referral_reminders() -> int:
    return reminders_send()


@task()
def anonymise_closed_requests() -> int:
    return requests_anonymise()
