"""Volunteer URLs, one namespace `volunteers` under two prefixes: /<network>/volunteer/ (the public roles and the
sign-up, a volunteer's private page) and /portal/volunteers/ (roles, the pool, placements, hours, the access log)."""

from django.urls import path

from hvhk.volunteers.views import portal, public

app_name = "volunteers"
urlpatterns = [
    path("portal/volunteers/", portal.overview, name="portal"),
    path("portal/volunteers/pool/", portal.pool, name="portal-pool"),
    path("portal/volunteers/roles/new/", portal.role_new, name="portal-role-new"),
    path("portal/volunteers/roles/<uuid:pk>/", portal.role_detail, name="portal-role"),
    path("portal/volunteers/roles/<uuid:pk>/edit/", portal.role_edit, name="portal-role-edit"),
    path("portal/volunteers/roles/<uuid:pk>/status/", portal.role_status, name="portal-role-status"),
    path("portal/volunteers/people/<uuid:pk>/", portal.volunteer_detail, name="portal-detail"),
    path("portal/volunteers/people/<uuid:pk>/propose/", portal.volunteer_propose, name="portal-propose"),
    path("portal/volunteers/people/<uuid:pk>/hours/", portal.volunteer_hours, name="portal-hours"),
    path("portal/volunteers/people/<uuid:pk>/erase/", portal.volunteer_erase, name="portal-erase"),
    path(
        "portal/volunteers/people/<uuid:pk>/agreement.pdf",
        portal.volunteer_agreement,
        name="portal-agreement",
    ),
    path("portal/volunteers/placements/<uuid:pk>/", portal.placement_step, name="portal-placement"),
    path("portal/volunteers/help/new/", portal.help_new, name="portal-help-new"),
    path("portal/volunteers/help/<uuid:pk>/", portal.help_detail, name="portal-help"),
    path("portal/volunteers/help/<uuid:pk>/close/", portal.help_close, name="portal-help-close"),
    path("portal/volunteers/thanks/new/", portal.thank_you_new, name="portal-thanks-new"),
    path("portal/volunteers/access-log/", portal.access_log, name="portal-access-log"),
    path("<slug:network_slug>/volunteer/", public.volunteer, name="public"),
    path("<slug:network_slug>/volunteer/thanks/", public.thanks, name="thanks"),
    path("<slug:network_slug>/volunteer/me/<str:token>/", public.private, name="private"),
    path(
        "<slug:network_slug>/volunteer/me/<str:token>/help/<uuid:pk>/", public.help_answer, name="help-answer"
    ),
]
