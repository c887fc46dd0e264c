"""Reads of the network app, always through the network (STYLE.md rule 3). `access` holds who sees which body,
meeting and document; the other modules read per topic."""
