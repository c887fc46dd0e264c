"""Text from outside (URLs, files) made safe to store and compare."""

import re

# C0 control characters other than tab, newline and carriage return. PostgreSQL refuses NUL in text outright;
# the others are never meant in a search or a name.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(value: str) -> str:
    return _CONTROL.sub("", value)
