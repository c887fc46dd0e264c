"""Signal URLs: proposals from the platform's figures (the coordinator and trekkers only)."""

from django.urls import path

from hvhk.signals.views import proposals

urlpatterns = [
    path("signals/proposals/", proposals.proposal_list, name="proposals"),
    path("signals/proposals/<uuid:pk>/accept/", proposals.proposal_accept, name="proposal-accept"),
    path("signals/proposals/<uuid:pk>/dismiss/", proposals.proposal_dismiss, name="proposal-dismiss"),
]
