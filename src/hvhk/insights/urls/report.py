"""Insight URLs: report."""

urlpatterns: list = []
