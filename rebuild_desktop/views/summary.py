"""The "Counselor summary" section: the export form and its page preview, in one page.

A page rather than a modal dialog: the preview needs room, and a page can be
left and come back to without losing the choices made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.views.export_dialog import CounselorExportPanel
from rebuild_desktop.views.sections import EVERY_KIND, Section

SECTION = Section(
    key="summary",
    title=lambda: QCoreApplication.translate("CounselorExportPanel", "Counselor summary"),
    icon="summary.svg",
    kinds=EVERY_KIND,
    build=CounselorExportPanel,
)
