"""Insight URLs: coverage (/portal/insights/coverage/…, and the CSV files beside /portal/insights/)."""

from django.urls import path

from hvhk.insights.views import coverage

urlpatterns = [
    path("coverage/", coverage.coverage, name="coverage"),
    path("coverage/services/", coverage.cell, name="coverage-services"),
    path("coverage/houses/", coverage.houses, name="coverage-houses"),
    path("coverage/boundaries/", coverage.boundaries, name="coverage-boundaries"),
    path("coverage.csv", coverage.coverage_csv, name="coverage-csv"),
    path("coverage-houses.csv", coverage.houses_csv, name="coverage-houses-csv"),
]
