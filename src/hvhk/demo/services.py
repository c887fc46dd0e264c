"""Loading the demo networks from their data files (`hvhk.demo.files`): an idempotent restore.

The offering comes in through the project's own HSDS importer, as any network's file would; the TOML file adds
the network, its accounts and example requests; `network_data` adds the network's life (declarations, bodies,
meetings, news). Rows of a demo network that the files no longer have are removed, so the demo always ends in
the same state, dated relative to the day it is loaded.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation

from hvhk.accounts.models import RoleAssignment, User
from hvhk.accounts.selectors import needs_two_factor
from hvhk.core.models import Area, Network
from hvhk.demo.activities_data import ActivitiesSummary, activities_load
from hvhk.demo.files import DemoFiles, Ids, all_files, demo_id
from hvhk.demo.insights_boundaries import boundaries_load
from hvhk.demo.insights_history import insights_history_load
from hvhk.demo.network_data import NetworkSummary, network_load
from hvhk.demo.projects_data import ProjectsSummary, projects_load
from hvhk.demo.requests import requests_load
from hvhk.demo.signals_data import SignalsSummary, signals_load
from hvhk.demo.volunteers_data import VolunteersSummary, volunteers_load
from hvhk.directory import models as m
from hvhk.directory.hsds.importer import Importer
from hvhk.directory.services import taxonomy_seed
from hvhk.search.indexing import reindex
from hvhk.search.models import SearchDocument
from hvhk.search.services import synonym_seed

__all__ = ["DEMO_PASSWORD", "DEMO_TOTP_SECRET", "DemoSummary", "demo_code", "demo_id", "demo_load"]

DEMO_PASSWORD = "hvhk-demo"  # noqa: S105 (documented demo password)
# Accounts that see personal data sign in with an authenticator app; in the demo they share this documented
# secret (README), and `hvhk demo-code` prints the code of the moment.
DEMO_TOTP_SECRET = "HVHKDEMOHVHKDEMO"  # noqa: S105
NETWORK_FIELDS = ("name", "description", "email", "phone", "website", "address", "colour")  # from [network]


class DemoLoadError(RuntimeError):
    """The demo files do not load (the importer's report says why)."""


@dataclass
class DemoSummary:
    networks: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    users: int = 0
    requests: int = 0
    network: NetworkSummary = field(default_factory=NetworkSummary)
    activities: ActivitiesSummary = field(default_factory=ActivitiesSummary)
    signals: SignalsSummary = field(default_factory=SignalsSummary)
    volunteers: VolunteersSummary = field(default_factory=VolunteersSummary)
    projects: ProjectsSummary = field(default_factory=ProjectsSummary)


def _network(files: DemoFiles) -> Network:
    info = files.extras["network"]
    network, _created = Network.objects.update_or_create(
        slug=info["slug"],
        defaults={
            **{name: info[name] for name in NETWORK_FIELDS},
            "is_demo": True,
            "is_active": True,
        },
    )
    network.full_clean()
    return network


def _existing_taxonomy_ids(network: Network) -> dict[str, str]:
    """The file's taxonomy and term ids → the ids these have in the database, where they differ.

    Terms are matched on their codes: a network whose terms were made before the files existed (or by hand)
    keeps them, and the file's links point at them.
    """
    slug, ids = network.slug, {}
    for pk, code in m.Taxonomy.objects.for_network(network).values_list("pk", "code"):
        ids[str(demo_id(slug, "taxonomy", code))] = str(pk)
    terms = m.TaxonomyTerm.objects.for_network(network).values_list("pk", "taxonomy__code", "code")
    for pk, taxonomy, code in terms:
        ids[str(demo_id(slug, "taxonomyterm", f"{taxonomy}/{code}"))] = str(pk)
    return {file_id: pk for file_id, pk in ids.items() if file_id != pk}


def _prune(network: Network, ids: Ids) -> int:
    """Remove what the file no longer has (children go with their parents; services before organisations)."""

    def rows(model):
        return model.objects.for_network(network)

    deleted = 0
    for stale in (
        rows(m.Service).exclude(pk__in=ids.services),
        rows(m.House).exclude(pk__in=ids.houses),
        rows(m.Membership).exclude(organization_id__in=ids.members),
        rows(m.Location).exclude(pk__in=ids.locations),
        rows(m.Organization).exclude(pk__in=ids.organizations),
        rows(Area).exclude(slug__in=ids.areas),
    ):
        deleted += stale.delete()[0]
    return deleted


def _load_network(files: DemoFiles, today: dt.date) -> tuple[Network, bool]:
    """The network, restored from its files; and whether anything changed."""
    network = _network(files)
    records = files.records(today=today, ids=_existing_taxonomy_ids(network))
    report = Importer(network).run(records)
    if not report.saved:
        raise DemoLoadError("\n".join([f"{files.slug}.hsds.json:", *report.summary()]))
    changed = any(c.created or c.updated or c.deleted for c in [report.services, *report.tables.values()])
    taxonomy_seed(network=network)  # the terms no demo service uses
    synonym_seed(network=network)
    changed |= _prune(network, files.ids) > 0
    return network, changed


def _index_is_whole(network: Network) -> bool:
    active = m.Service.objects.for_network(network).filter(status=m.Service.Status.ACTIVE)
    return SearchDocument.objects.filter(network=network).count() == active.count()


# --- accounts ----------------------------------------------------------------------------------------------------


class _Passwords:
    """One argon2 hash of the demo password for every demo account: hashing 40 times would take seconds."""

    def __init__(self) -> None:
        self.verified: set[str] = set()

    @cached_property
    def encoded(self) -> str:  # made only when an account needs it: a second load verifies one hash instead
        return make_password(DEMO_PASSWORD)

    def ensure(self, user: User) -> None:
        if user.password in self.verified:
            return
        if user.password and user.check_password(DEMO_PASSWORD):
            self.verified.add(user.password)
        else:
            user.password = self.encoded
            self.verified.add(self.encoded)


def _user(account: dict, passwords: _Passwords) -> User:
    user = User.objects.filter(email=account["email"]).first() or User(email=account["email"])
    passwords.ensure(user)
    user.full_name = account["name"]
    user.is_staff = account.get("staff", False)
    user.is_superuser = account.get("superuser", False)
    user.is_active = True
    user.save()
    return user


def _load_accounts(files: list[DemoFiles], networks: dict[str, Network]) -> int:
    passwords = _Passwords()
    users: dict[str, User] = {}
    for network_files in files:
        network = networks[network_files.slug]
        organizations = dict(m.Organization.objects.for_network(network).values_list("slug", "pk"))
        for account in network_files.extras["accounts"]:
            user = users.get(account["email"]) or _user(account, passwords)
            users[user.email] = user
            if account.get("role"):
                RoleAssignment.objects.get_or_create(
                    user=user,
                    network=network,
                    role=account["role"],
                    organization_id=organizations[account["organization"]]
                    if "organization" in account
                    else None,
                )
    for user in users.values():
        if needs_two_factor(user=user) and not is_mfa_enabled(user):
            TOTP.activate(user, DEMO_TOTP_SECRET)
    return len(users)


def demo_code() -> str:
    """The demo authenticator's code of this moment (for trying the demo without an app)."""
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))


