"""Insight URLs: the annual report (its page with the year's texts, and its PDF)."""

from django.urls import path

from hvhk.insights.views import report

urlpatterns = [
    path("report/", report.report, name="report"),
    path("report/<int:year>.pdf", report.report_download, name="report-pdf"),
]
