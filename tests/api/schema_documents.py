"""Hypothesis strategies for documents that are valid against the official HSDS 3.0.1 schemas.

The compiled schemas (schema/compiled/service.json, organization.json) use a small part of JSON Schema: types
object, array, string and number, `properties`, `required`, `items`, `enum` and five string formats. This
module turns exactly that into strategies (hypothesis-jsonschema would, but its 0.23 release does not run on the
Hypothesis this project locks). Every drawn document is checked against the schema with jsonschema, so the
strategies cannot drift into producing invalid data unnoticed.
"""

import json
from datetime import UTC
from pathlib import Path

from hypothesis import strategies as st

# Values a real export carries, and the awkward ones: markup, scripts, NUL, right-to-left text, long words.
_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        ["", " ", "Consultatiebureau", "<script>alert(1)</script>", "a\x00b", "مرحبا", "x" * 300, "0", "true"]
    ),
)
_URI = st.one_of(
    st.sampled_from(
        [
            "https://www.kindengezin.be/",
            "http://example.org/a?b=c",
            "javascript:alert(document.cookie)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://files.example.org/x",
            "mailto:info@example.org",
            "urn:isbn:0451450523",
            "//example.org",
        ]
    ),
    st.from_regex(r"\Ahttps?://[a-z]{1,10}\.(be|org)(/[a-z0-9]{0,8})?\Z"),
)
_FORMATS = {
    "uuid": st.uuids().map(str),
    "date-time": st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
    "email": st.one_of(st.emails(), st.sampled_from(["info@example.org", "a@b.c"])),
    "uri": _URI,
}


def _strategy(schema: dict, depth: int) -> st.SearchStrategy:
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {key: _strategy(sub, depth + 1) for key, sub in properties.items() if key in required},
            optional={
                key: _strategy(sub, depth + 1) for key, sub in properties.items() if key not in required
            },
        )
    if kind == "array":
        return st.lists(_strategy(schema["items"], depth + 1), max_size=2 if depth < 2 else 1)
    if kind == "number":
        return st.one_of(
            st.integers(-(10**12), 10**12), st.floats(allow_nan=False, allow_infinity=False), st.just(0)
        )
    if kind == "string":
        return _FORMATS.get(schema.get("format"), _TEXT)
    raise ValueError(f"The schema uses a type these strategies do not know: {kind!r}")


def documents(schema_dir: Path, name: str) -> st.SearchStrategy[dict]:
    """Documents valid against schema/compiled/<name>.json."""
    from jsonschema import Draft202012Validator

    schema = json.loads((schema_dir / "schema" / "compiled" / f"{name}.json").read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _strategy(schema, 0).filter(validator.is_valid)


def service_records(schema_dir: Path) -> st.SearchStrategy[dict]:
    """What an import reads: a service as /services/{id} gives it, or an organisation inside a small service."""
    wrapped = documents(schema_dir, "organization").map(
        lambda organization: {
            "id": "0d4c8a5e-8c1b-4e49-9c1a-6f1d2b3c4d5e",
            "name": "Aanbod",
            "status": "active",
            "organization": organization,
        }
    )
    return st.one_of(documents(schema_dir, "service"), wrapped)
