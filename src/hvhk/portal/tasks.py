"""Background tasks of the portal (django-tasks; `hvhk db_worker` runs what is enqueued)."""

from django_tasks import task

from hvhk.portal.freshness import freshness_reminders_send


@task()
def send_freshness_reminders() -> dict:
    """The weekly freshness reminder to partner editors; returns the counts of freshness.freshness_reminders_send."""
    return freshness_reminders_send()
