from django.urls import path

from hvhk.network.views import engagement as views

urlpatterns = [
    path("partners/", views.partners, name="partners"),
    path("partners/declaration.pdf", views.declaration_pdf, name="declaration-pdf"),
]
