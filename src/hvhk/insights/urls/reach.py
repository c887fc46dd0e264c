"""Insight URLs: reach."""

urlpatterns: list = []
