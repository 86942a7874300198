"""Import and export a whole vault as an interchange file (SPEC.md, version 1).

Import is all or nothing (one transaction) and idempotent by record id: a
record whose id the vault already holds is skipped, never replaced. Both
directions run on a worker thread through ``TaskRunner``, each on its own
connection (``vault.connect()``) unless the caller hands one in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.errors import BadExportTarget, BadImportFile
from rebuild_desktop.domain.records import Pacing, Partner, VaultContents
from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.backups import take_backup
from rebuild_desktop.services.interchange_document import to_bytes
from rebuild_desktop.services.interchange_validate import collector_paused, parse
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.files import write_atomically
from rebuild_desktop.storage.interchange_store import (
    holds_records,
    lookup_indexes_afterwards,
    replace_pacing_steps,
    search_index_afterwards,
    snapshot,
)
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import (
    AgreementRepository,
    CheckInRepository,
    GratitudeRepository,
    HardMomentRepository,
    JournalRepository,
    TimelineRepository,
)
from rebuild_desktop.storage.repository import RecordRepository, now_stamp

__all__ = ["ImportReport", "export_json", "import_contents", "import_json", "load_file", "parse",
           "read_contents"]

Progress = Callable[[int, int], None]

_BATCH = 20_000
# The record lists of the file, in file order, with the repository of each.
_KINDS: tuple[tuple[str, type[RecordRepository[Any]]], ...] = (
    ("timeline", TimelineRepository),
    ("gratitude", GratitudeRepository),
    ("checkins", CheckInRepository),
    ("hard_moments", HardMomentRepository),
    ("agreements", AgreementRepository),
    ("journal", JournalRepository),
)


def _kinds_of(kind: VaultKind) -> tuple[tuple[str, type[RecordRepository[Any]]], ...]:
    """The record lists a vault of ``kind`` holds (a journal only ``journal``)."""
    return _KINDS[-1:] if kind is VaultKind.JOURNAL else _KINDS[:-1]


@dataclass(slots=True)
class ImportReport:
    """How many records of each kind were added, and how many were already there."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())


@contextlib.contextmanager
def _connection(vault: Vault, conn: Connection | None) -> Iterator[Connection]:
    if conn is not None:
        yield conn
        return
    own = vault.connect()
    try:
        yield own
    finally:
        own.close()


def _read_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BadImportFile("There is no file at that path; nothing was imported.") from None
    except IsADirectoryError:
        raise BadImportFile("That is a folder, not an export file; nothing was imported.") from None
    except OSError:
        raise BadImportFile("That file could not be read; nothing was imported.") from None


def load_file(path: Path) -> VaultContents:
    """Read and check the interchange file at ``path``.

    Raises:
        BadImportFile: the file is missing, unreadable or invalid.
    """
    return parse(_read_file(path))


def import_json(vault: Vault, path: Path, progress: Progress | None = None, *,
                conn: Connection | None = None) -> ImportReport:
    """Add the records of the file at ``path`` to ``vault``.

    The cyclic garbage collector is held off throughout: the records read
    from a large file stay alive to the end and hold no cycles, and each
    collection would walk all of them again (see ``collector_paused``).

    Raises:
        BadImportFile: the file is unreadable, invalid, or of the other vault kind.
        DiskFull: nothing was written.
    """
    with collector_paused():
        return import_contents(vault, load_file(path), progress, conn=conn)


def import_contents(vault: Vault, contents: VaultContents, progress: Progress | None = None,
                    *, conn: Connection | None = None) -> ImportReport:
    """Add already-validated ``contents`` to ``vault`` in one transaction."""
    if contents.kind is not vault.kind:
        raise BadImportFile(_KIND_MISMATCH[vault.kind])
    with _connection(vault, conn) as db:
        backup = None
        if holds_records(db):
            backup = take_backup(db, vault.key(), vault.paths, "before-import")
        with transaction(db):
            report = _write(db, contents, progress)
    report.backup = backup
    return report


_KIND_MISMATCH = {
    VaultKind.COUPLE: "That file is a private journal and this is a couple space; "
                      "import it into a journal vault. Nothing was imported.",
    VaultKind.JOURNAL: "That file is a couple space and this is a private journal; "
                       "import it into a couple vault. Nothing was imported.",
}


