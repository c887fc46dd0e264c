"""Shared fixtures: two networks and the personas of STYLE.md rule 8, plus test-only settings."""

import os
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from hvhk.accounts.models import RoleAssignment
from hvhk.demo.services import demo_load
from hvhk.search.usage import usage_discard
from tests.accounts.factories import RoleFactory, UserFactory
from tests.core.factories import NetworkFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory, ServiceFactory

CHROMIUM = os.environ.get("HVHK_CHROMIUM", "/usr/bin/chromium")

# Property-based tests (schemathesis, hypothesis) draw the same cases on every run, so CI does not depend on
# luck; `--hypothesis-profile=explore` draws many fresh ones to look for new failures.
hypothesis_settings.register_profile("ci", max_examples=30, derandomize=True)
hypothesis_settings.register_profile("explore", max_examples=500)


def pytest_configure(config) -> None:
    hypothesis_settings.load_profile(config.getoption("hypothesis_profile", None) or "ci")


def pytest_report_header(config) -> list[str]:
    db = django_settings.DATABASES["default"]
    if db["ENGINE"].endswith("postgresql"):
        where = f"PostgreSQL at {db.get('HOST') or 'local socket'}:{db.get('PORT') or 5432}, test database test_{db['NAME']}"
    else:
        where = "SQLite (embedded, test database in memory)"
    browser = CHROMIUM if Path(CHROMIUM).exists() else "absent"
    return [f"database: {where}", f"chromium: {browser}"]


def pytest_collection_modifyitems(config, items) -> None:
    """Browser tests need Chromium: skip them without it, unless CI says they are required."""
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("HVHK_TEST_BROWSER_REQUIRED") == "1":
        raise pytest.UsageError(f"Browser tests are required but Chromium is missing at {CHROMIUM}")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    # Fast hashing in tests; argon2 stays known for rows made outside a test (module-scoped demo data).
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ERASURE_JOURNAL = tmp_path / "erasures.jsonl"
    yield
    usage_discard()  # the wegwijzer's use waits in memory (hvhk.search.usage): none passes to the next test
    translation.activate(
        django_settings.LANGUAGE_CODE
    )  # a request in Arabic must not leave the next test in Arabic


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Both demo networks, loaded once per module (and flushed after it); tests only read them."""
    with django_db_blocker.unblock():
        demo_load()
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def db_vendor() -> str:
    return connection.vendor


# --- two networks and the personas ---------------------------------------------------------------------------


@pytest.fixture
def network_a(db):
    return NetworkFactory(slug="netwerk-a", name="Huis van het Kind A")


@pytest.fixture
def network_b(db):
    return NetworkFactory(slug="netwerk-b", name="Huis van het Kind B")


@pytest.fixture
def partner_a(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a")
    ).organization


@pytest.fixture
def partner_b(network_b):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_b, slug="partner-b")
    ).organization


@pytest.fixture
def service_a(partner_a):
    return ServiceFactory(organization=partner_a, name="Consultatiebureau A")


@pytest.fixture
def service_b(partner_b):
    return ServiceFactory(organization=partner_b, name="Consultatiebureau B")


TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # base32; tests compute codes from it with pyotp-free allauth helpers


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The authenticator app's current code. Near the end of a 30-second period it waits for the next one: the
    server accepts only the current period, and a code typed in its last second would expire on the way."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: rate limits, cached pages and the second factor's "code already used"
    marks must not leak from one test into the next (user ids repeat after the database is emptied)."""
    for cache in caches.all():
        cache.clear()


def with_two_factor(user):
    """People who see personal data must have an authenticator app; give them one (tests sign in directly)."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def coordinator_a(network_a):
    user = UserFactory(email="coordinator@a.example", is_staff=True)
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    return with_two_factor(user)


@pytest.fixture
def coordinator_b(network_b):
    user = UserFactory(email="coordinator@b.example", is_staff=True)
    RoleFactory(user=user, network=network_b, role=RoleAssignment.Role.COORDINATOR)
    return with_two_factor(user)


@pytest.fixture
def editor_a(partner_a):
    user = UserFactory(email="editor@a.example")
    RoleFactory(user=user, network=partner_a.network, role=RoleAssignment.Role.EDITOR, organization=partner_a)
    return user


@pytest.fixture
def platform_admin(db):
    return with_two_factor(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
