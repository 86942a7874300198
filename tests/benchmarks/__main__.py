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
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.storage import schema
from tests.benchmarks.corpus import interchange

SIZES = (1_000, 10_000, 100_000)
TARGETS = {
    "start-up": "≤ 2 × bare window", "search p95": "< 30 ms rare/common, < 60 ms very common",
    "page paint": "< 16 ms", "import": "< 3 s at 100,000",
    "memory": "< 1.5 × bare + 40 MiB",
}


def _import(vault, path: Path) -> tuple[float, str]:
    """Import through the app's real path; say so plainly when it is not there yet."""
    try:
        from rebuild_desktop.services.interchange import import_json
    except ImportError:
        import_json = None
    start = time.perf_counter()
    if import_json is not None:
        import_json(vault, path)
        return time.perf_counter() - start, "import_json"
    _insert_through_repositories(vault, path)
    return time.perf_counter() - start, "repositories (import_json not on this branch yet)"


def _insert_through_repositories(vault, path: Path) -> None:
    from rebuild_desktop.domain.records import TimelineEvent
    from rebuild_desktop.domain.values import Author, EventKind
    from rebuild_desktop.storage.connection import transaction
    from rebuild_desktop.storage.records import TimelineRepository

    repo = TimelineRepository(vault.db)
    with transaction(vault.db):
        for r in json.loads(path.read_text(encoding="utf-8"))["timeline"]:
            repo.add(TimelineEvent(
                r["id"], r["date"], EventKind(r["kind"]), Author(r["author"]), r["title"],
                r["text"], {PartnerId(k): v for k, v in r.get("trust", {}).items()},
                r["tags"], r["for_counselor"]))


def _sqlite_floor(path: Path, folder: Path) -> float:
    """Plain stdlib sqlite3 (no encryption), same schema, same rows, one transaction."""
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    for statement in schema._statements(schema.MIGRATIONS[1]):
        conn.execute(statement)
    start = time.perf_counter()
    conn.execute("BEGIN")
    for r in json.loads(path.read_text(encoding="utf-8"))["timeline"]:
        trust = r.get("trust", {})
        conn.execute(
            "INSERT INTO timeline (id, date, for_counselor, extra, kind, author, title, text, "
            "trust_a, trust_b, tags) VALUES (?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)",
            (r["id"], r["date"], int(r["for_counselor"]), r["kind"], r["author"], r["title"],
             r["text"], trust.get("a"), trust.get("b"), json.dumps(r["tags"])))
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


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
        seconds, how = _import(created.vault, source)
        created.vault.close()
        floor = _sqlite_floor(source, folder)
        gui = _probe("timeline", str(folder / "data"), "bench", stdin=created.recovery_code + "\n")
    print(f"\n{size:,} events (import through {how})")
    _line("import", seconds, "s", f"  floor: stdlib sqlite3 {floor:.2f} s")
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
