"""Background tasks of the engagement declarations (django-tasks; `hvhk db_worker` runs what is enqueued).

A module of its own (not network/tasks.py), so each topic of the network app keeps its tasks apart."""

from django_tasks import task

from hvhk.directory.models import Organization
from hvhk.network.models import Declaration
from hvhk.network.services.engagement import declaration_reminder_send


@task()
def send_declaration_reminder(declaration_id: str, organization_id: str) -> int:
    """Remind one partner to sign the newest declaration; 0 when it signed meanwhile or was just reminded."""
    declaration = Declaration.objects.select_related("network").filter(pk=declaration_id).first()
    organization = Organization.objects.filter(pk=organization_id).first()
    if declaration is None or organization is None or organization.network_id != declaration.network_id:
        return 0
    return declaration_reminder_send(declaration=declaration, organization=organization)
