"""Secrets on the command line: one per line on standard input, or asked at a terminal.

SPEC.md: keyring first; a secret given explicitly (``--passphrase-stdin``,
``--recovery-code-stdin``) is the only one tried; when a command needs two
secrets, the unlock secret is line 1 and the PDF password line 2. Secrets are
never echoed, logged or put in an error message.
"""

from __future__ import annotations

import argparse
import getpass
from typing import TextIO

from rebuild_desktop.domain.errors import (
    KeyMissingFromKeyring,
    KeyringLocked,
    KnownError,
    NoKeyring,
    VaultDamaged,
)
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.services.vault_keys import UnlockedKey


class MissingSecret(KnownError):
    default_message = "Standard input ended before the secret this command needs."


class PassphraseMismatch(KnownError):
    default_message = "The two passphrases were not the same, so nothing was created."


class SecretInput:
    """Reads secrets in order: from standard input, or from the terminal with getpass."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def interactive(self) -> bool:
        """Whether a person is at a terminal who can be asked."""
        isatty = getattr(self._stream, "isatty", None)
        return bool(isatty and isatty())

    def next_line(self, what: str) -> str:
        """The next line of standard input, without its line ending.

        At a terminal the line is read without echo, so a secret typed there
        never shows on screen.
        """
        if self.interactive:
            return self.ask(f"{what[:1].upper()}{what[1:]}: ")
        line = self._stream.readline()
        if not line:
            raise MissingSecret(f"Standard input ended before the {what}; nothing was changed.")
        if line.endswith("\n"):
            line = line[:-1]
        if line.endswith("\r"):
            line = line[:-1]
        return line

    @staticmethod
    def ask(prompt: str) -> str:
        return getpass.getpass(prompt)


def strength_hint(passphrase: str) -> str:
    """A short, kind hint about how hard the passphrase is to guess."""
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(passphrase) < 8:
        return "Passphrase strength: too short (at least 8 characters)."
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return "Passphrase strength: strong."
    if len(passphrase) >= 12 and kinds >= 2:
        return "Passphrase strength: good; a few more words would make it stronger."
    return ("Passphrase strength: fair; several unrelated words are easier to remember "
            "and harder to guess.")


def ask_new_passphrase(secrets: SecretInput, err: TextIO) -> str:
    """Ask twice at the terminal, showing a strength hint after the first answer."""
    first = secrets.ask("New passphrase (at least 8 characters): ")
    print(strength_hint(first), file=err)
    second = secrets.ask("The same passphrase again: ")
    if first != second:
        raise PassphraseMismatch()
    return first


_KEYRING_TROUBLE = (NoKeyring, KeyringLocked, KeyMissingFromKeyring)


def unlock(library: VaultLibrary, name: str, args: argparse.Namespace,
           secrets: SecretInput) -> Vault:
    """Open vault ``name`` the way SPEC.md's command line does.

    Raises:
        KnownError: the vault is unknown, the secret is wrong or missing, etc.
    """
    return library.open_unlocked(unlock_key(library, name, args, secrets))


def unlock_key(library: VaultLibrary, name: str, args: argparse.Namespace,
               secrets: SecretInput) -> UnlockedKey:
    """The checked data key of vault ``name``, without opening the file (for
    ``restore``, which must work when the vault is too damaged to open).

    An explicit secret is the only one tried; otherwise the keyring first,
    then a passphrase asked at a terminal.
    """
    if getattr(args, "passphrase_stdin", False):
        return library.key_from_passphrase(name, secrets.next_line("passphrase"))
    if getattr(args, "recovery_code_stdin", False):
        return library.key_from_recovery_code(name, secrets.next_line("recovery code"))
    summary = library.summary(name)
    if summary.kind is None:
        raise VaultDamaged("The vault's key file is missing or damaged; open it with its "
                           "recovery code (--recovery-code-stdin).")
    if summary.remembered:
        try:
            return library.key_from_keyring(name)
        except _KEYRING_TROUBLE as error:
            if not (summary.has_passphrase and secrets.interactive):
                raise type(error)(f"{error} (--passphrase-stdin or --recovery-code-stdin)") \
                    from None
    if summary.has_passphrase and secrets.interactive:
        return library.key_from_passphrase(name, secrets.ask(f"Passphrase for {name}: "))
    raise MissingSecret("This vault opens with its passphrase: give it on standard input "
                        "with --passphrase-stdin (or the recovery code with "
                        "--recovery-code-stdin).")
