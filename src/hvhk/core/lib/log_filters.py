"""Log filters. A family's private link is a key to their question, so its token never reaches a log line."""

import logging
import re

PRIVATE_LINK = re.compile(r"(/ask/)[A-Za-z0-9_-]{20,}(/)")


def _hide(value):
    return PRIVATE_LINK.sub(r"\1…\2", value) if isinstance(value, str) else value


class HidePrivateLinks(logging.Filter):
    """Replace the token of /<network>/ask/<token>/ in a record's message and arguments by an ellipsis."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _hide(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_hide(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _hide(arg) for key, arg in record.args.items()}
        return True
