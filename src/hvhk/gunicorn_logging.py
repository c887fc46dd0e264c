"""Gunicorn's own logs without the token of a family's private link.

The private link `/<network>/ask/<token>/` is a key to a family's request. Django's log lines pass through
hvhk.core.lib.log_filters.HidePrivateLinks, but gunicorn writes its access log itself: with `--access-logfile`
on, the first request of a private link (the request line, the path, and any header or environ atom of the
format) would land there whole. This logger class replaces the token by "…" in every atom of the access log and
in the error log's lines, the way the Django filter does; every other field is logged as gunicorn logs it:

    gunicorn --logger-class hvhk.gunicorn_logging.Logger --access-logfile - hvhk.wsgi:application

It imports nothing of Django: gunicorn loads it before the application.
"""

from gunicorn import glogging

from hvhk.core.lib.log_filters import HidePrivateLinks, hide_private_links


class Logger(glogging.Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        # The error log's records carry the path as a plain argument ("Error handling request %s"): the filter
        # fits. It is added once; gunicorn calls setup() again when it reloads its configuration.
        if not any(isinstance(f, HidePrivateLinks) for f in self.error_log.filters):
            self.error_log.addFilter(HidePrivateLinks())

    def atoms(self, resp, req, environ, request_time) -> dict:
        # The access log's record holds these atoms in gunicorn's own mapping (case-insensitive headers, "-" for
        # a missing one), so they are masked here rather than by a filter that would replace that mapping.
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: hide_private_links(value) for key, value in atoms.items()}
