"""Insight URLs: thresholds."""

urlpatterns: list = []
