"""Activity URLs: public (the list, the feeds, a house's programme poster)."""

from django.urls import path

from hvhk.activities.views import public

urlpatterns = [
    path("activities/", public.activity_list, name="list"),
    path("activities.ics", public.feed, name="feed"),
    path("activities/<uuid:pk>/activity.ics", public.activity_ics, name="activity-ics"),
    path("houses/<slug:house_slug>/programme.pdf", public.poster, name="poster"),
]
