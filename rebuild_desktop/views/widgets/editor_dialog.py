"""A dialog that loses nothing a person typed.

Its text fields are kept as a draft inside the vault while typing; a lock
closes it with ``reject()``, which keeps the draft for next time, while the
person's own Cancel drops it. Save runs the write while the dialog is still
open, so a failure (a full disk) is said in one sentence and every word stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.style import mark_primary
from rebuild_desktop.views.widgets.draft_keeper import DraftKeeper, Editor

T = TypeVar("T")


def fetch_to_edit(fetch: Callable[[], T | None], notify: Callable[[str], None],
                  gone: str) -> T | None:
    """The saved record to open an editor on, or None after one calm sentence.

    ``gone`` says the record is no longer there (deleted in the meantime);
    a storage failure is said through ``describe``.
    """
    try:
        record = fetch()
    except KnownError as error:
        notify(describe(error))
        return None
    if record is None:
        notify(gone)
    return record


class EditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.draft: DraftKeeper | None = None

    def frame(self, title: str, min_width: int = 480) -> tuple[QVBoxLayout, QFormLayout]:
        """The dialog's title, its padded column and an empty form for the fields.

        The caller adds the form to the column where it belongs (after an
        introduction, say), then the buttons.
        """
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.setSpacing(16)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(16)
        return layout, form

    def add_buttons(self, layout: QBoxLayout) -> None:
        """The problem line, then Save (the primary button) and Cancel."""
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        mark_primary(buttons.button(QDialogButtonBox.StandardButton.Save))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.cancel)
        layout.addWidget(buttons)

    def keep_drafts(self, conn: Connection, key: str, fields: dict[str, Editor]) -> None:
        """Keep ``fields`` as the draft ``key``, and put back one kept earlier."""
        self.draft = DraftKeeper(conn, key, fields, self)
        if self.draft.restore():
            self.say(self.tr("What you were writing before has been kept."))

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        # The sentence needs room: grow rather than squeeze the fields together.
        needed = self.sizeHint().height()
        if self.height() < needed:
            self.resize(self.width(), needed)

    def save_then_accept(self, write: Callable[[], object] | None) -> None:
        """Run ``write`` with the dialog still open; accept only when it worked."""
        if write is not None:
            try:
                write()
            except KnownError as error:
                self.say(describe(error))  # the text stays in the fields
                return
        if self.draft is not None:
            self.draft.discard()
        super().accept()

    def cancel(self) -> None:
        """The person's own Cancel: the draft goes too."""
        if self.draft is not None:
            self.draft.discard()
            self.draft = None
        self.reject()

    def reject(self) -> None:
        if self.draft is not None:
            self.draft.flush()  # a lock closes the dialog this way: keep the words
        super().reject()
