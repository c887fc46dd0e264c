"""Small, valid HSDS service records for tests that must not depend on the official examples."""

import uuid


def service_record(**changes) -> dict:
    org_id = str(uuid.uuid4())
    record = {
        "id": str(uuid.uuid4()),
        "name": "Spelotheek De Knikker",
        "status": "active",
        "description": "Speelgoed lenen voor kinderen van 0 tot 12 jaar.",
        "organization": {
            "id": org_id,
            "name": "Vzw De Knikker",
            "description": "Een spelotheek in de buurt.",
        },
        "phones": [{"id": str(uuid.uuid4()), "number": "016 12 34 56"}],
        "minimum_age": 0,
        "maximum_age": 12,
    }
    record.update(changes)
    return record
