"""Run the timeline benchmarks: ``python -m tests.benchmarks [SIZE ...]`` (default 1k, 10k, 100k).

For each size: import time (beside plain stdlib sqlite3 doing the same inserts),
process start to the timeline's first paint and show() to first paint (beside a
bare PySide6 window with an empty list view), search latency for rare, common
and very common terms, scrolling, and resident memory. Needs Linux (/proc).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.services.interchange import import_json, load_file
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.storage import schema
from rebuild_desktop.storage.connection import VAULT_PRAGMAS, transaction
from rebuild_desktop.storage.interchange_store import (
    lookup_indexes_afterwards,
    search_index_afterwards,
)
from rebuild_desktop.storage.records import TimelineRepository
from tests.benchmarks.corpus import interchange

SIZES = (1_000, 10_000, 100_000)
TARGETS = {
    "start-up": "≤ 2 × bare window", "search p95": "< 30 ms rare/common, < 60 ms very common",
    "page paint": "< 16 ms", "import": "< 3 s at 100,000",
    "memory": "< 1.5 × bare + 40 MiB",
}


def _import(vault, path: Path) -> float:
    """Import through the app's real path, as the Import button runs it."""
    start = time.perf_counter()
    import_json(vault, path)
    return time.perf_counter() - start


def _sqlite_floor(path: Path, folder: Path) -> float:
    """The import's own insert code on plain stdlib sqlite3: no encryption, no memory locking.

    Same schema, same rows, same bulk path and the vault's other pragmas;
    reading and checking the file are timed too, as they are in the import.
    """
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None, cached_statements=0)
    for name in ("journal_mode", "synchronous", "secure_delete", "foreign_keys", "temp_store"):
        conn.execute(f"PRAGMA {name} = {VAULT_PRAGMAS[name]}")
    schema.create_schema(conn)  # type: ignore[arg-type]
    start = time.perf_counter()
    events = sorted(load_file(path).timeline, key=lambda e: (e.date, e.id.lower()))
    repository = TimelineRepository(conn)  # type: ignore[arg-type]
    with transaction(conn), lookup_indexes_afterwards(conn, "timeline"), \
            search_index_afterwards(conn, "timeline"):  # type: ignore[arg-type]
        repository.add_many(events)
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def _probe(*args: str, stdin: str = "") -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.gui_probe", *args, repr(started)],
        input=stdin, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(label: str, value: float, unit: str, floor: str = "") -> None:
    print(f"  {label:<34}{value:>10.1f} {unit:<4}{floor}")


def run(size: int, bare: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "timeline.json"
        source.write_text(json.dumps(interchange(size)), encoding="utf-8")
        library = VaultLibrary(folder / "data", SystemKeyring(timeout=5))
        created = library.create(NewVault(
            "bench", VaultKind.COUPLE, [Partner(PartnerId.A, "Alex", Role.HURT),
                                        Partner(PartnerId.B, "Sam", Role.BROKE_TRUST)],
            passphrase="benchmark passphrase"))
        seconds = _import(created.vault, source)
        created.vault.close()
        floor = _sqlite_floor(source, folder)
        gui = _probe("timeline", str(folder / "data"), "bench", stdin=created.recovery_code + "\n")
    print(f"\n{size:,} events")
    _line("import", seconds, "s", f"  floor: same inserts on stdlib sqlite3 {floor:.2f} s")
    _line("process start → first paint", gui["start_to_paint_ms"], "ms",
          f"  floor: bare window {bare['start_to_paint_ms']:.1f} ms")
    _line("show() → first paint", gui["show_to_paint_ms"], "ms",
          f"  floor: bare window {bare['show_to_paint_ms']:.1f} ms")
    for label in ("rare", "common", "very_common"):
        _line(f"search {label.replace('_', ' ')} median", gui[f"search_{label}_median_ms"], "ms")
        _line(f"search {label.replace('_', ' ')} p95", gui[f"search_{label}_p95_ms"], "ms")
    _line("load the whole index (fetchMore)", gui["load_all_ms"], "ms")
    _line("scroll: jump to middle, paint", gui["scroll_middle_ms"], "ms")
    _line("scroll: jump to end, paint", gui["scroll_end_ms"], "ms")
    _line("slowest of 20 page paints", gui["page_paint_max_ms"], "ms")
    _line("resident memory (peak)", gui["peak_mib"], "MiB",
          f"  floor: bare window {bare['peak_mib']:.1f} MiB")


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or list(SIZES)
    print("Targets at 100,000 events: " + "; ".join(f"{k} {v}" for k, v in TARGETS.items()))
    bare = _probe("bare")
    for size in sizes:
        run(size, bare)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
