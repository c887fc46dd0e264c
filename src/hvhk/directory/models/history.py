"""The version history of the directory's records (django-simple-history), indexed where it is read."""

from simple_history.models import HistoricalRecords

# The history of a record is read by the record (`id`, its versions), by date and by who made the change (the
# history's own `history_date` and `history_user`, the latter also when that person is deleted) and by network.
INDEXED = frozenset({"id", "network"})


class RecordHistory(HistoricalRecords):
    """simple-history copies a record's indexes to its history table: one on every link (the service of a phone,
    the place of an opening hour, the term of an attribute, …) and on every slug. Nothing reads a history by
    those, and each one cost every written row an insert at a random place of a large index: an import of
    20,000 services wrote its history rows in 3.8 s instead of 6.0 s without them, more as the tables grow."""

    def copy_fields(self, model):
        self.no_db_index = [field.name for field in model._meta.fields if field.name not in INDEXED]
        return super().copy_fields(model)
