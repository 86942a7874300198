"""Each kind of error a person can act on, as one calm, translated sentence.

The typed errors of ``domain.errors`` carry English text for the command
line; the app shows these translatable sentences instead, each with a way
forward. Anything that is not a ``KnownError`` is a bug: the person sees a
calm sentence that holds no content, and nothing was changed by the view.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.domain import errors


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def _sentences() -> list[tuple[type[BaseException], str]]:
    # Most specific first: BadRecoveryCode is a WrongSecret.
    return [
        (errors.BadRecoveryCode, _tr(
            "That recovery code doesn't look right. Check each group for a typo and try again.")),
        (errors.WrongSecret, _tr(
            "That didn't unlock the vault. Check it and try again, or use the recovery code.")),
        (errors.WeakPassphrase, _tr(
            "A passphrase needs at least 8 characters. A few ordinary words work well.")),
        (errors.NoKeyring, _tr(
            "This computer has no secure keyring, so the key can't be kept here. "
            "Use a passphrase or the recovery code instead.")),
        (errors.KeyringLocked, _tr(
            "The keyring is locked or didn't answer. Unlock it and try again, "
            "or use the passphrase or recovery code.")),
        (errors.KeyMissingFromKeyring, _tr(
            "This computer's keyring no longer holds this vault's key. "
            "Use the passphrase or the recovery code.")),
        (errors.NoUnlockMethod, _tr(
            "This vault needs a passphrase or its recovery code to open.")),
        (errors.VaultNotFound, _tr(
            "That vault is no longer here. It may have been moved or renamed.")),
        (errors.VaultExists, _tr(
            "A vault with that label already exists here. Please choose another label.")),
        (errors.InvalidVaultName, _tr(
            "A label can have 1 to 64 letters, digits, dots, dashes or underscores.")),
        (errors.VaultDamaged, _tr(
            "The vault file looks damaged, so it was left exactly as it is. "
            "A backup or an export can bring it back.")),
        (errors.SchemaTooNew, _tr(
            "This vault was written by a newer version of Rebuild. "
            "Update the app to open it; nothing was changed.")),
        (errors.DiskFull, _tr(
            "The disk is full or can't be written, so nothing was saved. "
            "Free some space and try again; your text is still here.")),
        (errors.UnsavableText, _tr(
            "Some characters in that text can't be stored, so nothing was saved. "
            "Your text is still here; retyping the odd character may help.")),
        (errors.BadImportFile, _tr(
            "That file isn't a Rebuild export, so nothing was imported.")),
    ]


def describe(error: BaseException) -> str:
    """One calm sentence for ``error``, with a way forward."""
    for kind, sentence in _sentences():
        if isinstance(error, kind):
            if str(error) != type(error).default_message:
                # A specific sentence (the import names the record and field, a
                # restore says why the backup was not used): that detail helps.
                return str(error)
            return sentence
    if isinstance(error, errors.KnownError):
        return str(error)
    # A bug: one line for whoever runs the app from a terminal, with the kind
    # of error only, never its message (it could quote content).
    print(f"rebuild-desktop: unexpected {type(error).__name__}", file=sys.stderr)
    return _tr("Something unexpected went wrong. Nothing was changed; please try again.")
