"""The little the app remembers outside the vault, from an allowlist.

QSettings holds only window geometry and similar non-sensitive things; any
other key found there (from an older version or a bug) is removed at start.
Vault settings live inside the encrypted vault.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

ALLOWED_KEYS = frozenset({
    "window/geometry",
    "window/state",
})


def settings() -> QSettings:
    return QSettings()


def scrub(store: QSettings | None = None) -> list[str]:
    """Remove every key not on the allowlist; returns the removed keys."""
    store = store or settings()
    removed = [key for key in store.allKeys() if key not in ALLOWED_KEYS]
    for key in removed:
        store.remove(key)
    store.sync()
    return removed


def restore_geometry(window: QWidget) -> None:
    geometry = load_bytes("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)


def save_geometry(window: QWidget) -> None:
    save_bytes("window/geometry", window.saveGeometry())


def save_bytes(key: str, value: QByteArray) -> None:
    if key not in ALLOWED_KEYS:
        raise KeyError(f"not an allowlisted setting: {key}")
    store = settings()
    store.setValue(key, value)
    store.sync()


def load_bytes(key: str) -> QByteArray | None:
    if key not in ALLOWED_KEYS:
        raise KeyError(f"not an allowlisted setting: {key}")
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None
