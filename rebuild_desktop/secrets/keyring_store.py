"""The OS keyring behind a small interface, refusing anything insecure.

``keyring`` is imported on first use, never at start-up: its backend lookup
costs about as much time as Qt itself. Backends that do not protect a secret
(fail, null, plaintext or file keyrings from ``keyrings.alt``) are refused,
never used as a silent fallback. Every call has a timeout because a Secret
Service prompt can block forever; the views also run these calls off the GUI
thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from rebuild_desktop.domain.errors import KeyMissingFromKeyring, KeyringLocked, NoKeyring

SERVICE = "rebuild-desktop"
DEFAULT_TIMEOUT_S = 15.0

_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_REFUSED_NAME_PARTS = ("plaintext", "file", "null", "fail", "uncrypted")

T = TypeVar("T")


def _is_acceptable(backend: Any) -> bool:
    cls = type(backend)
    module = cls.__module__
    if any(module == m or module.startswith(m + ".") for m in _REFUSED_MODULES):
        return False
    name = cls.__name__.lower()
    if any(part in name for part in _REFUSED_NAME_PARTS):
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:  # a backend whose priority check fails is not viable
        return False


def _resolve(backend: Any) -> Any:
    """The one backend that would really hold the key, or raise NoKeyring."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        # The chainer writes to its highest-priority member: that one must be
        # acceptable, or a plaintext keyring could receive the key. (Checked by
        # class, not by name: a subclass chains the same way.)
        subs = list(backend.backends)
        if not subs or not _is_acceptable(subs[0]):
            raise NoKeyring()
        return subs[0]
    if not _is_acceptable(backend):
        raise NoKeyring()
    return backend


def _with_timeout(call: Callable[[], T], timeout: float) -> T:
    """Run ``call`` on a disposable daemon thread: a blocked D-Bus call cannot be
    cancelled, and a daemon thread cannot hold the process open at exit."""
    box: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)

    def runner() -> None:
        try:
            box.put((True, call()))
        except BaseException as error:  # delivered to the caller below
            box.put((False, error))

    threading.Thread(target=runner, name="keyring-call", daemon=True).start()
    try:
        ok, value = box.get(timeout=timeout)
    except queue.Empty:
        raise KeyringLocked() from None
    if ok:
        return value
    raise value


def _translate(error: BaseException) -> BaseException:
    from keyring import errors

    if isinstance(error, errors.KeyringLocked):
        return KeyringLocked()
    if isinstance(error, errors.NoKeyringError | errors.InitError):
        return NoKeyring()
    if isinstance(error, errors.KeyringError):
        return KeyringLocked()
    if type(error).__module__.split(".")[0] in ("secretstorage", "jeepney", "dbus"):
        # A locked collection or a dismissed unlock prompt is a locked keyring,
        # not a missing one; other D-Bus failures (no session bus, the daemon
        # went away) mean no keyring here.
        name = type(error).__name__
        if "Locked" in name or "Prompt" in name:
            return KeyringLocked()
        return NoKeyring()
    return error


class SystemKeyring:
    """The OS keyring, checked to be a secure backend before any use."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self._timeout = timeout
        self._backend: Any = None

    def _call(self, fn: Callable[[Any], T]) -> T:
        def attempt() -> T:
            if self._backend is None:
                import keyring

                self._backend = _resolve(keyring.get_keyring())
            return fn(self._backend)

        try:
            return _with_timeout(attempt, self._timeout)
        except (NoKeyring, KeyringLocked, KeyMissingFromKeyring):
            raise
        except Exception as error:
            translated = _translate(error)
            if translated is error:
                raise
            raise translated from None

    def backend_name(self) -> str:
        """A readable name of the backend that holds keys, e.g. for the status line."""
        return self._call(lambda backend: str(getattr(backend, "name", type(backend).__name__)))

    def check(self) -> None:
        """Raise NoKeyring or KeyringLocked unless a secure keyring answers."""
        self._call(lambda backend: backend.get_password(SERVICE, "availability-check"))

    def store(self, account: str, secret: str) -> None:
        self._call(lambda backend: backend.set_password(SERVICE, account, secret))

    def fetch(self, account: str) -> str:
        """The secret for ``account``; raises KeyMissingFromKeyring when absent."""
        secret = self._call(lambda backend: backend.get_password(SERVICE, account))
        if secret is None:
            raise KeyMissingFromKeyring()
        return secret

    def remove(self, account: str) -> None:
        def delete(backend: Any) -> None:
            from keyring.errors import PasswordDeleteError

            try:
                backend.delete_password(SERVICE, account)
            except PasswordDeleteError:
                pass  # already gone is what we wanted

        self._call(delete)
