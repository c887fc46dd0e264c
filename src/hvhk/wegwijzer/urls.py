from django.urls import path

from hvhk.wegwijzer.views import home, places, report, saved, services, suggest

app_name = "wegwijzer"

urlpatterns = [
    path("", home.home, name="home"),
    path("services/", services.services, name="services"),
    path("services/suggest/", suggest.suggestions, name="suggest"),
    path("services/<str:service_id>/", services.service_detail, name="service"),
    path("houses/", places.houses, name="houses"),
    path("houses/<slug:slug>/", places.house_detail, name="house"),
    path("organizations/<str:organization_id>/", places.organization_detail, name="organization"),
    path("list/", saved.saved, name="list"),
    path("list/add/", saved.saved_add, name="list-add"),
    path("list/remove/", saved.saved_remove, name="list-remove"),
    path("list/pdf/", saved.saved_pdf, name="list-pdf"),
    path("brochure/", saved.brochure, name="brochure"),
    path("report/", report.report, name="report"),
    path("report/thanks/", report.report_thanks, name="report-thanks"),
]
