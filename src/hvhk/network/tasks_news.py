"""Background tasks of the network's news (django-tasks; `hvhk db_worker` runs what is enqueued). A module of its
own, beside the other network topics' tasks."""

from django_tasks import task

from hvhk.core.models import Network
from hvhk.network.services.news import news_digest_send


@task()
def send_news_digest(network_id: str) -> dict:
    """The weekly news digest of one network; returns the counts of services.news.news_digest_send."""
    network = Network.objects.filter(pk=network_id, is_active=True).first()
    if network is None:
        return {"sent": 0, "skipped": 0}
    return news_digest_send(network=network)
