"""The command line of SPEC.md, and the door to the app.

Exit codes: 0 success; 1 a failure the user can act on, with one line on
standard error; 2 a usage error (argparse); 70 a bug, reported in one line
that holds no content and no traceback. Qt and the app are imported only on
the GUI path, so scripting stays quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from rebuild_desktop import APP_NAME
from rebuild_desktop.cli_secrets import SecretInput, ask_new_passphrase, unlock
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
from rebuild_desktop.services.integrity import check_vault
from rebuild_desktop.services.interchange import export_json, import_contents, load_file
from rebuild_desktop.services.library import NewVault, VaultLibrary

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


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


Command = Callable[[Context], int]


# Commands ---------------------------------------------------------------------


def _vault_create(ctx: Context) -> int:
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
    if args.passphrase_stdin:
        secret = ctx.secrets.next_line("passphrase")
        check_strength(secret)
    elif kind is VaultKind.JOURNAL and ctx.secrets.interactive:
        secret = ask_new_passphrase(ctx.secrets, ctx.err)
        check_strength(secret)
    if remember:
        try:
            library.keyring.check()
        except (NoKeyring, KeyringLocked) as error:
            if args.keyring or secret is None:
                raise type(error)(_no_keyring_advice(error, kind, bool(args.keyring))) from None
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


def _no_keyring_advice(error: KnownError, kind: VaultKind, asked: bool) -> str:
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


def _vault_list(ctx: Context) -> int:
    for summary in ctx.library().summaries():
        kind = summary.kind.value if summary.kind else "unknown"
        print(f"{summary.name}\t{kind}", file=ctx.out)
    return EXIT_OK


def _import(ctx: Context) -> int:
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


def _export(ctx: Context) -> int:
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


def _verify(ctx: Context) -> int:
    vault = unlock(ctx.library(), ctx.args.name, ctx.args, ctx.secrets)
    try:
        check_vault(vault)
    finally:
        vault.close()
    print(f"{ctx.args.name}: sound", file=ctx.out)
    return EXIT_OK


def _gui(ctx: Context) -> int:
    args = ctx.args
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    demo = args.demo or (args.demo_if_empty and not VaultLibrary(data_dir).summaries())
    from rebuild_desktop.app import GuiOptions, run

    return int(run(GuiOptions(data_dir=data_dir, vault=args.vault, demo=demo)))


# Parser -----------------------------------------------------------------------


def _day(text: str) -> str:
    try:
        date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date written YYYY-MM-DD") from None
    if len(text) != 10:
        raise argparse.ArgumentTypeError("expected a date written YYYY-MM-DD")
    return text


def _sections(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _unlock_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-stdin", action="store_true",
                       help="read the passphrase from the first line of standard input")
    group.add_argument("--recovery-code-stdin", action="store_true",
                       help="read the recovery code from the first line of standard input")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command sets ``run`` to its function."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="where the vaults live (or $REBUILD_DESKTOP_DATA_DIR)")
    parser = argparse.ArgumentParser(prog=APP_NAME, parents=[common],
                                     description="A private, offline, encrypted companion.")
    parser.add_argument("--vault", metavar="NAME", help="open the app straight into this vault")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a sample couple vault in a throwaway place")
    parser.add_argument("--demo-if-empty", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(run=_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    vault = commands.add_parser("vault", parents=[common], help="create or list vaults")
    vault_commands = vault.add_subparsers(title="vault commands", metavar="ACTION", required=True)
    create = vault_commands.add_parser("create", parents=[common], help="create a vault")
    create.add_argument("name", metavar="NAME")
    create.add_argument("--kind", choices=[k.value for k in VaultKind], required=True)
    create.add_argument("--partner", action="append", metavar="NAME",
                        help="a partner's name (a couple has two, a journal one)")
    create.add_argument("--role", action="append", metavar="PARTNER=ROLE",
                        help="optional: a=hurt or b=broke_trust")
    create.add_argument("--passphrase-stdin", action="store_true",
                        help="read the new passphrase from standard input")
    remember = create.add_mutually_exclusive_group()
    remember.add_argument("--keyring", dest="keyring", action="store_true", default=None,
                          help="keep the key in this computer's keyring")
    remember.add_argument("--no-keyring", dest="keyring", action="store_false",
                          help="don't keep the key in the keyring")
    create.set_defaults(run=_vault_create)
    listing = vault_commands.add_parser("list", parents=[common], help="list the vaults")
    listing.set_defaults(run=_vault_list)

    importing = commands.add_parser("import", parents=[common],
                                    help="add the records of an export file to a vault")
    importing.add_argument("name", metavar="NAME")
    importing.add_argument("file", metavar="FILE.json", type=Path)
    _unlock_options(importing)
    importing.set_defaults(run=_import)

    export = commands.add_parser("export", parents=[common], help="export a vault")
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", choices=["json", "pdf"], required=True)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD")
    export.add_argument("--pdf-password-stdin", action="store_true",
                        help="read a password for the PDF from standard input")
    export.add_argument("--sections", type=_sections, metavar="A,B,…",
                        help="only these sections of the PDF")
    _unlock_options(export)
    export.set_defaults(run=_export)

    verify = commands.add_parser("verify", parents=[common],
                                 help="check a vault's key and integrity")
    verify.add_argument("name", metavar="NAME")
    _unlock_options(verify)
    verify.set_defaults(run=_verify)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command and return its exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        ctx = Context(parser, args, SecretInput(stdin or sys.stdin), out, err)
        return int(args.run(ctx))
    except SystemExit as exit_request:  # argparse: --help (0) or a usage error (2)
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_USAGE
    except KnownError as error:
        print(" ".join(str(error).split()), file=err)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("Stopped.", file=err)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: one line, its type only, never content
        print(f"{APP_NAME}: an unexpected {type(error).__name__} stopped the command; "
              "this is a bug in Rebuild.", file=err)
        return EXIT_BUG
