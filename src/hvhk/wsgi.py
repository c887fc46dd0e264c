"""WSGI entry point: `gunicorn hvhk.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251 (bootstrap, not a setting)

application = get_wsgi_application()
