"""Messages shown next to the control they are about, instead of at the top of the page.

A view that answers a plain form post with a redirect back queues the message with `extra_tags=placed(key)`;
the template shows it beside the control `key` (filter `placed_at`), and base.html leaves it out of the
messages at the top (filter `unplaced`).
"""

from collections.abc import Iterable

from django.contrib.messages.storage.base import Message

PLACED = "placed"


def placed(key: str) -> str:
    """The extra tags of a message that belongs next to the control `key`."""
    return f"{PLACED} {key}"


def _tags(message: Message) -> list[str]:
    return (message.extra_tags or "").split()


def placed_at(messages: Iterable[Message] | None, key: str) -> list[Message]:
    return [m for m in messages or () if PLACED in _tags(m) and key in _tags(m)]


def unplaced(messages: Iterable[Message] | None) -> list[Message]:
    return [m for m in messages or () if PLACED not in _tags(m)]
