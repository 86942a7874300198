"""A quiet "working on it" line: an indeterminate bar and a sentence."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class BusyIndicator(QWidget):
    """Hidden while idle; ``start(text)`` shows it, ``stop()`` hides it.

    ``progress(done, total)`` turns the bar determinate for long tasks.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._bar = QProgressBar(self)
        self._bar.setTextVisible(False)
        self._bar.setMaximumWidth(160)
        self._bar.setMaximumHeight(8)
        self._text = QLabel(self)
        self._text.setProperty("role", "note")
        layout.addWidget(self._bar)
        layout.addWidget(self._text, 1)
        self.setAccessibleName(self.tr("Working"))
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def start(self, text: str) -> None:
        self._bar.setRange(0, 0)
        self._text.setText(text)
        self._bar.setAccessibleName(text)
        self.show()

    def progress(self, done: int, total: int) -> None:
        if total > 0:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))

    def stop(self) -> None:
        self._bar.setRange(0, 1)
        self._bar.setValue(0)
        self.hide()
