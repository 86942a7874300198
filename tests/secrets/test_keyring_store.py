"""The keyring adapter: insecure backends refused, calls time out, imported lazily."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
import secretstorage.exceptions
from keyring.errors import InitError
from keyring.errors import KeyringLocked as BackendLocked

from rebuild_desktop.domain.errors import KeyMissingFromKeyring, KeyringLocked, NoKeyring
from rebuild_desktop.secrets.keyring_store import SERVICE, SystemKeyring
from tests.support.memory_keyring import MemoryKeyring


class PlaintextKeyring(MemoryKeyring):
    """Stands for any backend that writes secrets to a readable file."""


class AltFileKeyring(MemoryKeyring):
    """Named innocently, but from the keyrings.alt package."""


AltFileKeyring.__module__ = "keyrings.alt.file"


def _chain(*members: object) -> keyring.backends.chainer.ChainerBackend:
    """A chainer over a fixed list, as keyring builds one from the installed backends."""
    cls = type("Chain", (keyring.backends.chainer.ChainerBackend,),
               {"backends": list(members), "priority": 10, "test_only": True})
    return cls()


@pytest.mark.parametrize("backend", [
    keyring.backends.fail.Keyring(),
    keyring.backends.null.Keyring(),
    PlaintextKeyring(),
    AltFileKeyring(),
    _chain(PlaintextKeyring(), MemoryKeyring()),
    _chain(keyring.backends.fail.Keyring()),
    _chain(),
], ids=["fail", "null", "plaintext", "keyrings.alt", "chain-plaintext-first", "chain-fail",
        "chain-empty"])
def test_insecure_backends_are_refused(backend: object) -> None:
    keyring.set_keyring(backend)  # type: ignore[arg-type]
    store = SystemKeyring(timeout=5)
    with pytest.raises(NoKeyring):
        store.check()
    with pytest.raises(NoKeyring):
        store.store("vault-id", "00" * 32)
    if isinstance(backend, MemoryKeyring):
        assert backend.items == {}


def test_chain_with_a_secure_backend_first_writes_only_there() -> None:
    secure, plaintext = MemoryKeyring(), PlaintextKeyring()
    keyring.set_keyring(_chain(secure, plaintext))
    store = SystemKeyring(timeout=5)
    store.store("vault-id", "ab" * 32)
    assert secure.items == {(SERVICE, "vault-id"): "ab" * 32}
    assert plaintext.items == {}
    assert store.backend_name() == str(secure.name)


def test_store_fetch_remove(memory_keyring: MemoryKeyring) -> None:
    store = SystemKeyring(timeout=5)
    store.check()
    store.store("vault-id", "cd" * 32)
    assert store.fetch("vault-id") == "cd" * 32
    store.remove("vault-id")
    store.remove("vault-id")  # already gone is fine
    with pytest.raises(KeyMissingFromKeyring):
        store.fetch("vault-id")


class _Blocking(MemoryKeyring):
    """A Secret Service waiting on a prompt nobody answers."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return None


@pytest.fixture
def blocking() -> Iterator[_Blocking]:
    backend = _Blocking()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()


def test_a_blocked_call_times_out_promptly(blocking: _Blocking) -> None:
    store = SystemKeyring(timeout=0.3)
    started = time.monotonic()
    with pytest.raises(KeyringLocked):
        store.fetch("vault-id")
    assert time.monotonic() - started < 2


class _Raises(MemoryKeyring):
    error: Exception = BackendLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error


@pytest.mark.parametrize(("error", "expected"), [
    (BackendLocked("locked"), KeyringLocked),
    (InitError("no bus"), NoKeyring),
    (secretstorage.exceptions.LockedException("collection is locked"), KeyringLocked),
    (secretstorage.exceptions.PromptDismissedException("dismissed"), KeyringLocked),
    (secretstorage.exceptions.SecretServiceNotAvailableException("no daemon"), NoKeyring),
])
def test_backend_errors_are_typed(error: Exception, expected: type[Exception]) -> None:
    backend = _Raises()
    backend.error = error
    keyring.set_keyring(backend)
    with pytest.raises(expected):
        SystemKeyring(timeout=5).check()


@pytest.mark.parametrize("module", [
    "rebuild_desktop.secrets.keyring_store", "rebuild_desktop.services.library",
])
def test_keyring_is_imported_lazily(module: str) -> None:
    code = (f"import sys, {module}; "
            "sys.exit(sorted(m for m in sys.modules if m.split('.')[0] == 'keyring') != [])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr or f"{module} imports keyring at start-up"
