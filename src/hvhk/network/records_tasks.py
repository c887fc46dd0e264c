"""Background tasks of decisions and actions (django-tasks; `hvhk db_worker` runs what is enqueued)."""

from django_tasks import task

from hvhk.network.services.records import action_reminders_send


@task()
def send_action_reminders() -> dict:
    """Remind owners of open actions before and after the due date; returns action_reminders_send's counts."""
    return action_reminders_send()
