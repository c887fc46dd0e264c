"""Reads of the signals app, always through the network. `access` says who sees what."""
