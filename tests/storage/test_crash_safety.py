"""Kill a writer with SIGKILL at random moments: nothing committed is lost,
and the vault is always sound and always opens.

Each round starts a child that works on a real vault and prints after each
commit; the parent kills it at a random moment and checks the survivors. The
default run does a few rounds; ``-m slow`` runs the 200-round soak.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.storage.integrity import integrity_problems
from rebuild_desktop.storage.records import TimelineRepository

ROOT = Path(__file__).resolve().parents[2]
QUICK_ROUNDS, SOAK_ROUNDS = 4, 200

_CHILD_PRELUDE = """
import sys, uuid
from pathlib import Path
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
library = VaultLibrary(Path(sys.argv[1]))
code = sys.stdin.readline().strip()
"""

_WRITER = _CHILD_PRELUDE + """
vault = library.open_with_recovery_code("crash", code)
repo = TimelineRepository(vault.db)
print("ready", flush=True)
while True:
    event_id = str(uuid.uuid4())
    with transaction(vault.db):
        repo.add(TimelineEvent(event_id, "2026-05-01", EventKind.NOTE, Author.A, "t", "x" * 300))
    print(event_id, flush=True)
"""

_RESTORER = _CHILD_PRELUDE + """
vault = library.open_with_recovery_code("crash", code)
backups = [Path(p) for p in sys.argv[2:]]
print("ready", flush=True)
while True:
    for backup in backups:
        vault.restore(backup)
        print("restored", backup.name, flush=True)
"""

_IMPORTER = _CHILD_PRELUDE + """
from rebuild_desktop.services.interchange import import_json
vault = library.open_with_recovery_code("crash", code)
print("ready", flush=True)
import_json(vault, Path(sys.argv[2]))
print("imported", flush=True)
"""

_PASSPHRASE_CHANGER = _CHILD_PRELUDE + """
vault = library.open_with_recovery_code("crash", code)
print("ready", flush=True)
while True:
    for secret in ("first passphrase", "second passphrase"):
        vault.change_passphrase(secret)
        print("changed", flush=True)
"""


def _spawn(script: str, data_dir: Path, code: str, *args: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), str(data_dir), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(code + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
    return child


def _kill_after(child: subprocess.Popen[str], seconds: float) -> list[str]:
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    return out.splitlines()


def _make_vault(library: VaultLibrary) -> str:
    created = library.create(NewVault("crash", VaultKind.COUPLE, passphrase="first passphrase"))
    created.vault.close()
    return created.recovery_code


def _writer_rounds(library: VaultLibrary, rounds: int) -> None:
    code = _make_vault(library)
    rng = random.Random(20261120)
    promised: set[str] = set()
    for _ in range(rounds):
        child = _spawn(_WRITER, library.data_dir, code)
        promised.update(_kill_after(child, rng.uniform(0.05, 0.4)))
        vault = library.open_with_recovery_code("crash", code)
        try:
            present = {event.id for event in TimelineRepository(vault.db).iter_all()}
            assert promised <= present
            assert integrity_problems(vault.db) == 0
        finally:
            vault.close()
    assert promised, "the child never committed anything"


def test_killed_writer_loses_nothing_it_committed(library: VaultLibrary):
    _writer_rounds(library, QUICK_ROUNDS)


@pytest.mark.slow
def test_killed_writer_soak(library: VaultLibrary):
    _writer_rounds(library, SOAK_ROUNDS)


def test_killed_restore_leaves_old_or_new_state(library: VaultLibrary):
    code = _make_vault(library)
    vault = library.open_with_recovery_code("crash", code)
    repo = TimelineRepository(vault.db)
    from tests.services.test_backups import add_event

    add_event(vault, "one")
    small = vault.backup("manual")
    add_event(vault, "two")
    large = vault.backup("manual")
    vault.close()
    rng = random.Random(7)
    for _ in range(QUICK_ROUNDS):
        child = _spawn(_RESTORER, library.data_dir, code, str(small), str(large))
        _kill_after(child, rng.uniform(0.05, 0.6))
        vault = library.open_with_recovery_code("crash", code)
        try:
            repo = TimelineRepository(vault.db)
            assert repo.count() in (1, 2)
            assert integrity_problems(vault.db) == 0
        finally:
            vault.close()
        assert not list(vault.paths.folder.glob(".restore-*"))


def test_killed_passphrase_change_leaves_a_slot_that_unlocks(library: VaultLibrary):
    code = _make_vault(library)
    rng = random.Random(11)
    for _ in range(QUICK_ROUNDS):
        child = _spawn(_PASSPHRASE_CHANGER, library.data_dir, code)
        _kill_after(child, rng.uniform(0.1, 1.5))
        opened = []
        for secret in ("first passphrase", "second passphrase"):
            try:
                opened.append(library.open_with_passphrase("crash", secret))
            except Exception:  # noqa: BLE001 - one of the two may rightly fail
                continue
        assert opened, "no passphrase opens the vault after a crash"
        for vault in opened:
            vault.close()


def _interchange_file(path: Path, events: int) -> Path:
    import json
    import uuid

    records = [{"id": str(uuid.uuid4()), "date": f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "kind": "note", "author": "a", "title": f"event {i}", "text": "words " * 40}
               for i in range(events)]
    document = {"format": "rebuild-desktop", "version": 1,
                "vault": {"kind": "couple", "partners": [{"id": "a"}, {"id": "b"}]},
                "timeline": records}
    path.write_text(json.dumps(document))
    return path


def test_killed_import_leaves_nothing_or_everything(library: VaultLibrary, tmp_path: Path):
    code = _make_vault(library)
    rng = random.Random(3)
    before = 0
    for round_number in range(QUICK_ROUNDS):
        file = _interchange_file(tmp_path / f"big-{round_number}.json", 3000)
        child = _spawn(_IMPORTER, library.data_dir, code, str(file))
        finished = "imported" in _kill_after(child, rng.uniform(0.05, 1.0))
        vault = library.open_with_recovery_code("crash", code)
        try:
            count = TimelineRepository(vault.db).count()
            assert count in (before, before + 3000)  # all or nothing, never a mix
            assert not finished or count == before + 3000
            before = count
            assert integrity_problems(vault.db) == 0
        finally:
            vault.close()
