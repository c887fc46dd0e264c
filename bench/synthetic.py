"""A reproducible synthetic network for benchmarks: N services written by recombining the demo's own texts.

Names and sentences come from the Leuven demo, mixed with a fixed random seed, so word frequencies look like a
real directory's and every run builds exactly the same data. Rows are written with bulk inserts (no signals):
the benchmark times the search index build separately.
"""

import datetime as dt
import random
import uuid
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction

from hvhk.core.models import Area, Network
from hvhk.demo.files import DemoFiles
from hvhk.directory import models as m
from hvhk.directory.services import taxonomy_seed
from hvhk.search.services import synonym_seed

SEED = 20261124
BATCH = 2000
PLACES = [
    ("Leuven", "3000", 50.879, 4.701),
    ("Heverlee", "3001", 50.862, 4.695),
    ("Kessel-Lo", "3010", 50.888, 4.733),
    ("Wilsele", "3012", 50.903, 4.700),
    ("Wijgmaal", "3018", 50.925, 4.700),
]
EXTRA_WORDS = [
    "rustig",
    "veilig",
    "samen",
    "buurt",
    "wekelijks",
    "maandelijks",
    "tolk",
    "gratis",
    "kosteloos",
    "vrijwilligers",
    "begeleiding",
    "ervaren",
    "gezellig",
    "klein",
    "groot",
    "ruim",
    "nieuw",
    "jong",
    "oud",
    "toegankelijk",
    "dichtbij",
    "bereikbaar",
    "flexibel",
    "vertrouwelijk",
    "anoniem",
]


def _templates() -> list[dict]:
    """The Leuven demo's services (its HSDS file) as the plain values a synthetic service copies."""
    files = DemoFiles("leuven")
    records = files.records(today=files.reference_date)
    codes = {}  # term id → (taxonomy code, term code); a term is nested in full the first time only
    for record in records:
        for attribute in record["attributes"]:
            term = attribute.get("taxonomy_term")
            if term:
                codes[term["id"]] = (term["taxonomy_detail"]["hvhk_code"], term["code"])
    how = {"at_location": "location", "at_home": "home", "online": "online", "by_phone": "phone"}
    templates = []
    for record in records:
        ages = (record.get("hvhk_minimum_age_months"), record.get("hvhk_maximum_age_months"))
        terms = [codes[a["taxonomy_term_id"]] for a in record["attributes"]]
        templates.append(
            {
                "name": record["name"],
                "description": record["description"],
                "application_process": record.get("application_process", ""),
                "age": ages if ages != (None, None) else None,
                "walk_in": record["hvhk_delivery"]["walk_in"],
                "how": [code for name, code in how.items() if record["hvhk_delivery"][name]],
                "domains": [code for taxonomy, code in terms if taxonomy == "levensdomein"],
                "groups": [code for taxonomy, code in terms if taxonomy == "doelgroep"],
                "costs": [
                    {"kind": c["hvhk_kind"], "option": c.get("option", ""), "amount": c.get("amount")}
                    for c in record["cost_options"]
                ],
                "languages": [lang["code"] for lang in record["languages"]],
                "hours": [
                    {"days": s["byday"].split(","), "opens": s["opens_at"], "closes": s["closes_at"]}
                    for s in record["schedules"]
                    if s.get("byday") and s.get("opens_at") and s.get("closes_at")
                ],
            }
        )
    return templates


def _sentences(templates: list[dict]) -> list[str]:
    out = []
    for service in templates:
        out += [s.strip() + "." for s in service["description"].split(".") if len(s.split()) > 3]
    return out


