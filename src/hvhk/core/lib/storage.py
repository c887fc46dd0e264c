"""Private files (signed declarations, meeting documents): kept outside MEDIA_ROOT and only ever served by a view
that checks who asks."""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    """The `private` storage of settings.STORAGES (a callable, so tests can point it elsewhere)."""
    return storages["private"]
