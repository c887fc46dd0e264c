"""Log filters. A family's private link is a key to their question, so its token never reaches a log line."""

import logging
import re

# The token of a private link, with or without the final slash (a link typed by hand, which Django then
# redirects): a family's question (/<network>/ask/<token>/), the answer to a meeting's invitation
# (/meetings/answer/<token>/), a person's calendar feed (/calendar/<token>.ics) and the news digest's unsubscribe
# link (/news/unsubscribe/<token>/), a volunteer's own page (/volunteer/me/<token>/). Pages with short names (/ask/jouw-vraag/…) stay readable.
PRIVATE_LINK = re.compile(
    r"(/ask/|/meetings/answer/|/calendar/|/news/unsubscribe/|/activities/r/|/volunteer/me/)[A-Za-z0-9_-]{20,}"
)
_TRACEBACKS = logging.Formatter()


def hide_private_links(value):
    """`value` with every private-link token replaced by an ellipsis; anything but a string as it is."""
    return PRIVATE_LINK.sub("\\1…", value) if isinstance(value, str) else value


class HidePrivateLinks(logging.Filter):
    """Replace the token of /<network>/ask/<token>/ in a record's message and arguments by an ellipsis."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = hide_private_links(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(hide_private_links(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: hide_private_links(arg) for key, arg in record.args.items()}
        if record.exc_info and not record.exc_text:  # a traceback's messages may quote the path too
            record.exc_text = hide_private_links(_TRACEBACKS.formatException(record.exc_info))
        return True
