"""Open and create SQLCipher vault files with the settings every vault needs.

A vault is keyed with a raw 256-bit data key, so opening costs no KDF. The
key string is built only from exactly 64 lowercase hex digits. Nothing is
read before the key is set, so a journal or WAL beside the file is recovered
by the keyed open and never seen by an unkeyed one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from rebuild_desktop.domain.errors import (
    DiskFull,
    KnownError,
    UnsavableText,
    VaultDamaged,
    WrongSecret,
)

DATA_KEY_BYTES = 32
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_CACHE_KIB = 64 * 1024

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

# Read back by a test; the order matters only in that the key comes first.
VAULT_PRAGMAS: dict[str, str] = {
    # SQLCipher locks and wipes its memory: key material and decrypted pages
    # never reach swap or a freed buffer. It costs speed (see the benchmark).
    "cipher_memory_security": "ON",
    "secure_delete": "ON",
    "journal_mode": "WAL",
    "synchronous": "FULL",
    "foreign_keys": "ON",
    "trusted_schema": "OFF",
    "temp_store": "MEMORY",
    "cache_size": str(-_CACHE_KIB),
}


def _key_pragma(key: bytes) -> str:
    hex_key = key.hex()
    if len(key) != DATA_KEY_BYTES or not _HEX_KEY.fullmatch(hex_key):
        raise ValueError("a data key is exactly 32 bytes")
    return f"PRAGMA key = \"x'{hex_key}'\""


def _raw_connect(path: Path) -> Connection:
    # No statement cache: each cached statement holds some of the connection's
    # lookaside memory, and once that is gone every small allocation goes to
    # the system allocator, which cipher_memory_security locks and wipes one by
    # one. With the default cache of 128 statements an import ran ten times
    # slower; preparing a statement again costs microseconds.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              cached_statements=0)
    # SQLCipher logs decryption failures to stderr by default; a wrong key is a
    # user error, not something to print.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def open_database(path: Path, key: bytes) -> Connection:
    """Open an existing vault file with its data key.

    Raises:
        WrongSecret: the key does not decrypt the file.
        VaultDamaged: the file is keyed right but unreadable.
        DiskFull: the file cannot be written to recover its journal.
    """
    if not path.is_file():
        raise VaultDamaged("The vault file is missing; a backup can restore it.")
    if path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and write a fresh
        # one into it on the first pragma: never recreate a vault on an error.
        raise VaultDamaged()
    conn = _raw_connect(path)
    try:
        conn.execute(_key_pragma(key))
        _check_cipher(conn)
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except DatabaseError as error:
            if _code(error) == sqlcipher3.SQLITE_NOTADB:
                raise WrongSecret() from None
            raise translate_error(error) from None
        if not tables:
            raise VaultDamaged()  # keyed and readable, but no vault inside
        with storage_errors():
            _apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_database(path: Path, key: bytes) -> Connection:
    """Create a new, empty vault file; refuses to touch an existing one."""
    if path.exists():
        raise FileExistsError(path)
    conn = _raw_connect(path)
    try:
        conn.execute(_key_pragma(key))
        _check_cipher(conn)
        _apply_pragmas(conn)
        os.chmod(path, 0o600)
    except BaseException:
        conn.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        raise
    return conn


def _check_cipher(conn: Connection) -> None:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise RuntimeError("sqlcipher3 is linked without SQLCipher")


def _apply_pragmas(conn: Connection) -> None:
    for name, value in VAULT_PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}").fetchall()


_ONE_PASS_CACHE_KIB = 1024


def for_one_pass(conn: Connection) -> Connection:
    """Shrink the page cache of a short-lived connection that reads each page once.

    A worker that reads the whole timeline once (the tags in use, the chart's
    points) gains nothing from the vault's generous cache, but filling it held
    every decrypted page of the table at once: about 25 MB of the process's
    peak memory at 100,000 events, which the allocator keeps after the close.
    """
    with storage_errors():
        conn.execute(f"PRAGMA cache_size = -{_ONE_PASS_CACHE_KIB}").fetchall()
    return conn


def _code(error: BaseException) -> int | None:
    return getattr(error, "sqlite_errorcode", None)


def translate_error(error: BaseException) -> BaseException:
    """Map an SQLite or OS error to the typed error a person can act on."""
    if isinstance(error, KnownError):
        return error
    code = _code(error)
    if code is not None:
        primary = code & 0xFF
        if primary in (sqlcipher3.SQLITE_FULL, sqlcipher3.SQLITE_IOERR, sqlcipher3.SQLITE_READONLY,
                       sqlcipher3.SQLITE_CANTOPEN, sqlcipher3.SQLITE_PERM):
            return DiskFull()
        if primary in (sqlcipher3.SQLITE_CORRUPT, sqlcipher3.SQLITE_NOTADB):
            return VaultDamaged()
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS,
                                                      errno.EACCES, errno.EPERM):
        return DiskFull()
    return error


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise SQLite and OS failures inside the block as typed errors.

    Text that is not valid Unicode (a lone surrogate) cannot be stored as
    UTF-8; that is refused as a typed error too, whose message quotes nothing.
    """
    try:
        yield
    except UnicodeEncodeError:
        raise UnsavableText() from None
    except (DatabaseError, OSError) as error:
        translated = translate_error(error)
        if translated is error:
            raise
        raise translated from None


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One all-or-nothing write: BEGIN IMMEDIATE, COMMIT, or ROLLBACK on any error.

    SQLite rolls a transaction back by itself after some errors (a full disk,
    an I/O error); a second ROLLBACK would then fail and hide the real error,
    so it runs only while a transaction is still open. A failed COMMIT is
    rolled back too, so the connection is usable for the next write.
    """
    with storage_errors():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