def demo_load(*, today: dt.date | None = None) -> DemoSummary:
    """Load (or restore) the demo networks and their accounts, dated as if loaded on `today` (default: today).

    Refuses under production settings.
    """
    if settings.PRODUCTION:
        raise RuntimeError("The demo refuses to load under production settings (HVHK_DEBUG is off).")
    today = today or timezone.localdate()
    summary = DemoSummary()
    files = list(all_files())
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        loaded = {f.slug: _load_network(f, today) for f in files}
        networks = {slug: network for slug, (network, _changed) in loaded.items()}
        summary.networks = list(networks)
        summary.users = _load_accounts(files, networks)
        for f in files:
            summary.requests += requests_load(
                network=networks[f.slug], examples=f.extras.get("requests", []), shift=f.shift(today)
            )
        summary.network = network_load(networks=networks, today=today)
        summary.activities = activities_load(networks=networks, today=today)
        summary.signals = signals_load(networks=networks, today=today)
        summary.volunteers = volunteers_load(networks=networks, today=today)
        summary.projects = projects_load(networks=networks, today=today)
        boundaries_load(networks=networks)
        insights_history_load(networks=networks, today=today)
        for network, changed in loaded.values():
            # The importer indexed what it changed; one full pass gives what a fresh index holds.
            if changed or not _index_is_whole(network):
                reindex(network=network)
    for model in (m.Organization, m.Service, m.Location, m.House, m.Pillar, Area):
        summary.counts[model._meta.verbose_name_plural] = model.objects.filter(
            network__in=networks.values()
        ).count()
    return summary
