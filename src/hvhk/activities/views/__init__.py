"""Activity pages: one module per topic."""
