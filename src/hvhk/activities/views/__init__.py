"""Views of activities, one module per topic."""
