"""Public pages of a network's wegwijzer. Thin: they read through selectors and write through services."""
