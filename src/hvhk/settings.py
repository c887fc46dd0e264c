"""Settings for the Huis van het Kind platform.

This is the only module that reads the environment (see README "Configuration" and `.env.example`).
Without any variable set it is a production configuration that refuses to start with the built-in secret key;
`make demo` and the test suite set `HVHK_DEBUG=1` or a key of their own.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()

# Used only for local development with HVHK_DEBUG=1; production refuses it.
DEFAULT_SECRET_KEY = "hvhk-insecure-development-key-never-use-in-production"  # noqa: S105
LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

DEBUG = env.bool("HVHK_DEBUG", default=False)
# Fixed at start-up: test runners switch DEBUG off at run time, but a test run is not production.
PRODUCTION = not DEBUG
# An empty value counts as unset (a script that clears the variable for a development command gets the built-in key).
SECRET_KEY = env.str("HVHK_SECRET_KEY", default="") or DEFAULT_SECRET_KEY
ALLOWED_HOSTS = env.list("HVHK_ALLOWED_HOSTS", default=LOCAL_HOSTS)
BASE_URL = env.str("HVHK_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
VAR_DIR = Path(env.str("HVHK_VAR_DIR", default=str(BASE_DIR / "var")))

if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured(
        "HVHK_SECRET_KEY is not set. Production settings refuse the built-in development key: set "
        "HVHK_SECRET_KEY to a long random value, or HVHK_DEBUG=1 on a development machine."
    )
if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "HVHK_SECRET_KEY is too short for production: use at least 50 random characters."
    )
if DEBUG and any(host not in LOCAL_HOSTS for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "HVHK_DEBUG is on while HVHK_ALLOWED_HOSTS names a public host. Debug mode shows internals to "
        "visitors, so production refuses it: unset HVHK_DEBUG."
    )

INSTALLED_APPS = [
    "hvhk.core",
    "hvhk.accounts",
    "hvhk.directory",
    "hvhk.feedback",
    "hvhk.search",
    "hvhk.api",
    "hvhk.portal",
    "hvhk.referrals",
    "hvhk.network",
    "hvhk.activities",
    "hvhk.signals",
    "hvhk.volunteers",
    "hvhk.projects",
    "hvhk.insights",
    "hvhk.wegwijzer",
    "hvhk.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hvhk.accounts.middleware.RequireTwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "hvhk.urls"
WSGI_APPLICATION = "hvhk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hvhk.core.context_processors.site",
                "hvhk.wegwijzer.context_processors.saved",
                "hvhk.wegwijzer.context_processors.csrf_placeholder",
            ],
            # Django's {% url %}, with the address kept per process (hvhk.core.lib.urls).
            "builtins": ["hvhk.core.templatetags.urls"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------------
# SQLite by default (embedded, zero set-up); PostgreSQL in production through DATABASE_URL.
SQLITE_PATH = VAR_DIR / "hvhk.sqlite3"
DATABASES = {"default": env.db_url_config(env.str("DATABASE_URL", default="") or f"sqlite:///{SQLITE_PATH}")}
if DATABASES["default"]["NAME"] == str(SQLITE_PATH):
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Django turns foreign keys on for every SQLite connection; WAL lets readers work beside one writer,
        # IMMEDIATE transactions take the write lock up front so concurrent writers wait instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Keep connections open between requests (gunicorn sync workers use one at a time); checked before reuse.
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The erasure journal (core/lib/erasures.py): kept outside the database, so that erasures done after a backup can
# be done again after restoring it (`hvhk erasures-replay`). On several web nodes, put it on shared storage.
ERASURE_JOURNAL = env.path("HVHK_ERASURE_JOURNAL", default=VAR_DIR / "erasures.jsonl")
ERASURE_REPLAY = {
    "volunteer": "hvhk.volunteers.services.volunteers_erasure_replay",
    "support-request": "hvhk.referrals.services.requests.requests_erasure_replay",
    "activity-registration": "hvhk.activities.services.registrations.registrations_erasure_replay",
}

# Read replicas (optional): public reads go to one of them, everything else to the primary (hvhk/core/replicas.py).
REPLICA_DATABASES = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[])):
    _alias = f"replica_{_number + 1}"
    DATABASES[_alias] = {
        **env.db_url_config(_url),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
    if DATABASES[_alias]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES[_alias]["OPTIONS"] = {"init_command": "PRAGMA busy_timeout=20000;", "timeout": 20}
    REPLICA_DATABASES.append(_alias)
if REPLICA_DATABASES:
    DATABASE_ROUTERS = ["hvhk.core.replicas.ReplicaRouter"]
    # After a write, that browser reads from the primary for this many seconds (longer than the replicas' lag).
    MULTIDB_PINNING_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=5)
    MULTIDB_PINNING_COOKIE = "hvhk-primary"
    MULTIDB_PINNING_COOKIE_HTTPONLY = True
    MULTIDB_PINNING_COOKIE_SECURE = not DEBUG
    _at = MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    MIDDLEWARE[_at:_at] = [
        "multidb.middleware.PinningRouterMiddleware",
        "hvhk.core.replicas.ReplicaReadsMiddleware",
    ]

# --- Cache, sessions, tasks -----------------------------------------------------------------------------------
# Whole public pages live in their own cache ("pages"), so that the many small entries of a large network
# (result cards, rankings) cannot push them out: a per-process memory cache forgets the least recently used
# entry first, and cycling over more pages than fit would then miss every time.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": env.cache_url("REDIS_URL"),
        "pages": {**env.cache_url("REDIS_URL"), "KEY_PREFIX": "pages"},
    }
else:
    _LOCAL = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {
        "default": {"BACKEND": _LOCAL, "LOCATION": "default", "OPTIONS": {"MAX_ENTRIES": 20_000}},
        "pages": {"BACKEND": _LOCAL, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 300}},  # ~90 KB each
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day; signed-in sessions end with the browser (see accounts)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Accounts -------------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "hvhk.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Sign in with an e-mail address; accounts come by invitation only (no open sign-up).
ACCOUNT_ADAPTER = "hvhk.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = (
    False  # a session ends with the browser, and after SESSION_COOKIE_AGE at the latest
)
# Failed logins: after 5 for one account (or 20 from one address) in 15 minutes, logging in waits.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("HVHK_RATELIMIT_LOGIN", default="20/15m/ip,5/15m/key"),
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/h/ip",
}
# Two-factor authentication: an app code (TOTP) with recovery codes; required for every role that can see
# personal data (coordinators, intake workers, platform admins), see accounts.middleware.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Huis van het Kind"
MFA_RECOVERY_CODE_COUNT = 10

# --- Language and time ----------------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Files ----------------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
if DEBUG:  # whitenoise expects the folder that `hvhk collectstatic` fills in production
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
PRIVATE_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Never served as media: views that check access stream these (network documents, signed declarations).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail ---------------------------------------------------------------------------------------------------
# Development writes mails as files in var/mail; production sends through EMAIL_URL (smtp://, smtp+tls://, ...).
if env.str("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("HVHK_FROM_EMAIL", default="Huis van het Kind <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------------------------
# Production runs behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not DEBUG
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browser features no page needs; geolocation only on our own pages ("near me" on the map).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- Platform -------------------------------------------------------------------------------------------------
# Number of reverse proxies in front of the site that append to X-Forwarded-For: the visitor's address is that
# many hops from the right. 0 (default) uses the connection's address; set 1 behind one proxy.
TRUSTED_PROXY_COUNT = env.int("HVHK_TRUSTED_PROXY_COUNT", default=0)
# Map tiles are fetched from this server only after a visitor asks for the map.
MAP_TILE_URL = env.str("HVHK_MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "HVHK_MAP_TILE_ATTRIBUTION", default="© OpenStreetMap-bijdragers (openstreetmap.org/copyright)"
)
# Content-Security-Policy: scripts and styles only from our own files (no inline code, no eval); images also
# from the map tile server; data: for the QR code of the two-factor set-up.
_TILES = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL.replace("{s}", "a")))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _TILES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Rate limits use the default cache: per process without REDIS_URL, shared across processes with it.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_REPORTS = env.str("HVHK_RATELIMIT_REPORTS", default="10/h")
RATELIMIT_API = env.str("HVHK_RATELIMIT_API", default="600/m")
NINJA_NUM_PROXIES = TRUSTED_PROXY_COUNT
# The open data API may be read from any web page (read-only, no cookies); nothing else is shared cross-origin.
CORS_URLS_REGEX = r"^/[^/]+/api/hsds/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400
# A service not checked ("laatst nagekeken") for this many months is overdue: its partner gets a reminder.
FRESHNESS_MONTHS = env.int("HVHK_FRESHNESS_MONTHS", default=6)

# Support requests and referrals (hvhk.referrals). Personal free text and contact details are encrypted per
# field with these Fernet keys, newest first; without the variable one key is derived from HVHK_SECRET_KEY.
# Rotation: put a new key in front, run `hvhk rotate-field-keys`, then drop the old key (docs/privacy.md).
FIELD_ENCRYPTION_KEYS = env.list("HVHK_FIELD_KEYS", default=[])
REFERRAL_REMINDER_WORKING_DAYS = env.int("HVHK_REFERRAL_REMINDER_DAYS", default=3)
REQUEST_RETENTION_MONTHS = env.int("HVHK_REQUEST_RETENTION_MONTHS", default=12)
CONSENT_MONTHS = env.int("HVHK_CONSENT_MONTHS", default=12)
RATELIMIT_REQUESTS = env.str("HVHK_RATELIMIT_REQUESTS", default="10/h")
# Largest HSDS file a coordinator may upload in the admin; bigger files go through `hvhk import-hsds`.
HSDS_UPLOAD_MAX_MB = env.int("HVHK_HSDS_UPLOAD_MAX_MB", default=50)
# Largest document (agenda, minutes annex, presentation) a body's manager may attach to a meeting or body.
HVHK_DOCUMENT_MAX_BYTES = env.int("HVHK_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Seconds the search index gives an import to index its own changes before the worker repairs them (a repair
# task is enqueued with every import, in its transaction: if the importing process dies, the worker finishes).
SEARCH_REPAIR_DELAY_S = env.int("HVHK_SEARCH_REPAIR_DELAY_S", default=60)
# The wegwijzer counts its use in memory and writes the counts together after so many seconds (0: at once);
# see hvhk.search.usage.
USAGE_FLUSH_SECONDS = env.int("HVHK_USAGE_FLUSH_SECONDS", default=10)
# Tests only (tests/faults/): `<point>:<file>` stops the process at that point until the test kills it.
FAULT_PAUSE_AT = env.str("HVHK_FAULT_PAUSE_AT", default="")
# Official HSDS 3.0 schemas, for tests that validate the API; absent in a clone outside the team.
HSDS_SCHEMAS_DIR = env.str("HVHK_HSDS_SCHEMAS", default=str(BASE_DIR.parent / "shared" / "hsds" / "3.0.1"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"private_links": {"()": "hvhk.core.lib.log_filters.HidePrivateLinks"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("HVHK_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Request log lines name the path; a family's private link must not end up in a log file.
        "django.request": {"filters": ["private_links"]},
        "django.server": {"filters": ["private_links"]},
    },
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default: a typed "www.x.be" becomes https://

# Activities (hvhk.activities): registrations without an account, with a waiting list.
RATELIMIT_REGISTRATIONS = env.str("HVHK_RATELIMIT_REGISTRATIONS", default="20/h")
# Hours the first on a waiting list has to confirm a place that came free, before the next is asked.
WAITLIST_OFFER_HOURS = env.int("HVHK_WAITLIST_OFFER_HOURS", default=48)
# Months after its session (the last one of a series) that a registration's personal data are erased.
REGISTRATION_RETENTION_MONTHS = env.int("HVHK_REGISTRATION_RETENTION_MONTHS", default=3)

# Signals (hvhk.signals): parents' voice is open to everyone, so it is rate limited per address; e-mail addresses
# left with a contribution and sign-ups for calls are erased this many days later (after the call, for sign-ups).
RATELIMIT_VOICE = env.str("HVHK_RATELIMIT_VOICE", default="10/h")
VOICE_RETENTION_DAYS = env.int("HVHK_VOICE_RETENTION_DAYS", default=90)

# Volunteers (hvhk.volunteers): the public sign-up is rate limited per address; the personal data of volunteers who
# stopped (or were not taken on) are anonymised this many months later (`hvhk volunteers-retention`).
RATELIMIT_VOLUNTEER = env.str("HVHK_RATELIMIT_VOLUNTEER", default="10/h")
VOLUNTEER_RETENTION_MONTHS = env.int("HVHK_VOLUNTEER_RETENTION_MONTHS", default=12)

# UiTdatabank export (`hvhk export-uitdatabank`): the eventtype term of each activity kind, as kind=id pairs
# (HVHK_UITDATABANK_EVENT_TYPES="info_evening=0.3.2.0.0,workshop=0.3.1.0.0,…"). The ids are UiTdatabank's
# taxonomy (publiq), as listed in publiq's udb3 EventTypeResolver and the udb3-frontend's type list:
# 0.3.2.0.0 "Lezing of congres", 0.3.1.0.0 "Cursus of workshop" (now labelled "Lessenreeks"), 0.3.1.0.1
# "Cursus met open sessies", 0.50.21.0.0 "Spel of quiz". A kind without an id is not exported (the command says so).
UITDATABANK_EVENT_TYPES = env.dict(
    "HVHK_UITDATABANK_EVENT_TYPES",
    default={
        "info_evening": "0.3.2.0.0",
        "workshop": "0.3.1.0.0",
        "parent_group": "0.3.1.0.1",
        "play": "0.50.21.0.0",
        "course": "0.3.1.0.0",
    },
)
# UiTdatabank's "nil place": the location of every online event (production; io-test.uitdatabank.be for tests).
UITDATABANK_ONLINE_PLACE = env.str(
    "HVHK_UITDATABANK_ONLINE_PLACE",
    default="https://io.uitdatabank.be/place/00000000-0000-0000-0000-000000000000",
)
# Tests only: UiTdatabank's event schemas (udb3-json-schemas, GPL: test data, never in the project) that the
# export is validated against; those tests skip when the folder is absent.
UITDATABANK_SCHEMAS_DIR = env.str(
    "HVHK_UITDATABANK_SCHEMAS", default=str(BASE_DIR.parent / "shared" / "uitdatabank" / "models")
)
