import json
from pathlib import Path

import pytest
from django.conf import settings

BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


@pytest.fixture(scope="session")
def hsds():
    """Validators for the official HSDS 3.0 schemas (settings.HSDS_SCHEMAS_DIR); tests skip without them."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    root = Path(settings.HSDS_SCHEMAS_DIR)
    if not (root / "schema").is_dir():
        pytest.skip(f"Official HSDS schemas not found at {root} (set HVHK_HSDS_SCHEMAS); CI sets it.")
    registry = Registry().with_resources(
        (
            BASE + p.relative_to(root / "schema").as_posix(),
            Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012),
        )
        for p in (root / "schema").rglob("*.json")
    )

    def validator(target: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"$ref": BASE + target}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    return validator
