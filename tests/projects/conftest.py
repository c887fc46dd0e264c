"""The people of the funding calls' tests, beside the shared ones (coordinator_a, editor_a of partner_a,
coordinator_b): partner A's member, the editors of partners A2 and A3, an outsider (the editor of a fourth partner
of network A), intake and analyst staff of network A, an editor of partner B; the themes (life domains and target
groups) of both networks; and a private storage of its own for every test."""

import pytest
from django.core.files.storage import storages

from hvhk.accounts.models import RoleAssignment
from hvhk.directory.services import taxonomy_seed
from hvhk.projects.models import ApplicationDocument
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.projects.factories import person

Role = RoleAssignment.Role


@pytest.fixture
def partner_a2(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a2", name="Kind en Gezin")
    ).organization


@pytest.fixture
def partner_a3(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a3", name="De Speelboom")
    ).organization


@pytest.fixture
def member_a(partner_a):
    return person("member@a.example", partner_a.network, Role.MEMBER, partner_a)


@pytest.fixture
def editor_a2(partner_a2):
    return person("editor@a2.example", partner_a2.network, Role.EDITOR, partner_a2)


@pytest.fixture
def editor_a3(partner_a3):
    return person("editor@a3.example", partner_a3.network, Role.EDITOR, partner_a3)


@pytest.fixture
def intake_a(network_a):
    return with_two_factor(person("intake@a.example", network_a, Role.INTAKE))


@pytest.fixture
def analyst_a(network_a):
    return person("analyst@a.example", network_a, Role.ANALYST)


@pytest.fixture
def editor_b(partner_b):
    return person("editor@b.example", partner_b.network, Role.EDITOR, partner_b)


@pytest.fixture
def themes(network_a) -> dict:
    """Network A's life domains and target groups by code ("gezondheid", "opvoeding", "ouders", ...)."""
    return {term.code: term for term in taxonomy_seed(network=network_a)}


@pytest.fixture
def themes_b(network_b) -> dict:
    return {term.code: term for term in taxonomy_seed(network=network_b)}


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path, monkeypatch):
    """Application documents go to a temporary private storage; the test can look at what was written (for every test here: none writes to the real var/private). The file
    field took its storage once, when the models were loaded, so the field itself is pointed there as well as
    settings.STORAGES (else the files would land in the real var/private)."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    monkeypatch.setattr(ApplicationDocument._meta.get_field("file"), "storage", storages["private"])
    return root


@pytest.fixture
def outsider_a(network_a):
    """An editor of a partner of network A that takes part in nothing here."""
    organization = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a4", name="Buurtwerk Noord")
    ).organization
    return person("outsider@a.example", network_a, Role.EDITOR, organization)
