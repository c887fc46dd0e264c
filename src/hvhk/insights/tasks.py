"""Background tasks of insights (django-tasks; `hvhk db_worker` runs what is enqueued): the overlap of a large
offering, computed ahead and kept as a Snapshot the page shows with when it was computed."""

from django_tasks import task

from hvhk.core.models import Network
from hvhk.insights.services.overlap import overlap_snapshot_store


@task()
def overlap_compute_task(network_id: str) -> int:
    """Compute and store the overlap of one network; the number of flagged pairs (0 for a network gone)."""
    network = Network.objects.filter(pk=network_id).first()
    if network is None:
        return 0
    return len(overlap_snapshot_store(network=network).data.get("pairs", []))
