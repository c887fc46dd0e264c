"""Activity pages: one module per topic (public, registration, portal)."""
