"""Activity pages: public (list, detail, registration, feeds, poster) and portal (authoring, registrations)."""
