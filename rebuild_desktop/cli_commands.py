"""What each command of the command line does (the parser is in ``cli.py``)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TextIO

from rebuild_desktop.cli_secrets import SecretInput, ask_new_passphrase, unlock, unlock_key
from rebuild_desktop.domain.errors import (
    KeyringLocked,
    KnownError,
    NoKeyring,
    NoUnlockMethod,
    VaultExists,
    VaultNotFound,
)
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.paths import resolve_data_dir
from rebuild_desktop.secrets.passphrase import check_strength
from rebuild_desktop.services import backups
from rebuild_desktop.services.integrity import check_vault
from rebuild_desktop.services.interchange import export_json, import_contents, load_file
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.storage.layout import vault_paths

EXIT_OK = 0


@dataclass(slots=True)
class Context:
    """What a command needs besides its arguments."""

    parser: argparse.ArgumentParser
    args: argparse.Namespace
    secrets: SecretInput
    out: TextIO
    err: TextIO

    def library(self) -> VaultLibrary:
        return VaultLibrary(resolve_data_dir(getattr(self.args, "data_dir", None)))

    def notice(self, text: str) -> None:
        print(text, file=self.err)


def vault_create(ctx: Context) -> int:
    """``vault create``: refuse anything only the recovery code could open; print the code last."""
    args, library = ctx.args, ctx.library()
    kind = VaultKind(args.kind)
    partners = _partners(ctx, kind)
    try:
        library.summary(args.name)
        raise VaultExists()
    except VaultNotFound:
        pass
    remember = args.keyring if args.keyring is not None else kind is VaultKind.COUPLE
    secret = None
    if ctx.secrets.interactive and (args.passphrase_stdin or kind is VaultKind.JOURNAL):
        secret = ask_new_passphrase(ctx.secrets, ctx.err)  # twice, with a strength hint
    elif args.passphrase_stdin:
        secret = ctx.secrets.next_line("passphrase")
    if secret is not None:
        check_strength(secret)
    if remember:
        try:
            library.keyring.check()
        except (NoKeyring, KeyringLocked) as error:
            if args.keyring or secret is None:
                raise type(error)(_no_keyring_advice(error, bool(args.keyring))) from None
            remember = False
            ctx.notice("No secure keyring answered here, so this vault opens with its "
                       "passphrase only.")
    if secret is None and not remember:
        raise NoUnlockMethod("That vault could only be opened with its recovery code, so "
                             "nothing was created: give a passphrase with --passphrase-stdin.")
    created = library.create(NewVault(args.name, kind, partners, secret, remember))
    created.vault.close()
    ctx.notice(f"Created the {kind.value} vault '{args.name}'. Its name is visible to anyone "
               "using this computer; everything inside it is encrypted.")
    ctx.notice("Its recovery code follows on standard output. Write it down and keep it somewhere "
               "safe: it is shown only once, and it opens the vault if the keyring or the "
               "passphrase is lost.")
    print(created.recovery_code, file=ctx.out)
    return EXIT_OK


def _no_keyring_advice(error: KnownError, asked: bool) -> str:
    why = ("No secure keyring is available here" if isinstance(error, NoKeyring)
           else "The keyring is locked or did not answer")
    if asked:
        return f"{why}, so nothing was created: leave out --keyring and use --passphrase-stdin."
    return (f"{why}, so nothing was created: give a passphrase with --passphrase-stdin "
            "(and --no-keyring to skip the keyring).")


def _partners(ctx: Context, kind: VaultKind) -> list[Partner]:
    names: list[str] = ctx.args.partner or []
    ids = [PartnerId.A] if kind is VaultKind.JOURNAL else [PartnerId.A, PartnerId.B]
    if len(names) > len(ids):
        ctx.parser.error(f"a {kind.value} vault has {len(ids)} partner(s); "
                         f"--partner was given {len(names)} times")
    roles: dict[PartnerId, Role] = {}
    for item in ctx.args.role or []:
        partner, _, role = item.partition("=")
        if partner not in [p.value for p in ids] or role not in [r.value for r in Role]:
            ctx.parser.error("--role takes PARTNER=ROLE, e.g. a=hurt or b=broke_trust")
        roles[PartnerId(partner)] = Role(role)
    padded = names + [""] * (len(ids) - len(names))
    return [Partner(p, name, roles.get(p)) for p, name in zip(ids, padded, strict=True)]


def vault_list(ctx: Context) -> int:
    """``vault list``: one ``NAME<TAB>KIND`` line per vault."""
    for summary in ctx.library().summaries():
        kind = summary.kind.value if summary.kind else "unknown"
        print(f"{summary.name}\t{kind}", file=ctx.out)
    return EXIT_OK


def import_file(ctx: Context) -> int:
    """``import``: check the whole file first, then add its records in one transaction."""
    contents = load_file(ctx.args.file)  # a bad file fails before any secret is used
    vault = unlock(ctx.library(), ctx.args.name, ctx.args, ctx.secrets)
    try:
        report = import_contents(vault, contents, conn=vault.db)
    finally:
        vault.close()
    if report.backup is not None:
        ctx.notice("A backup of the vault was taken before the import.")
    for kind, added in report.added.items():
        print(f"{kind}: {added} added, {report.skipped[kind]} already there", file=ctx.out)
    return EXIT_OK


def export(ctx: Context) -> int:
    """``export``: the whole vault as JSON, or the counselor PDF; prints the path written."""
    args = ctx.args
    if args.format == "json" and (args.date_from or args.date_to or args.pdf_password_stdin
                                  or args.sections):
        ctx.parser.error("--from, --to, --sections and --pdf-password-stdin apply only to "
                         "--format pdf; a JSON export is always the whole vault")
    vault = unlock(ctx.library(), args.name, args, ctx.secrets)
    try:
        if args.format == "json":
            written = export_json(vault, args.output, conn=vault.db)
        else:
            password = ctx.secrets.next_line("PDF password") if args.pdf_password_stdin else None
            from rebuild_desktop.export.counselor import write_counselor_pdf

            written = write_counselor_pdf(
                vault, args.output, date_from=args.date_from, date_to=args.date_to,
                password=password, sections=args.sections,
            )
    finally:
        vault.close()
    print(written, file=ctx.out)
    return EXIT_OK


def verify(ctx: Context) -> int:
    """``verify``: exit 0 only when the key and every page check out."""
    vault = unlock(ctx.library(), ctx.args.name, ctx.args, ctx.secrets)
    try:
        check_vault(vault)
    finally:
        vault.close()
    print(f"{ctx.args.name}: sound", file=ctx.out)
    return EXIT_OK


def backup(ctx: Context) -> int:
    """``backup``: take one now and print its path, or list them newest first."""
    library = ctx.library()
    if ctx.args.list:
        paths = vault_paths(library.data_dir, ctx.args.name)
        library.summary(ctx.args.name)  # an unknown vault is an error, not an empty list
        for path in backups.list_backups(paths):
            print(path, file=ctx.out)
        return EXIT_OK
    vault = unlock(library, ctx.args.name, ctx.args, ctx.secrets)
    try:
        taken = vault.backup("manual")
        backups.prune(vault.paths)
    finally:
        vault.close()
    print(taken, file=ctx.out)
    return EXIT_OK


def restore(ctx: Context) -> int:
    """``restore``: check the backup in a temporary place, back up the present
    state, then replace the vault; works even when the vault is too damaged to
    open. Prints the path of the copy kept of the state it replaced."""
    library = ctx.library()
    unlocked = unlock_key(library, ctx.args.name, ctx.args, ctx.secrets)
    kept = library.restore(unlocked, ctx.args.backup.expanduser().resolve())
    ctx.notice(f"Restored. What the vault held before is kept as {kept.name}.")
    print(kept, file=ctx.out)
    return EXIT_OK


def gui(ctx: Context) -> int:
    """No command: open the app (Qt is imported only here)."""
    args = ctx.args
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    demo = args.demo or (args.demo_if_empty and not VaultLibrary(data_dir).summaries())
    from rebuild_desktop.app import GuiOptions, run

    return int(run(GuiOptions(data_dir=data_dir, vault=args.vault, demo=demo)))
