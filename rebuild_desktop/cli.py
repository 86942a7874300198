"""The command line of SPEC.md, and the door to the app.

Exit codes: 0 success; 1 a failure the user can act on, with one line on
standard error; 2 a usage error (argparse); 70 a bug, reported in one line
that holds no content and no traceback. Qt and the app are imported only on
the GUI path, so scripting stays quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from rebuild_desktop import APP_NAME
from rebuild_desktop import cli_commands as command
from rebuild_desktop.cli_commands import Context
from rebuild_desktop.cli_secrets import SecretInput
from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.values import VaultKind

EXIT_FAILURE, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 1, 2, 70, 130


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
    parser.set_defaults(run=command.gui)
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
    create.set_defaults(run=command.vault_create)
    listing = vault_commands.add_parser("list", parents=[common], help="list the vaults")
    listing.set_defaults(run=command.vault_list)

    importing = commands.add_parser("import", parents=[common],
                                    help="add the records of an export file to a vault")
    importing.add_argument("name", metavar="NAME")
    importing.add_argument("file", metavar="FILE.json", type=Path,
                           help="an interchange file (see resources/interchange.md)")
    _unlock_options(importing)
    importing.set_defaults(run=command.import_file)

    export = commands.add_parser("export", parents=[common],
                                 help="write a vault as JSON or a counselor summary PDF")
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", choices=["json", "pdf"], required=True,
                        help="json: the whole vault; pdf: a summary for a counselor")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help="the file to write (replaced if it exists)")
    export.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD",
                        help="first day the PDF covers")
    export.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD",
                        help="last day the PDF covers")
    export.add_argument("--pdf-password-stdin", action="store_true",
                        help="read a password for the PDF from standard input")
    export.add_argument("--sections", type=_sections, metavar="A,B,…",
                        help="only these sections of the PDF")
    _unlock_options(export)
    export.set_defaults(run=command.export)

    verify = commands.add_parser("verify", parents=[common],
                                 help="check a vault's key and integrity")
    verify.add_argument("name", metavar="NAME")
    _unlock_options(verify)
    verify.set_defaults(run=command.verify)

    backup = commands.add_parser("backup", parents=[common],
                                 help="take an encrypted backup and print its path")
    backup.add_argument("name", metavar="NAME")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    _unlock_options(backup)
    backup.set_defaults(run=command.backup)

    restore = commands.add_parser(
        "restore", parents=[common],
        help="replace a vault with a checked backup (the present state is backed up first)")
    restore.add_argument("name", metavar="NAME")
    restore.add_argument("backup", metavar="BACKUP", type=Path, help="a file from 'backup --list'")
    _unlock_options(restore)
    restore.set_defaults(run=command.restore)
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
