"""Import and export against real SQLCipher vaults: all or nothing, idempotent, exact."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from rebuild_desktop.domain.errors import BadExportTarget, BadImportFile, DiskFull
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.services.backups import list_backups
from rebuild_desktop.services.interchange import export_json, import_json, load_file
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import GratitudeRepository, TimelineRepository
from tests.services.test_interchange_parse import T1, couple_doc, encode, journal_doc


def write(path: Path, document: object) -> Path:
    path.write_bytes(encode(document))
    return path


def new_couple(library: VaultLibrary, name: str, partners: list[Partner] | None = None) -> Vault:
    return library.create(NewVault(name, VaultKind.COUPLE, partners or [], remember=True)).vault


def test_import_adds_every_kind_and_counts(couple_vault: Vault, tmp_path: Path) -> None:
    report = import_json(couple_vault, write(tmp_path / "in.json", couple_doc()))
    assert report.added == {"timeline": 1, "gratitude": 1, "checkins": 1, "hard_moments": 1,
                            "agreements": 1, "pacing": 1}
    assert report.total_skipped == 0
    event = TimelineRepository(couple_vault.db).get(T1)
    assert event is not None and event.trust == {PartnerId.A: 4, PartnerId.B: 7}


def test_a_second_import_adds_nothing_and_replaces_nothing(couple_vault: Vault,
                                                           tmp_path: Path) -> None:
    source = write(tmp_path / "in.json", couple_doc())
    import_json(couple_vault, source)
    repository = TimelineRepository(couple_vault.db)
    event = repository.get(T1)
    assert event is not None
    event.title = "changed after the first import"
    repository.update(event)
    report = import_json(couple_vault, source)
    assert report.total_added == 0
    assert report.skipped["timeline"] == 1 and report.total_skipped == 6
    assert repository.get(T1).title == "changed after the first import"  # type: ignore[union-attr]
    assert repository.count() == 1


def test_import_is_all_or_nothing(couple_vault: Vault, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(self: object, records: object, stamp: object = None) -> None:
        raise DiskFull()

    monkeypatch.setattr(GratitudeRepository, "add_many", full_disk)
    with pytest.raises(DiskFull):
        import_json(couple_vault, write(tmp_path / "in.json", couple_doc()))
    monkeypatch.undo()
    assert TimelineRepository(couple_vault.db).count() == 0
    assert PacingRepository(couple_vault.db).steps()[0].comfort == {}
    # The indexes and the search trigger dropped for the import came back with the rollback.
    indexes = {row[0] for row in couple_vault.db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'timeline'")}
    assert {"timeline_by_date", "timeline_by_origin", "timeline_rated"} <= indexes
    TimelineRepository(couple_vault.db).add(load_file(
        write(tmp_path / "in.json", couple_doc())).timeline[0])
    hits = couple_vault.db.execute(
        "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH 'sentinel'").fetchone()[0]
    assert hits == 1


def test_a_bad_file_changes_nothing(couple_vault: Vault, tmp_path: Path) -> None:
    document = couple_doc()
    document["agreements"][0]["status"] = "forever"
    before = couple_vault.paths.database.read_bytes()
    with pytest.raises(BadImportFile, match="agreements record 1"):
        import_json(couple_vault, write(tmp_path / "in.json", document))
    assert TimelineRepository(couple_vault.db).count() == 0
    assert couple_vault.paths.database.read_bytes() == before


def test_imported_text_is_searchable(couple_vault: Vault, tmp_path: Path) -> None:
    document = couple_doc()
    document["timeline"][0]["text"] = "a quiet walk along the river"
    document["timeline"].append(dict(document["timeline"][0],
                                     id="0f12ab34-1111-4a4a-8b8b-0000000000aa", text="rain"))
    import_json(couple_vault, write(tmp_path / "in.json", document))
    rows = couple_vault.db.execute(
        "SELECT t.id FROM timeline_fts JOIN timeline t ON t.seq = timeline_fts.rowid "
        "WHERE timeline_fts MATCH 'river'").fetchall()
    assert rows == [(T1,)]


def test_the_file_kind_must_match_the_vault(couple_vault: Vault, journal_vault: Vault,
                                            tmp_path: Path) -> None:
    with pytest.raises(BadImportFile, match="file is a private journal and this is a couple"):
        import_json(couple_vault, write(tmp_path / "j.json", journal_doc()))
    with pytest.raises(BadImportFile, match="file is a couple space and this is a private"):
        import_json(journal_vault, write(tmp_path / "c.json", couple_doc()))


def test_missing_or_unreadable_files_are_known_errors(couple_vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(BadImportFile, match="no file at that path"):
        import_json(couple_vault, tmp_path / "absent.json")
    with pytest.raises(BadImportFile, match="folder"):
        import_json(couple_vault, tmp_path)


def test_partners_and_pacing_are_taken_only_where_the_vault_has_none(
        library: VaultLibrary, tmp_path: Path) -> None:
    vault = new_couple(library, "named", [Partner(PartnerId.A, "Robin", None)])
    try:
        import_json(vault, write(tmp_path / "in.json", couple_doc()))
        partners = PartnerRepository(vault.db).all()
        assert [(p.name, p.role) for p in partners] == [("Robin", Role.HURT), ("Sam", None)]
        pacing = PacingRepository(vault.db).load()
        assert [s.id for s in pacing.steps] == [couple_doc()["pacing"]["steps"][0]["id"]]

        # Once the vault's pacing is its own, an import only appends new steps.
        document = couple_doc()
        document["pacing"] = {"pace_setter": "b", "paused_by": "b", "steps": [
            {"id": "0f12ab34-6666-4a4a-8b8b-0000000000bb", "title": "New", "area": "trust"}]}
        for name in ("timeline", "gratitude", "checkins", "hard_moments", "agreements"):
            document[name] = []
        report = import_json(vault, write(tmp_path / "in2.json", document))
        assert report.added["pacing"] == 1
        pacing = PacingRepository(vault.db).load()
        assert (pacing.pace_setter, pacing.paused_by) == (PartnerId.A, None)
        assert len(pacing.steps) == 2
    finally:
        vault.close()


def test_a_backup_is_taken_only_when_the_vault_holds_records(couple_vault: Vault,
                                                             tmp_path: Path) -> None:
    source = write(tmp_path / "in.json", couple_doc())
    assert import_json(couple_vault, source).backup is None
    report = import_json(couple_vault, source)
    assert report.backup is not None and report.backup in list_backups(couple_vault.paths)


def test_export_writes_every_list_in_date_then_id_order(couple_vault: Vault,
                                                        tmp_path: Path) -> None:
    document = couple_doc()
    later = dict(document["timeline"][0], id="0f12ab34-1111-4a4a-8b8b-0000000000a0",
                 date="2026-04-01")
    same_day = dict(document["timeline"][0], id="0f12ab34-1111-4a4a-8b8b-000000000000")
    document["timeline"] = [later, document["timeline"][0], same_day]
    import_json(couple_vault, write(tmp_path / "in.json", document))
    out = export_json(couple_vault, tmp_path / "out.json")
    written = json.loads(out.read_bytes())
    assert list(written) == ["format", "version", "vault", "timeline", "gratitude", "checkins",
                             "hard_moments", "agreements", "pacing"]
    assert [e["id"][-2:] for e in written["timeline"]] == ["00", "01", "a0"]


def test_a_journal_export_writes_only_the_journal(journal_vault: Vault, tmp_path: Path) -> None:
    report = import_json(journal_vault, write(tmp_path / "in.json", journal_doc()))
    assert (report.added, report.skipped) == ({"journal": 1}, {"journal": 0})
    written = json.loads(export_json(journal_vault, tmp_path / "out.json").read_bytes())
    assert list(written) == ["format", "version", "vault", "journal"]
    assert written["vault"]["partners"] == [{"id": "a", "name": "Alex", "role": None}]


def test_export_is_private_and_replaces_an_existing_file(couple_vault: Vault,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.json"
    out.write_text("old")
    os.chmod(out, 0o644)
    assert export_json(couple_vault, out) == out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_bytes())["format"] == "rebuild-desktop"
    assert [p.name for p in folder.iterdir()] == ["out.json"]  # no temporary file left
    with pytest.raises(BadExportTarget):
        export_json(couple_vault, folder)
    with pytest.raises(BadExportTarget):
        export_json(couple_vault, folder / "missing" / "out.json")


def test_round_trip_is_byte_identical_with_unknown_keys_and_origin(
        couple_vault: Vault, library: VaultLibrary, tmp_path: Path) -> None:
    document = couple_doc()
    document["timeline"][0]["origin"] = "checkin:" + document["checkins"][0]["id"]
    document["timeline"][0]["from_the_future"] = {"nested": ["kept", 1, None]}
    document["pacing"]["steps"][0]["colour"] = "amber"
    odd = "💔→🌱 שלום مرحبا\x00 '; DROP TABLE gratitude; --"
    document["gratitude"][0]["text"] = odd + "ü" * 2**20
    import_json(couple_vault, write(tmp_path / "in.json", document))
    first = export_json(couple_vault, tmp_path / "first.json").read_bytes()
    written = json.loads(first)
    assert written["timeline"][0]["origin"] == document["timeline"][0]["origin"]
    assert written["timeline"][0]["from_the_future"] == {"nested": ["kept", 1, None]}
    assert written["pacing"]["steps"][0]["colour"] == "amber"

    other = new_couple(library, "other")
    try:
        import_json(other, tmp_path / "first.json")
        second = export_json(other, tmp_path / "second.json").read_bytes()
    finally:
        other.close()
    assert second == first


def test_progress_is_reported_up_to_the_total(couple_vault: Vault, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_json(couple_vault, write(tmp_path / "in.json", couple_doc()),
                progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)
    assert all(done <= total for done, total in seen)


@pytest.mark.parametrize(("first", "second"), [(3, 40), (40, 3)])
def test_imports_large_and_small_leave_whole_indexes(couple_vault: Vault, tmp_path: Path,
                                                     first: int, second: int) -> None:
    """A large import builds the lookup indexes afresh, a small one writes into them."""
    from tests.benchmarks.corpus import events, interchange

    for number, count in enumerate((first, second)):
        document = interchange(0)
        document["timeline"] = list(events(count, seed=number))
        import_json(couple_vault, write(tmp_path / f"{number}.json", document))
    db = couple_vault.db
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.execute("INSERT INTO timeline_fts (timeline_fts) VALUES ('integrity-check')")
    by_index = [row[0] for row in db.execute(
        "SELECT id FROM timeline INDEXED BY timeline_by_date ORDER BY date DESC, id DESC")]
    assert len(by_index) == first + second
    assert by_index == [row[0] for row in db.execute(
        "SELECT id FROM timeline NOT INDEXED ORDER BY date DESC, id DESC")]
    stamps = db.execute("SELECT DISTINCT created_at, updated_at FROM timeline").fetchall()
    assert len(stamps) == 2 and all(made == changed for made, changed in stamps)
    assert all(len(made) == 24 and made.endswith("Z") for made, _ in stamps)
