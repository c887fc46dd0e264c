from django.urls import path

from hvhk.network.views import engagement as views

urlpatterns = [
    path("network/", views.partners_portal, name="partners-portal"),
    path("network/partners/<uuid:org_id>/", views.partner_portal, name="partner-portal"),
    path("network/partners/<uuid:org_id>/edit/", views.membership_edit, name="membership-edit"),
    path("network/declarations/", views.declarations, name="declarations"),
    path("network/declarations/new/", views.declaration_new, name="declaration-new"),
    path("network/declarations/<uuid:pk>/", views.declaration, name="declaration"),
    path("network/declarations/<uuid:pk>/sign/", views.declaration_sign, name="declaration-sign"),
    path("network/declarations/<uuid:pk>/paper/", views.signature_paper, name="signature-paper"),
    path("network/signatures/<uuid:pk>/scan/", views.signature_scan, name="signature-scan"),
    path("network/directory/", views.directory, name="directory"),
]
