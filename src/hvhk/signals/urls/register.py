"""Signal URLs: the register (signals and themes) in the portal."""

from django.urls import path

from hvhk.signals.views import register

urlpatterns = [
    path("signals/", register.signal_list, name="list"),
    path("signals/new/", register.signal_new, name="new"),
    path("signals/themes/", register.theme_list, name="themes"),
    path("signals/themes/new/", register.theme_new, name="theme-new"),
    path("signals/themes/<uuid:pk>/", register.theme_detail, name="theme-detail"),
    path("signals/themes/<uuid:pk>/edit/", register.theme_edit, name="theme-edit"),
    path("signals/<uuid:pk>/", register.signal_detail, name="detail"),
    path("signals/<uuid:pk>/edit/", register.signal_edit, name="edit"),
]