def _write(db: Connection, contents: VaultContents, progress: Progress | None) -> ImportReport:
    report = ImportReport()
    stamp = now_stamp()  # every imported record was created and last changed now
    kinds = _kinds_of(contents.kind)
    total = sum(len(getattr(contents, name)) for name, _ in kinds)
    total += len(contents.pacing.steps) if contents.pacing else 0
    done = 0
    _merge_partners(PartnerRepository(db), contents.partners)
    for name, repository_type in kinds:
        records: Sequence[Any] = getattr(contents, name)
        repository = repository_type(db)
        known = repository.ids() if records else set()
        # In date order, so that ``seq`` follows the date index and a search
        # reads narrow slices of the full-text index (storage/timeline_search.py).
        # Two stable sorts (id, then date) give the (date, id) order at a third
        # of the cost of a tuple key.
        fresh = sorted((r for r in records if r.id not in known), key=_id_of)
        fresh.sort(key=_date_of)
        if fresh:
            many = len(fresh) >= len(known)
            with (lookup_indexes_afterwards(db, repository.table) if many
                  else contextlib.nullcontext()), search_index_afterwards(db, repository.table):
                for start in range(0, len(fresh), _BATCH):
                    repository.add_many(fresh[start:start + _BATCH], stamp)
                    if progress is not None:
                        progress(done + min(start + _BATCH, len(fresh)), total)
        report.added[name] = len(fresh)
        report.skipped[name] = len(records) - len(fresh)
        done += len(records)
    if contents.kind is VaultKind.COUPLE:
        added, skipped = _merge_pacing(db, contents.pacing)
        report.added["pacing"], report.skipped["pacing"] = added, skipped
    if progress is not None:
        progress(total, total)
    return report


def _id_of(record: Any) -> str:
    return str(record.id).lower()


def _date_of(record: Any) -> str:
    return str(record.date)


def _merge_partners(repository: PartnerRepository, incoming: list[Partner]) -> None:
    """Names and roles are taken only where the vault has none yet."""
    current = {p.id: p for p in repository.all()}
    for partner in incoming:
        mine = current.get(partner.id)
        if mine is None:
            continue
        merged = Partner(partner.id, mine.name or partner.name, mine.role or partner.role)
        if merged != mine:
            repository.save(merged)


def _merge_pacing(db: Connection, incoming: Pacing | None) -> tuple[int, int]:
    """Take the file's pacing whole when the vault's is untouched; else add new steps.

    A vault whose ladder is still exactly the default one (no marks, not
    paused) has no pacing of its own yet, so the file's settings, ladder order,
    titles and marks all come across; this is what makes export, import into a
    new vault and export give the same file. Otherwise only steps with ids the
    vault does not hold are appended, and nothing already there changes.
    """
    if incoming is None:
        return 0, 0
    repository = PacingRepository(db)
    mine = repository.load()
    known = {step.id for step in mine.steps}
    fresh = [step for step in incoming.steps if step.id not in known]
    if mine.steps == default_pacing_steps() and mine.paused_by is None:
        if incoming.pace_setter is not None:
            repository.set_pace_setter(incoming.pace_setter)
        repository.set_paused_by(incoming.paused_by)
        if incoming.steps:
            replace_pacing_steps(db, incoming.steps)
    else:
        for step in fresh:
            repository.add(step)
    return len(fresh), len(incoming.steps) - len(fresh)


def read_contents(db: Connection, kind: VaultKind) -> VaultContents:
    """Everything the vault holds, as the interchange file carries it."""
    contents = VaultContents(kind=kind, partners=PartnerRepository(db).all())
    for name, repository_type in _kinds_of(kind):
        setattr(contents, name, repository_type(db).all())
    if kind is VaultKind.COUPLE:
        contents.pacing = PacingRepository(db).load()
    return contents


def export_json(vault: Vault, out: Path, progress: Progress | None = None, *,
                conn: Connection | None = None) -> Path:
    """Write the whole vault to ``out`` (atomically, mode 0600) and return the path.

    Raises:
        BadExportTarget: ``out`` is a folder or its folder does not exist.
        DiskFull: nothing was written; an existing file at ``out`` is unchanged.
    """
    out = Path(out).expanduser()
    if out.is_dir() or not out.parent.is_dir():
        raise BadExportTarget()
    if progress is not None:
        progress(0, 2)
    with _connection(vault, conn) as db, snapshot(db):
        contents = read_contents(db, vault.kind)
    if progress is not None:
        progress(1, 2)
    write_atomically(out, to_bytes(contents))
    if progress is not None:
        progress(2, 2)
    return out
