"""Demo network contents, written for the demo (example data, not real contact details).

Each network module exposes the names listed in `types.NetworkData` at module level.
"""
