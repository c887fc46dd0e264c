"""Background tasks of the portal (django-tasks; `hvhk db_worker` runs what is enqueued)."""

from django_tasks import task

from hvhk.portal.freshness import send_reminders


@task()
def send_freshness_reminders() -> dict:
    """The weekly freshness reminder to partner editors; returns the counts of freshness.send_reminders."""
    return send_reminders()
