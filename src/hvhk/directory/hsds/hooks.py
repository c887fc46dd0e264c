"""What an import tells the apps above directory, so that what they derive from its data (the search index)
follows it durably, without directory importing them (the layers run core → directory → search).

- `import_saving` is sent inside the import's transaction, once every row is written, with the services
  whose derived data must change. A receiver records what it owes in the same transaction (the search index
  writes a "stale" mark and enqueues a repair task): if the process dies after the commit, the debt is on disk.
- `import_saved` is sent once the transaction has committed, with the same arguments. A receiver pays the debt
  and clears its mark, and returns how many services it brought up to date (the import's report shows it).

Both send `network` (a Network) and `service_ids` (a set of service ids).
"""

from django.dispatch import Signal

import_saving = Signal()
import_saved = Signal()
