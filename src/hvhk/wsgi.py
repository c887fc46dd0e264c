"""WSGI entry point: `gunicorn hvhk.wsgi:application`."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251 (bootstrap, not a setting)

application = get_wsgi_application()

from hvhk.insights.charts import warm_up  # noqa: E402 (after Django is set up)

# Charts are drawn by matplotlib, whose import and fonts take a second or more: load them beside the first requests
# rather than in one.
threading.Thread(target=warm_up, name="warm-up-charts", daemon=True).start()
