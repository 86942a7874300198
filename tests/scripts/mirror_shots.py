"""Screenshots of a check-in deleted on the timeline and of the check-in and hard-moment editors.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.scripts.mirror_shots
Writes PNGs under shots/, light and dark.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.services.checkins import CheckInService
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.timeline_mirrors import mirror_of
from rebuild_desktop.views.checkin_dialog import CheckInDialog
from rebuild_desktop.views.checkins import CheckInsPage
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog
from rebuild_desktop.views.models.timeline_model import Role as TimelineRole
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.style import apply_style
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.timeline import TimelinePage
from tests.scripts.timeline_shots import _story, settle

NAMES = {"a": "Alex", "b": "Sam"}


def _rows(page: TimelinePage) -> list:
    model = page.model
    return [model.index(r).data(TimelineRole.EVENT) for r in range(model.rowCount())
            if not model.index(r).data(TimelineRole.IS_HEADING)]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    out = Path("shots")
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = VaultLibrary(Path(tmp), SystemKeyring(timeout=5))
        vault = library.create(NewVault("shots", VaultKind.COUPLE, [
            Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam", Role.BROKE_TRUST)],
            passphrase="screenshots only")).vault
        _story(vault, 12)
        context = SectionContext(vault, TaskRunner(immediate=True), ChangeBus(), print)
        for scheme in ("light", "dark"):
            apply_style(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            page = TimelinePage(context)
            page.resize(1024, 640)
            page.show()
            settle(app)
            checkin_row = next(e for e in _rows(page) if mirror_of(e.origin)
                               and mirror_of(e.origin).kind == "checkin")
            page.select_event(checkin_row.id)
            page.delete_selected()
            settle(app)
            page.grab().save(str(out / f"mirror-timeline-deleted-{scheme}.png"))
            page.undo_stack.undo()
            page.close()

            checkin = CheckInService(vault.db).history()[0]
            dialog = CheckInDialog(NAMES, checkin)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"mirror-checkin-editor-{scheme}.png"))
            dialog.close()

            moment_row = next(e for e in _rows(TimelinePage(context))
                              if mirror_of(e.origin) and mirror_of(e.origin).kind == "hard_moment")
            moment = HardMomentService(vault.db).get(mirror_of(moment_row.origin).record_id)
            dialog = HardMomentDialog(NAMES, moment=moment)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"mirror-hard-moment-editor-{scheme}.png"))
            dialog.close()

            checkins = CheckInsPage(context)
            checkins.resize(1024, 640)
            checkins.show()
            app.processEvents()
            checkins.grab().save(str(out / f"mirror-checkins-{scheme}.png"))
            checkins.close()
        vault.close()
    app.processEvents()
    print("saved under", out)


if __name__ == "__main__":
    main()
