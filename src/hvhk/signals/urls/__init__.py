"""Signal URLs live in one namespace, `signals`, under two prefixes: /portal/ (the register, themes, proposals
from the figures, parents' contributions, calls and policy notes) and /<network>/ (parents' voice, feedback and
calls to take part)."""

from django.urls import include, path

app_name = "signals"
urlpatterns = [
    path("portal/", include("hvhk.signals.urls.register")),
    path("portal/", include("hvhk.signals.urls.proposals")),
    path("portal/", include("hvhk.signals.urls.voice_portal")),
    path("portal/", include("hvhk.signals.urls.notes")),
    path("<slug:network_slug>/", include("hvhk.signals.urls.voice_public")),
]
