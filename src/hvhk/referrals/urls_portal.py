from django.urls import path

from hvhk.referrals.views import intake, partner

urlpatterns = [
    path("requests/", intake.queue, name="queue"),
    path("requests/new/", intake.request_new, name="request-new"),
    path("requests/<str:request_id>/", intake.request_detail, name="request"),
    path("requests/<str:request_id>/action/", intake.request_action, name="request-action"),
    path("requests/<str:request_id>/export/", intake.request_export, name="request-export"),
    path("requests/<str:request_id>/erase/", intake.request_erase, name="request-erase"),
    path("referrals/", partner.referral_list, name="referrals"),
    path("referrals/<str:referral_id>/", partner.referral_detail, name="referral"),
    path("access-log/", intake.access_log, name="access-log"),
]
