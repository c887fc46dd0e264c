"""Loading the demo networks: an idempotent sync of the hand-written data in `hvhk.demo.data`.

Every row gets a UUID derived from its key, so a second run updates the same rows, and rows of the demo
networks that the data no longer has are removed: the demo always ends in the same state.
"""

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from types import ModuleType

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import translation

from hvhk.accounts.models import RoleAssignment, User
from hvhk.accounts.selectors import needs_two_factor
from hvhk.core.models import Area, Network
from hvhk.demo.data import heusden_zolder, leuven
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.languages import language_name
from hvhk.directory.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    House,
    Language,
    Location,
    Membership,
    Organization,
    Phone,
    Pillar,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from hvhk.directory.services import taxonomy_seed
from hvhk.referrals import services as referrals
from hvhk.referrals.models import SupportRequest
from hvhk.search.indexing import reindex
from hvhk.search.services import synonym_seed

DEMO_PASSWORD = "hvhk-demo"  # noqa: S105 (documented demo password)
# Accounts that see personal data sign in with an authenticator app; in the demo they share this documented
# secret (README), and `hvhk demo-code` prints the code of the moment.
DEMO_TOTP_SECRET = "HVHKDEMOHVHKDEMO"  # noqa: S105
DEMO_NETWORKS: tuple[ModuleType, ...] = (leuven, heusden_zolder)
NAMESPACE = uuid.UUID("6f1c2a4e-8b0d-4c1e-9a57-3d2f0e9b7c11")

PILLAR_ORDER = ["reception", "consultation", "play", "parenting_advice", "group_offer", "extra"]
# Models whose demo rows are pruned when the data no longer has them, children before parents.
SYNCED_MODELS: tuple[type[models.Model], ...] = (
    Pillar,
    House,
    Attribute,
    CostOption,
    Language,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    Service,
    Accessibility,
    Address,
    Location,
    Membership,
    Organization,
    Area,
)


