"""The random data key of a vault and a check value that recognises it.

The check value lets a wrong key (say, another vault's key in the keyring or
another vault's recovery code) be told apart from a damaged file without
touching the database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from rebuild_desktop.storage.connection import DATA_KEY_BYTES

_CHECK_LABEL = b"rebuild-desktop key check v1"


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_check(key: bytes) -> str:
    """A non-secret fingerprint of the key (HMAC, so it reveals nothing about it)."""
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


def matches(key: bytes, check: str | None) -> bool:
    """Whether ``key`` fits ``check``; with no check recorded, any key may be tried."""
    return check is None or hmac.compare_digest(key_check(key), check)
