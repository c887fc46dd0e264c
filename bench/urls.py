"""The site's URLs plus a bare baseline page, served only by the benchmark's own WSGI entry point."""

from django.urls import path

from bench.views import bare_results
from hvhk.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/bare/", bare_results), *site_urlpatterns]