def build_network(*, slug: str, services: int, progress: Callable[[int, int], None] | None = None) -> Network:
    """Create (or replace) network `slug` with `services` synthetic services. Returns the network."""
    rng = random.Random(SEED)
    templates = _templates()
    sentences = _sentences(templates)
    Network.objects.filter(slug=slug).delete()
    with transaction.atomic():
        network = Network.objects.create(slug=slug, name=f"Benchmark {services:,}", is_demo=True)
        terms = {(t.taxonomy.code, t.code): t for t in taxonomy_seed(network=network)}
        synonym_seed(network=network)
        areas = [
            Area.objects.create(
                network=network,
                slug=name.lower(),
                name=name,
                kind=Area.Kind.SUBMUNICIPALITY,
                postcodes=postcode,
                latitude=Decimal(str(lat)),
                longitude=Decimal(str(lon)),
            )
            for name, postcode, lat, lon in PLACES
        ]
        organizations = m.Organization.objects.bulk_create(
            [
                m.Organization(
                    network=network, slug=f"org-{i}", name=f"Organisatie {i} vzw", description="Een partner."
                )
                for i in range(max(20, services // 200))
            ]
        )
        locations = []
        for i in range(max(50, services // 20)):
            _city, _postcode, lat, lon = PLACES[i % len(PLACES)]
            locations.append(
                m.Location(
                    network=network,
                    organization=organizations[i % len(organizations)],
                    name=f"Locatie {i}",
                    latitude=Decimal(f"{lat + rng.uniform(-0.015, 0.015):.6f}"),
                    longitude=Decimal(f"{lon + rng.uniform(-0.02, 0.02):.6f}"),
                    area=areas[i % len(areas)],
                )
            )
        m.Location.objects.bulk_create(locations)
        m.Address.objects.bulk_create(
            [
                m.Address(
                    network=network,
                    location=loc,
                    address_1=f"Straat {i}",
                    city=PLACES[i % len(PLACES)][0],
                    postal_code=PLACES[i % len(PLACES)][1],
                    state_province="Vlaams-Brabant",
                )
                for i, loc in enumerate(locations)
            ]
        )
        done = 0
        while done < services:
            count = min(BATCH, services - done)
            _batch(network, rng, count, done, templates, sentences, organizations, locations, terms)
            done += count
            if progress:
                progress(done, services)
    return network


def _batch(network, rng, count, offset, templates, sentences, organizations, locations, terms) -> None:
    rows, links, attributes, costs, languages, schedules = [], [], [], [], [], []
    for i in range(offset, offset + count):
        template = rng.choice(templates)
        words = rng.sample(EXTRA_WORDS, 2)
        text = " ".join([*rng.sample(sentences, 3), " ".join(words).capitalize() + "."])
        age = template["age"]
        service = m.Service(
            id=uuid.UUID(int=rng.getrandbits(128), version=4),
            network=network,
            organization=organizations[i % len(organizations)],
            name=f"{template['name']} {i % 97}",
            description=text,
            application_process=template["application_process"],
            minimum_age_months=age[0] if age else None,
            maximum_age_months=age[1] if age else None,
            walk_in=template["walk_in"],
            at_home="home" in template["how"],
            online="online" in template["how"],
            by_phone="phone" in template["how"],
            at_location="location" in template["how"],
            assured_date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
        )
        rows.append(service)
        if service.at_location:
            links.append(
                m.ServiceAtLocation(
                    network=network, service=service, location=locations[rng.randrange(len(locations))]
                )
            )
        for code in template["domains"]:
            attributes.append(
                m.Attribute(
                    network=network,
                    service=service,
                    link_type="life_domain",
                    taxonomy_term=terms[("levensdomein", code)],
                )
            )
        for code in template["groups"][:2]:
            attributes.append(
                m.Attribute(
                    network=network,
                    service=service,
                    link_type="target_group",
                    taxonomy_term=terms[("doelgroep", code)],
                )
            )
        for cost in template["costs"]:
            amount = cost.get("amount")
            costs.append(
                m.CostOption(
                    network=network,
                    service=service,
                    kind=cost["kind"],
                    option=cost["option"],
                    amount=Decimal(str(amount)) if amount else None,
                )
            )
        languages += [
            m.Language(network=network, service=service, code=c, name=c) for c in template["languages"]
        ]
        for hours in template["hours"]:
            schedules.append(
                m.Schedule(
                    network=network,
                    service=service,
                    byday=",".join(hours["days"]),
                    opens_at=dt.time.fromisoformat(hours["opens"]),
                    closes_at=dt.time.fromisoformat(hours["closes"]),
                )
            )
    m.Service.objects.bulk_create(rows)
    for model, objects in (
        (m.ServiceAtLocation, links),
        (m.Attribute, attributes),
        (m.CostOption, costs),
        (m.Language, languages),
        (m.Schedule, schedules),
    ):
        model.objects.bulk_create(objects, batch_size=BATCH)
