"""Screenshots of the timeline, check-ins and the hard-moment dialog, light and dark,
in the app's own style.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.scripts.timeline_shots [COUNT]
Writes PNGs under shots/. With COUNT (e.g. 100000) the timeline holds that many
generated events instead of the believable story.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rebuild_desktop.domain.records import CheckIn, HardMoment, Partner, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId, Role, VaultKind
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.services.checkins import Cadence, CheckInService
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.timeline import TimelineService
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.views.checkins import CheckInsPage
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.style import apply_style
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.timeline import TimelinePage
from tests.benchmarks.corpus import events as generated

STORY = [
    (EventKind.DISCOVERY, Author.A, "The day everything came out", "I found the messages. "
     "Nothing felt solid.", None),
    (EventKind.DISCLOSURE, Author.B, "Told the whole story", "Answered every question, even "
     "the ones that were hard to say out loud.", (2, 3)),
    (EventKind.COUNSELING, Author.BOTH, "First session with Dana", "We agreed to come weekly "
     "for now.", None),
    (EventKind.ACCOUNTABILITY, Author.B, "Took responsibility, without excuses", "Said it "
     "plainly: it was my choice and my doing.", (3, 4)),
    (EventKind.AGREEMENT, Author.BOTH, "Phones stay open", "Either of us can look, any time, "
     "and we say when something feels off.", None),
    (EventKind.QUALITY_TIME, Author.BOTH, "Long walk by the river", "Talked about the kids, "
     "not about us. It was a relief.", (4, 6)),
    (EventKind.SETBACK, Author.A, "A heavy evening", "A song on the radio brought it all back. "
     "We stopped and sat together.", (3, 5)),
    (EventKind.MILESTONE, Author.BOTH, "A whole week without a fight", "Small, but ours.",
     (5, 6)),
    (EventKind.NOTE, Author.A, "Wrote down what I need", "Honesty first, even when it is "
     "uncomfortable.", None),
    (EventKind.CHECKIN, Author.B, "Check-in", "I feel hopeful when we plan the week "
     "together.", (None, 7)),
]


def _story(vault, count: int) -> None:
    service, rng = TimelineService(vault.db), random.Random(3)
    day = date(2026, 11, 19) - timedelta(days=count * 2)
    for n in range(count):
        kind, author, title, text, trust = STORY[1 + n % (len(STORY) - 1)] if n else STORY[0]
        day += timedelta(days=rng.choice((1, 2, 2, 3)))
        ratings = {}
        if trust:
            drift = min(4, n // 40)
            for partner, value in zip((PartnerId.A, PartnerId.B), trust, strict=True):
                if value is not None:
                    ratings[partner] = max(0, min(10, value + drift + rng.choice((-1, 0, 0, 1))))
        service.add(TimelineEvent(str(uuid.uuid4()), day.isoformat(), kind, author, title, text,
                                  ratings, ["counseling"] if kind is EventKind.COUNSELING else []))
    checkins = CheckInService(vault.db)
    checkins.record(CheckIn(str(uuid.uuid4()), "2026-11-16", PartnerId.A, 3, 6,
                            "I feel steadier when you tell me about your day.",
                            "The walk on Saturday", "Tuesday evening", "More walks"), "Check-in")
    checkins.record(CheckIn(str(uuid.uuid4()), "2026-11-16", PartnerId.B, 4, 7,
                            "I feel hopeful when we plan the week together.", "Planning",
                            None, "Keep Sunday evenings free"), "Check-in")
    checkins.set_cadence(Cadence(4, "20:00"))
    HardMomentService(vault.db).record(
        HardMoment(str(uuid.uuid4()), "2026-11-18T21:10:00+01:00", PartnerId.A, 7,
                   "An old photo", "Breathing, then talking"),
        "A hard moment", "Intensity 7 of 10.\nWhat set it off: An old photo")


def _bulk(vault, count: int) -> None:
    repo = TimelineRepository(vault.db)
    with transaction(vault.db):
        for r in generated(count):
            repo.add(TimelineEvent(r["id"], r["date"], EventKind(r["kind"]), Author(r["author"]),
                                   r["title"], r["text"],
                                   {PartnerId(k): v for k, v in r.get("trust", {}).items()},
                                   r["tags"], r["for_counselor"]))


def settle(app: QApplication) -> None:
    """Let the page's deferred reads (chart, tags) arrive before the picture is taken."""
    until = time.monotonic() + 0.3
    while time.monotonic() < until:
        app.processEvents()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    app = QApplication.instance() or QApplication([])
    out = Path("shots")
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = VaultLibrary(Path(tmp), SystemKeyring(timeout=5))
        vault = library.create(NewVault("shots", VaultKind.COUPLE, [
            Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam", Role.BROKE_TRUST)],
            passphrase="screenshots only")).vault
        if count:
            _bulk(vault, count)
        else:
            _story(vault, 200)
        tag = f"{count}" if count else "story"
        context = SectionContext(vault, TaskRunner(immediate=True), ChangeBus(), print)
        for scheme in ("light", "dark"):
            apply_style(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            for width, height in ((1280, 800), (1024, 640)):
                page = TimelinePage(context)
                page.resize(width, height)
                page.show()
                settle(app)
                page.grab().save(str(out / f"timeline-{tag}-{scheme}-{width}.png"))
                page.close()
                checkins = CheckInsPage(context)
                checkins.resize(width, height)
                checkins.check_due(datetime(2026, 11, 20, 21, 0).astimezone())
                checkins.show()
                app.processEvents()
                checkins.grab().save(str(out / f"checkins-{tag}-{scheme}-{width}.png"))
                checkins.close()
            dialog = HardMomentDialog({"a": "Alex", "b": "Sam"})
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"hard-moment-{scheme}.png"))
            dialog.close()
        vault.close()
    app.processEvents()
    print("saved under", out)


if __name__ == "__main__":
    main()
