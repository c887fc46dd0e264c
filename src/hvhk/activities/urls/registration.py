"""Activity URLs: an activity's page with its registration form, and the private link of a registration."""

from django.urls import path

from hvhk.activities.views import registration

urlpatterns = [
    path("activities/<uuid:pk>/", registration.detail, name="detail"),
    path("activities/<uuid:pk>/register/", registration.register, name="register"),
    path("activities/r/<str:token>/", registration.registration_page, name="registration"),
    path("activities/r/<str:token>/change/", registration.registration_change, name="registration-change"),
    path("activities/r/<str:token>/cancel/", registration.registration_cancel, name="registration-cancel"),
    path("activities/r/<str:token>/accept/", registration.registration_accept, name="registration-accept"),
    path("activities/r/<str:token>/decline/", registration.registration_decline, name="registration-decline"),
]
