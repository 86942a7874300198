"""Typed errors at the storage and secrets boundary.

Every error a person can act on is a ``KnownError`` with one calm sentence
and a way forward; anything else reaching the user is a bug. Messages never
carry content, titles, names or keys. The views translate by class
(``views/errors.py``); the command line prints ``str(error)``.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error the user can act on; ``str()`` is one calm sentence."""

    default_message = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class VaultNotFound(KnownError):
    default_message = "There is no vault with that name here."


class VaultExists(KnownError):
    default_message = "A vault with that name already exists; choose another name."


class InvalidVaultName(KnownError):
    default_message = (
        "A vault name has 1 to 64 letters, digits, dots, dashes or underscores."
    )


class WrongSecret(KnownError):
    default_message = "That didn't unlock the vault. Check it and try again."


class WeakPassphrase(KnownError):
    default_message = "A passphrase needs at least 8 characters."


class NoKeyring(KnownError):
    default_message = (
        "No secure keyring is available on this computer; "
        "use a passphrase or the recovery code instead."
    )


class KeyringLocked(KnownError):
    default_message = (
        "The keyring is locked or did not answer. Unlock it and try again, "
        "or use the passphrase or recovery code."
    )


class KeyMissingFromKeyring(KnownError):
    default_message = (
        "This computer's keyring no longer holds the key for this vault; "
        "use the passphrase or recovery code."
    )


class NoUnlockMethod(KnownError):
    default_message = (
        "This vault can only be opened with a passphrase or its recovery code."
    )


class VaultDamaged(KnownError):
    default_message = (
        "The vault file looks damaged, so it was left exactly as it is. "
        "A backup or the export can restore it."
    )


class SchemaTooNew(KnownError):
    default_message = (
        "This vault was written by a newer version of Rebuild; "
        "update the app to open it. Nothing was changed."
    )


class DiskFull(KnownError):
    default_message = (
        "The disk is full or not writable, so nothing was saved. "
        "Free some space and try again; your text is still here."
    )


class BadExportPath(KnownError):
    default_message = (
        "There is no folder there to save into, or the name is a folder; "
        "choose another place or name."
    )


class UnsavableText(KnownError):
    default_message = (
        "Some characters in that text can't be stored (a broken character, perhaps from "
        "a paste), so nothing was saved; your text is still here."
    )


class BadImportFile(KnownError):
    default_message = "That file is not a Rebuild export; nothing was imported."


class BadRecoveryCode(WrongSecret):
    default_message = (
        "That recovery code doesn't look right; check each group for a typo."
    )


class BadExportTarget(KnownError):
    default_message = (
        "The export can't be written there: choose a file name in a folder that exists."
    )
