"""Writes of activities, one module per topic (STYLE.md rule 2)."""
