"""WSGI entry point: `gunicorn hvhk.wsgi:application`."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251 (bootstrap, not a setting)

application = get_wsgi_application()

from hvhk.insights.charts import warm_up  # noqa: E402 (after Django is set up)
from hvhk.search.concepts import concept_index  # noqa: E402

# Charts are drawn by matplotlib, whose import and fonts take a second or more, and search's vocabulary (with the
# Arabic root stemmer's import) takes half a second: load them beside the first requests rather than in one.
threading.Thread(target=warm_up, name="warm-up-charts", daemon=True).start()
threading.Thread(target=concept_index, name="warm-up-search", daemon=True).start()
