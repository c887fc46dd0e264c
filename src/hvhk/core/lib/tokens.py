"""Private-link tokens: the link carries a random token; we keep only its SHA-256."""

import hashlib
import secrets


def token_new() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
