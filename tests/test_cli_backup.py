"""``backup`` and ``restore`` on the command line, against real vault files."""

from __future__ import annotations

import re
from pathlib import Path

from rebuild_desktop.services import backups
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.storage.layout import vault_paths
from rebuild_desktop.storage.records import TimelineRepository
from tests.services.test_backups import add_event
from tests.test_cli import PASSPHRASE, run  # noqa: F401 - the fixture

CODE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$")


def _create(run) -> str:  # noqa: F811
    made = run("vault", "create", "home", "--kind", "couple", "--partner", "Alex",
               "--partner", "Sam", "--passphrase-stdin", "--no-keyring",
               stdin=PASSPHRASE + "\n")
    assert made.code == 0, made.err
    assert CODE.match(made.out_lines[-1])
    return made.out_lines[-1]


def _titles(data_dir: Path) -> list[str]:
    vault = VaultLibrary(data_dir).open_with_passphrase("home", PASSPHRASE)
    try:
        return sorted(e.title for e in TimelineRepository(vault.db).all())
    finally:
        vault.close()


def test_backup_prints_its_path_and_list_shows_newest_first(run, data_dir: Path):  # noqa: F811
    _create(run)
    first = run("backup", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    second = run("backup", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert first.code == second.code == 0
    listed = run("backup", "home", "--list")
    assert listed.code == 0
    assert listed.out_lines == [second.out.strip(), first.out.strip()]
    assert Path(first.out.strip()).is_file()


def test_backup_list_of_an_unknown_vault_fails_in_one_line(run):  # noqa: F811
    result = run("backup", "nobody", "--list")
    assert result.code == 1 and len(result.err_lines) == 1


def test_restore_replaces_the_vault_and_keeps_the_present(run, data_dir: Path):  # noqa: F811
    _create(run)
    library = VaultLibrary(data_dir)
    vault = library.open_with_passphrase("home", PASSPHRASE)
    add_event(vault, "in the backup")
    vault.close()
    taken = run("backup", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").out.strip()
    vault = library.open_with_passphrase("home", PASSPHRASE)
    add_event(vault, "after the backup")
    vault.close()

    result = run("restore", "home", taken, "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.code == 0, result.err
    kept = Path(result.out.strip())
    assert "before-restore" in kept.name
    assert _titles(data_dir) == ["in the backup"]
    assert kept in backups.list_backups(vault_paths(data_dir, "home"))


def test_restore_mends_a_damaged_vault_with_the_recovery_code(run, data_dir: Path):  # noqa: F811
    code = _create(run)
    taken = run("backup", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").out.strip()
    database = vault_paths(data_dir, "home").database
    database.write_bytes(b"\0" * database.stat().st_size)
    assert run("verify", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 1
    result = run("restore", "home", taken, "--recovery-code-stdin", stdin=code.lower() + "\n")
    assert result.code == 0, result.err
    assert run("verify", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0


def test_restore_of_a_damaged_backup_fails_and_changes_nothing(run, data_dir: Path):  # noqa: F811
    _create(run)
    taken = Path(run("backup", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").out.strip())
    taken.write_bytes(taken.read_bytes()[:4096])
    before = vault_paths(data_dir, "home").database.read_bytes()
    result = run("restore", "home", str(taken), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.code == 1 and len(result.err_lines) == 1
    assert vault_paths(data_dir, "home").database.read_bytes() == before
