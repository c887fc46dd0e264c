"""Insight URLs: coverage."""

urlpatterns: list = []
