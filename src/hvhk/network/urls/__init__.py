"""Network URLs live in one namespace, `network`, under two prefixes: /portal/ (staff) and /<network>/ (public:
partners, news, the answer link of an invitation, private calendar feeds). Each topic keeps its own module."""

from django.urls import include, path

app_name = "network"
urlpatterns = [
    path("portal/", include("hvhk.network.urls.engagement_portal")),
    path("portal/", include("hvhk.network.urls.meetings_portal")),
    path("portal/", include("hvhk.network.urls.records_portal")),
    path("portal/", include("hvhk.network.urls.news_portal")),
    path("<slug:network_slug>/", include("hvhk.network.urls.engagement_public")),
    path("<slug:network_slug>/", include("hvhk.network.urls.meetings_public")),
    path("<slug:network_slug>/", include("hvhk.network.urls.news_public")),
]
