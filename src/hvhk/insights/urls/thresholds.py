"""Insight URLs: thresholds."""

from django.urls import path

from hvhk.insights.views import thresholds

urlpatterns = [
    path("thresholds/", thresholds.thresholds, name="thresholds"),
    path("thresholds.csv", thresholds.thresholds_csv, name="thresholds-csv"),
    path("thresholds-summary.csv", thresholds.thresholds_summary_csv, name="thresholds-summary-csv"),
]
