"""An import builds the search index in one go, in date order, and leaves FTS5 as it was."""

from __future__ import annotations

import uuid

from rebuild_desktop.domain.records import TimelineEvent, VaultContents
from rebuild_desktop.domain.values import Author, EventKind, VaultKind
from rebuild_desktop.services.interchange import import_contents
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService


def _events(count: int, word: str) -> list[TimelineEvent]:
    return [TimelineEvent(str(uuid.uuid4()), f"2026-{1 + n % 12:02d}-{1 + n * 7 % 28:02d}",
                          EventKind.NOTE, Author.A, f"{word} {n}", f"quiet {word} day")
            for n in range(count)]


def _settings(couple_vault) -> dict[str, int]:
    return dict(couple_vault.db.execute(
        "SELECT k, v FROM timeline_fts_config WHERE k IN ('hashsize', 'automerge')").fetchall())


def test_import_indexes_every_row_and_puts_the_settings_back(couple_vault):
    service = TimelineService(couple_vault.db)
    service.add(_events(1, "before")[0])
    for word in ("first", "second"):  # the second import adds to an index that has rows
        import_contents(couple_vault, VaultContents(kind=VaultKind.COUPLE,
                                                    timeline=_events(300, word)))
    db = couple_vault.db
    db.execute("INSERT INTO timeline_fts (timeline_fts, rank) VALUES ('integrity-check', 1)")
    assert _settings(couple_vault) == {"hashsize": 1024 * 1024, "automerge": 4}
    assert len(service.page(TimelineFilter(search="quiet"), None)) == 601
    assert len(service.page(TimelineFilter(search="secon"), None)) == 300
    # Written in date order: seq follows the date order of the imported rows.
    rows = db.execute("SELECT date, id FROM timeline WHERE title LIKE 'first %' "
                      "ORDER BY seq").fetchall()
    assert rows == sorted(rows)
    # Rows added one by one afterwards are indexed by the trigger again.
    service.add(_events(1, "after")[0])
    assert len(service.page(TimelineFilter(search="after"), None)) == 1
