"""Background tasks of search (django-tasks; `hvhk db_worker` runs what is enqueued)."""

from django_tasks import task

from hvhk.search import indexing


@task()
def repair_search_index(network_id: str) -> int:
    """Rebuild the index of a network marked stale (an import whose process died before it had indexed)."""
    return indexing.repair_stale(network_id=network_id)
