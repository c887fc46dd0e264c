"""Field-level encryption of personal data with Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`).

Keys come from HVHK_FIELD_KEYS, newest first: the first one encrypts, all of them decrypt, so a key can be
rotated without downtime (`hvhk rotate-field-keys`). Without that variable one key is derived from the secret
key; then changing HVHK_SECRET_KEY makes the stored personal data unreadable (docs/privacy.md).
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"  # marks a stored value as encrypted (and lets a migration tell old plain text apart)

_cache: dict[tuple, MultiFernet] = {}


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


def _derived_key(secret: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"hvhk-field-encryption", info=b"fernet key")
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode()))


def _keys() -> tuple[str | bytes, ...]:
    return tuple(settings.FIELD_ENCRYPTION_KEYS) or (_derived_key(settings.SECRET_KEY),)


def fernet() -> MultiFernet:
    keys = _keys()
    if keys not in _cache:
        try:
            _cache.clear()
            _cache[keys] = MultiFernet([Fernet(key) for key in keys])
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                "HVHK_FIELD_KEYS holds a value that is not a Fernet key (32 bytes, url-safe base64). Make one "
                "with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            ) from exc
    return _cache[keys]


def new_key() -> str:
    return Fernet.generate_key().decode()


def encrypt(value: str) -> str:
    if not value:
        return value
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored or not stored.startswith(PREFIX):
        return stored
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError(
            "A personal-data field cannot be decrypted with the keys in HVHK_FIELD_KEYS (was a key removed, "
            "or HVHK_SECRET_KEY changed while no HVHK_FIELD_KEYS were set?)"
        ) from exc


def token_hash(token: str) -> str:
    """What is stored of a private-link token: its SHA-256 (the token itself is shown once, never kept)."""
    return hashlib.sha256(token.encode()).hexdigest()
