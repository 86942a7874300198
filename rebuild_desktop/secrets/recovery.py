"""Recovery codes: the data key itself, written for people.

The code carries the whole 256-bit data key plus a short checksum, so that it
opens the vault and every backup even when the key-slot file is lost, and a
typo is caught before any unlock is tried. It is base32 (no 0/1/8 confusion
with letters), in groups of four, accepted in any case, with or without
dashes and spaces.
"""

from __future__ import annotations

import base64
import hashlib
import re

from rebuild_desktop.domain.errors import BadRecoveryCode
from rebuild_desktop.storage.connection import DATA_KEY_BYTES

_CHECKSUM_BYTES = 3
_GROUP = 4
_SEPARATORS = re.compile(r"[\s\-]+")


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"rebuild-desktop recovery " + key).digest()[:_CHECKSUM_BYTES]


def encode(key: bytes) -> str:
    """The recovery code for ``key``: 14 dash-separated groups of four."""
    if len(key) != DATA_KEY_BYTES:
        raise ValueError("a data key is exactly 32 bytes")
    text = base64.b32encode(key + _checksum(key)).decode("ascii")
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def decode(code: str) -> bytes:
    """The data key in ``code``.

    Raises:
        BadRecoveryCode: the code is malformed or its checksum does not match.
    """
    compact = _SEPARATORS.sub("", code).upper()
    try:
        raw = base64.b32decode(compact, casefold=True)
    except (ValueError, TypeError):
        raise BadRecoveryCode() from None
    if len(raw) != DATA_KEY_BYTES + _CHECKSUM_BYTES:
        raise BadRecoveryCode()
    key, check = raw[:DATA_KEY_BYTES], raw[DATA_KEY_BYTES:]
    if _checksum(key) != check:
        raise BadRecoveryCode()
    return key
