"""Insight URLs, all under /portal/insights/, in one namespace `insights`; each part has its own module."""

from django.urls import include, path

from hvhk.insights.views import overview

app_name = "insights"
urlpatterns = [
    path("portal/insights/", overview.index, name="index"),
    path("portal/insights/", include("hvhk.insights.urls.coverage")),
    path("portal/insights/", include("hvhk.insights.urls.overlap")),
    path("portal/insights/", include("hvhk.insights.urls.thresholds")),
    path("portal/insights/", include("hvhk.insights.urls.reach")),
    path("portal/insights/", include("hvhk.insights.urls.report")),
]
