"""What a mapped record is made of: rows for our models, the links to check later, and the problems found."""

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _


@dataclass
class Problem:
    """One thing wrong with one record, in words a coordinator can act on."""

    index: int | None  # 1-based position of the record in the file; None for the file as a whole
    record_id: str
    path: str
    message: str

    def __str__(self) -> str:
        where = _("record {index}").format(index=self.index) if self.index else _("bestand")
        if self.record_id:
            where += f" (id {self.record_id})"
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


@dataclass
class Row:
    model: type[models.Model]
    values: dict[str, Any]  # attribute names (foreign keys as `…_id`), always with "id"


@dataclass
class Bag:
    """What one record, or one shared entity inside it, maps to."""

    rows: list[Row] = field(default_factory=list)
    childsets: list[tuple[type[models.Model], str, uuid.UUID, set]] = field(default_factory=list)
    refs: list[tuple[type[models.Model], uuid.UUID, str]] = field(default_factory=list)
    # Links checked once the whole file is in (the parent may come later): (model, id, path, owner model, owner id).
    deferred: list[tuple] = field(default_factory=list)
    pillar_services: dict[uuid.UUID, tuple[set, str]] = field(default_factory=dict)
    claims: list[tuple[str, Any, Any]] = field(default_factory=list)
    shared: set = field(default_factory=set)  # keys of the shared entities this bag uses
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


@dataclass
class Mapped:
    """One record, mapped: its own rows, the shared entities it brought first, and what went wrong."""

    index: int
    id: str
    own: Bag
    new_shared: dict[tuple, Bag]
    problems: list[Problem]

    @property
    def service_id(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.id)
        except ValueError:
            return None


class _Invalid(Exception):
    """A value could not be used; the error is already in the bag."""


def digest(raw: Any) -> str:
    return hashlib.blake2b(json.dumps(raw, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()
