"""One HSDS service record (nested, as the API and the JSON export give it) → validated rows for our models.

Validation happens here, in Python and per record, so that every problem names its record and field path and
nothing has been written yet. What needs the database (ids of other networks, references to records outside
the file) is checked per chunk by the importer.

Organisations, locations, taxonomies, taxonomy terms and areas recur in many records: the first complete copy
is mapped, later identical copies are recognised by a digest and skipped, and a later copy that differs is an
error (one id, two versions: which one is right is for a person to decide).

The package: `records` (what a mapped record is made of), `fields` (plain fields and their checks), `shared`
(organisations, places, categories and areas that recur across records) and `mapper` (a service and its
nested children).
"""

from hvhk.directory.hsds.mapping.fields import MAX_TEXT_LENGTH
from hvhk.directory.hsds.mapping.mapper import Mapper
from hvhk.directory.hsds.mapping.records import Bag, Mapped, Problem, Row, digest

__all__ = ["MAX_TEXT_LENGTH", "Bag", "Mapped", "Mapper", "Problem", "Row", "digest"]
