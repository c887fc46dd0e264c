"""Referral URLs live in one namespace, `referrals`, under two prefixes: /<network>/ask/ and /portal/."""

from django.urls import include, path

app_name = "referrals"
urlpatterns = [
    path("portal/", include("hvhk.referrals.urls_portal")),
    path("<slug:network_slug>/ask/", include("hvhk.referrals.urls_public")),
]
