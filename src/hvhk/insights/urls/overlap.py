"""Insight URLs: overlap."""

urlpatterns: list = []