def demo_id(network_slug: str, kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{network_slug}/{kind}/{key}")


@dataclass
class DemoSummary:
    networks: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    users: int = 0


@dataclass
class _Sync:
    """Upserts rows with fixed ids and remembers them, so rows it did not touch can be pruned.

    Existing rows are read once per model, and a row is only written when a value differs, so running the
    demo again is mostly reads.
    """

    network: Network
    touched: dict[type[models.Model], set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    existing: dict[type[models.Model], dict[uuid.UUID, models.Model]] = field(default_factory=dict)

    def id(self, kind: str, key: str) -> uuid.UUID:
        return demo_id(self.network.slug, kind, key)

    def _rows(self, model: type[models.Model]) -> dict[uuid.UUID, models.Model]:
        if model not in self.existing:
            self.existing[model] = {obj.pk: obj for obj in model.objects.filter(network=self.network)}
        return self.existing[model]

    def put(self, model: type[models.Model], key: str, **values) -> models.Model:
        pk = self.id(model._meta.model_name, key)
        rows = self._rows(model)
        obj = rows.get(pk)
        changed = obj is None
        if obj is None:
            obj = rows[pk] = model(pk=pk)
        for name, value in {"network": self.network, **values}.items():
            field_ = model._meta.get_field(name)
            current = getattr(obj, field_.attname)
            new = value.pk if isinstance(value, models.Model) else value
            if current != new:
                setattr(obj, name, value)
                changed = True
        if changed:
            # Foreign keys point at rows this run just wrote, so their existence queries are skipped.
            obj.clean_fields(exclude=[f.name for f in model._meta.fields if f.is_relation])
            obj.clean()
            obj.save()
        self.touched[model].add(pk)
        return obj

    def prune(self) -> None:
        for model in SYNCED_MODELS:
            model.objects.filter(network=self.network).exclude(pk__in=self.touched[model]).delete()


def _hours(sync: _Sync, owner_key: str, hours: Iterable[dict], **owner) -> None:
    for i, h in enumerate(hours):
        sync.put(
            Schedule,
            f"{owner_key}/{i}",
            freq=Schedule.Freq.WEEKLY,
            byday=",".join(h["days"]),
            opens_at=dt.time.fromisoformat(h["opens"]),
            closes_at=dt.time.fromisoformat(h["closes"]),
            description=h.get("note", ""),
            **owner,
        )


def _load_network(data: ModuleType) -> Network:
    info = data.NETWORK
    network, _created = Network.objects.update_or_create(
        slug=info["slug"],
        defaults={
            "name": info["name"],
            "description": info["description"],
            "email": info["email"],
            "phone": info["phone"],
            "website": info["website"],
            "address": info["address"],
            "colour": info["colour"],
            "is_demo": True,
            "is_active": True,
        },
    )
    network.full_clean()
    sync = _Sync(network)
    terms = {
        (t.taxonomy.code, t.code): t
        for t in TaxonomyTerm.objects.for_network(network).select_related("taxonomy")
    }
    if len(terms) == 0:
        terms = {(t.taxonomy.code, t.code): t for t in taxonomy_seed(network=network)}
    synonym_seed(network=network)

    areas: dict[str, Area] = {}
    for a in sorted(data.AREAS, key=lambda a: a["kind"] != "municipality"):
        areas[a["key"]] = sync.put(
            Area,
            a["key"],
            slug=a["key"],
            name=a["name"],
            kind=a["kind"],
            parent=areas.get(a.get("parent", "")),
            postcodes=",".join(a["postcodes"]),
            latitude=Decimal(str(a["lat"])),
            longitude=Decimal(str(a["lon"])),
        )

    orgs: dict[str, Organization] = {}
    for o in data.ORGANIZATIONS:
        org = orgs[o["slug"]] = sync.put(
            Organization,
            o["slug"],
            slug=o["slug"],
            name=o["name"],
            alternate_name=o.get("alternate_name", ""),
            description=o["description"],
            email=o["email"],
            website=o["website"],
            legal_status=o.get("legal_status", ""),
        )
        sync.put(Phone, f"org/{o['slug']}", organization=org, number=o["phone"])
        if o["role"]:
            signed = o.get("engagement_signed_on")
            sync.put(
                Membership,
                o["slug"],
                organization=org,
                role=o["role"],
                engagement_signed_on=dt.date.fromisoformat(signed) if signed else None,
                joined_on=dt.date.fromisoformat(signed) if signed else None,
            )

    locations: dict[str, Location] = {}
    for loc in data.LOCATIONS:
        location = locations[loc["key"]] = sync.put(
            Location,
            loc["key"],
            organization=orgs[loc["org"]],
            name=loc["name"],
            description=loc.get("description", ""),
            transportation=loc.get("transportation", ""),
            latitude=Decimal(str(loc["lat"])).quantize(Decimal("0.000001")),
            longitude=Decimal(str(loc["lon"])).quantize(Decimal("0.000001")),
            area=areas[loc["area"]],
            location_type=Location.LocationType.PHYSICAL,
        )
        sync.put(
            Address,
            loc["key"],
            location=location,
            address_1=loc["address_1"],
            city=loc["city"],
            postal_code=loc["postal_code"],
            state_province=_province(loc["postal_code"]),
            country="BE",
        )
        for feature in loc["accessibility"]:
            sync.put(
                Accessibility,
                f"{loc['key']}/{feature}",
                location=location,
                feature=feature,
                description=str(Accessibility.Feature(feature).label),
            )
        _hours(sync, f"location/{loc['key']}", loc.get("hours", []), location=location)

    services: dict[str, Service] = {}
    for s in data.SERVICES:
        services[s["key"]] = _load_service(sync, s, orgs, locations, areas, terms)

    for h in data.HOUSES:
        house = sync.put(
            House,
            h["slug"],
            slug=h["slug"],
            name=h["name"],
            description=h["description"],
            location=locations[h["location"]],
            organization=orgs.get(h.get("org", "")),
        )
        extra = 0
        for p in h["pillars"]:
            key = p["kind"] if p["kind"] != "extra" else f"extra/{(extra := extra + 1)}"
            pillar = sync.put(
                Pillar,
                f"{h['slug']}/{key}",
                house=house,
                kind=p["kind"],
                name=p.get("name", ""),
                description=p["description"],
                position=PILLAR_ORDER.index(p["kind"]) * 10 + extra,
            )
            pillar.services.set([services[k] for k in p["services"]])

    sync.prune()
    return network


def _load_service(sync, s, orgs, locations, areas, terms) -> Service:
    age = s["age"]
    how = set(s["how"])
    service = sync.put(
        Service,
        s["key"],
        organization=orgs[s["org"]],
        name=s["name"],
        description=s["description"],
        status=s.get("status", "active"),
        application_process=s["application_process"],
        eligibility_description=s.get("eligibility_description", ""),
        alert=s.get("alert", ""),
        url=s.get("url", ""),
        email=s.get("email", ""),
        minimum_age_months=age[0] if age else None,
        maximum_age_months=age[1] if age else None,
        assured_date=dt.date.fromisoformat(s["assured_date"]),
        at_location="location" in how,
        at_home="home" in how,
        online="online" in how,
        by_phone="phone" in how,
        walk_in=s["walk_in"],
        translations=s.get("translations", {}),
        fees_description="; ".join(_cost_text(c) for c in s["costs"]),
    )
    key = s["key"]
    for code in s["domains"]:
        sync.put(
            Attribute,
            f"{key}/domain/{code}",
            service=service,
            taxonomy_term=terms[(LIFE_DOMAINS_CODE, code)],
            link_type=Attribute.LinkType.LIFE_DOMAIN,
        )
    for code in s["groups"]:
        sync.put(
            Attribute,
            f"{key}/group/{code}",
            service=service,
            taxonomy_term=terms[(TARGET_GROUPS_CODE, code)],
            link_type=Attribute.LinkType.TARGET_GROUP,
        )
    for i, c in enumerate(s["costs"]):
        amount = c.get("amount")
        sync.put(
            CostOption,
            f"{key}/{i}",
            service=service,
            kind=c["kind"],
            option=c["option"],
            amount=Decimal(str(amount)).quantize(Decimal("0.01")) if amount is not None else None,
        )
    for code in s["languages"]:
        sync.put(Language, f"{key}/{code}", service=service, code=code, name=language_name(code))
    for loc_key in s["locations"]:
        sync.put(ServiceAtLocation, f"{key}/{loc_key}", service=service, location=locations[loc_key])
    for area_key in s.get("areas", []):
        sync.put(
            ServiceArea, f"{key}/{area_key}", service=service, area=areas[area_key], name=areas[area_key].name
        )
    if s.get("phone"):
        sync.put(Phone, f"service/{key}", service=service, number=s["phone"])
    _hours(sync, f"service/{key}", s["hours"], service=service)
    return service


def _cost_text(cost: dict) -> str:
    amount = cost.get("amount")
    return f"{cost['option']}: € {amount:.2f}".replace(".", ",") if amount else cost["option"]


def _province(postcode: str) -> str:
    return "Limburg" if postcode.startswith("35") else "Vlaams-Brabant"


class _Passwords:
    """One argon2 hash of the demo password for every demo account: hashing 40 times would take seconds."""

    def __init__(self) -> None:
        self.encoded = make_password(DEMO_PASSWORD)
        self.verified = {self.encoded}

    def ensure(self, user: User) -> None:
        if user.password in self.verified:
            return
        if user.password and user.check_password(DEMO_PASSWORD):
            self.verified.add(user.password)
        else:
            user.password = self.encoded


def _user(
    email: str, *, full_name: str, passwords: _Passwords, staff: bool = False, superuser: bool = False
) -> User:
    user = User.objects.filter(email=email).first() or User(email=email)
    passwords.ensure(user)
    user.full_name, user.is_staff, user.is_superuser, user.is_active = full_name, staff, superuser, True
    user.save()
    return user


def _role(user: User, network: Network, role: str, organization: Organization | None = None) -> None:
    RoleAssignment.objects.get_or_create(user=user, network=network, role=role, organization=organization)


def _load_accounts(networks: dict[str, Network]) -> int:
    passwords = _Passwords()
    users = [
        _user(
            "admin@hvhk.demo", full_name="Platformbeheerder", passwords=passwords, staff=True, superuser=True
        )
    ]
    for slug, network in networks.items():
        coordinator = _user(
            f"coordinator@{slug}.demo",
            full_name=f"Coördinator {network.name}",
            passwords=passwords,
            staff=True,
        )
        _role(coordinator, network, RoleAssignment.Role.COORDINATOR)
        users.append(coordinator)
        for org in Organization.objects.for_network(network).filter(membership__isnull=False):
            editor = _user(f"editor@{org.slug}.demo", full_name=f"Redacteur {org.name}", passwords=passwords)
            _role(editor, network, RoleAssignment.Role.EDITOR, org)
            users.append(editor)
    leuven_network = networks["leuven"]
    for email, name, role in [
        ("intake@leuven.demo", "Intakemedewerker Leuven", RoleAssignment.Role.INTAKE),
        ("analyst@leuven.demo", "Analist Leuven", RoleAssignment.Role.ANALYST),
    ]:
        user = _user(email, full_name=name, passwords=passwords)
        _role(user, leuven_network, role)
        users.append(user)
    for user in users:
        if needs_two_factor(user=user) and not is_mfa_enabled(user):
            TOTP.activate(user, DEMO_TOTP_SECRET)
    return len(users)


# Example support requests for the intake queue (in Leuven). Every text says it is an example.
DEMO_REQUESTS = [
    {
        "question": "(Voorbeeld) Mijn dochter van 2 slaapt heel slecht en ik ben uitgeput. Waar kan ik terecht?",
        "ages": ["0-3"],
        "name": "Voorbeeldouder An",
        "contact_by": "phone",
        "phone": "0470 00 00 01",
        "contact_when": "na 17 uur",
        "language": "nl",
        "refer_to": ("kind-en-preventie", ("accepted",)),
    },
    {
        "question": "(مثال) أبحث عن دروس لغة هولندية ومكان لطفلي أثناء الدرس.",
        "ages": ["3-6"],
        "name": "Voorbeeldouder Samira",
        "contact_by": "phone",
        "phone": "0470 00 00 02",
        "language": "ar",
        "refer_to": ("huis-van-het-kind-leuven", ("accepted", "completed")),
    },
    {
        "question": "(Voorbeeld) We verwachten ons eerste kindje in maart. Welke hulp is er voor en na de bevalling?",
        "ages": ["zwanger"],
        "name": "",
        "contact_by": "email",
        "email": "voorbeeld@example.org",
        "language": "nl",
        "refer_to": None,
    },
]


def _load_requests(network: Network) -> int:
    """A few example requests in the intake queue, once (a restore keeps what people did with them)."""
    if SupportRequest.objects.for_network(network).exists():
        return 0
    intake = User.objects.get(email="intake@leuven.demo")
    for example in DEMO_REQUESTS:
        fields = {k: v for k, v in example.items() if k != "refer_to"}
        request, _token = referrals.request_create(
            network=network,
            consent_how="verbal",
            consent_scope=["question", "contact"],
            acting_user=intake,
            **fields,
        )
        if example["refer_to"]:
            org_slug, steps = example["refer_to"]
            service = (
                Service.objects.for_network(network)
                .filter(organization__slug=org_slug)
                .order_by("name")
                .first()
            )
            if service is None:
                continue
            (referral,) = referrals.referral_create(
                request=request, services=[service], message="", acting_user=intake
            )
            editor = User.objects.filter(email=f"editor@{org_slug}.demo").first()
            for step in steps:
                note = "(Voorbeeld) Gezin geholpen." if step == "completed" else ""
                referrals.referral_advance(referral=referral, to=step, acting_user=editor, note=note)
    return len(DEMO_REQUESTS)


def demo_code() -> str:
    """The demo authenticator's code of this moment (for trying the demo without an app)."""
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))


def demo_load() -> DemoSummary:
    """Load (or restore) both demo networks and their accounts. Refuses under production settings."""
    if settings.PRODUCTION:
        raise RuntimeError("The demo refuses to load under production settings (HVHK_DEBUG is off).")
    summary = DemoSummary()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        networks = {}
        for data in DEMO_NETWORKS:
            network = _load_network(data)
            networks[network.slug] = network
            summary.networks.append(network.slug)
        summary.users = _load_accounts(networks)
        _load_requests(networks["leuven"])
        for network in networks.values():
            reindex(network=network)
    for model in (Organization, Service, Location, House, Pillar, Area):
        summary.counts[model._meta.verbose_name_plural] = model.objects.filter(
            network__in=networks.values()
        ).count()
    return summary
