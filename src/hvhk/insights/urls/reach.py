"""Insight URLs: reach, and each of its tables as CSV."""

from django.urls import path

from hvhk.insights.views import reach

urlpatterns = [
    path("reach/", reach.reach, name="reach"),
    path("reach/<slug:table>.csv", reach.reach_csv, name="reach-csv"),
]
