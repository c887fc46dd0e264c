from django.urls import path

from hvhk.portal.views import edit, freshness, home, people, reports, review

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("role/", home.switch_role, name="switch-role"),
    path("services/new/", edit.service_new, name="service-new"),
    path("services/<str:service_id>/", edit.service_edit, name="service"),
    path("services/<str:service_id>/still-correct/", edit.still_correct, name="still-correct"),
    path("drafts/<str:draft_id>/", edit.draft_edit, name="draft"),
    path("drafts/<str:draft_id>/preview/", edit.draft_preview, name="draft-preview"),
    path("drafts/<str:draft_id>/withdraw/", edit.draft_withdraw, name="draft-withdraw"),
    path("organizations/<str:organization_id>/", edit.organization_edit, name="organization"),
    path("locations/<str:location_id>/", edit.location_edit, name="location"),
    path("fresh/<str:token>/", freshness.confirm, name="fresh"),
    path("reports/", reports.inbox, name="reports"),
    path("reports/<str:report_id>/", reports.report, name="report"),
    path("people/", people.people, name="people"),
    path("people/invitations/<str:invitation_id>/revoke/", people.revoke, name="revoke-invitation"),
    path("people/roles/<str:assignment_id>/remove/", people.remove_role, name="remove-role"),
    path("review/", review.queue, name="review-queue"),
    path("review/<str:draft_id>/", review.review, name="review"),
]
