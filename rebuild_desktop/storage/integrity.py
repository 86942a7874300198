"""Integrity checks on a keyed connection (``verify``)."""

from __future__ import annotations

from rebuild_desktop.storage.connection import Connection, storage_errors


def integrity_problems(conn: Connection) -> int:
    """How many problems SQLCipher's page check and SQLite's structure check find.

    ``cipher_integrity_check`` checks every page's HMAC (it lists bad pages,
    nothing when sound); ``integrity_check`` answers a single ``ok`` when the
    b-trees and indexes are sound. Only the count leaves this function: the
    messages can quote page contents.
    """
    with storage_errors():
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        structure = conn.execute("PRAGMA integrity_check").fetchall()
    bad_structure = 0 if structure == [("ok",)] else max(len(structure), 1)
    return len(cipher) + bad_structure
