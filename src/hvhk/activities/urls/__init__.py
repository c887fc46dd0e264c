"""Activity URLs live in one namespace, `activities`, under two prefixes: /portal/ (partners and the coordinator)
and /<network>/ (families: the list, an activity, feeds, the house poster, registration and its private link)."""

from django.urls import include, path

app_name = "activities"
urlpatterns = [
    path("portal/", include("hvhk.activities.urls.portal")),
    path("portal/", include("hvhk.activities.urls.portal_registrations")),
    path("<slug:network_slug>/", include("hvhk.activities.urls.public")),
    path("<slug:network_slug>/", include("hvhk.activities.urls.registration")),
]
