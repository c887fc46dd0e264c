"""Background tasks of registrations (django-tasks; `hvhk db_worker` runs what is enqueued). The same work runs
hourly from `hvhk activities` (cron or a systemd timer); every step is safe to run twice."""

from django_tasks import task

from hvhk.activities.services.registrations import offers_expire, registrations_anonymise, reminders_send


@task()
def expire_offers() -> int:
    return offers_expire()


@task()
def send_registration_reminders() -> int:
    return reminders_send()


@task()
def anonymise_registrations() -> int:
    return registrations_anonymise()
