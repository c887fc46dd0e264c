from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from hvhk.accounts import views as accounts_views
from hvhk.api.hsds import api as hsds_api
from hvhk.core import views as core_views

admin.site.site_header = "Huis van het Kind – beheer"
admin.site.site_title = "Huis van het Kind"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # The admin signs in through the site's login, so two-factor authentication applies there too.
    path("admin/login/", core_views.admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("accounts/invitation/<str:token>/", accounts_views.invitation, name="invitation"),
    path("accounts/", include("allauth.urls")),
    path("portal/", include("hvhk.portal.urls")),
    path("", include("hvhk.referrals.urls")),
    path("", include("hvhk.network.urls")),
    path("", include("hvhk.activities.urls")),
    path("", include("hvhk.signals.urls")),
    path("", include("hvhk.volunteers.urls")),
    path("", include("hvhk.projects.urls")),
    path("", include("hvhk.insights.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("<slug:network_slug>/brand.css", core_views.brand_css, name="brand-css"),
    path("", hsds_api.urls),
    path("<slug:network_slug>/", include("hvhk.wegwijzer.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
