"""Write the counselor summary PDF: build, lay out, paint, encrypt, write atomically.

The whole PDF is made in memory; only the final (encrypted, when a password
is given) bytes are written, to a temporary file in the target folder that
is renamed into place, mode 0600. Nothing remembers the file name. Each call
opens its own connection, so it runs on a worker thread.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QGuiApplication, QImage

from rebuild_desktop.domain.errors import BadExportPath
from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.export.document import build_document
from rebuild_desktop.export.fonts import family
from rebuild_desktop.export.layout import Page, Typesetter, paginate
from rebuild_desktop.export.pdf import render_image, render_pdf
from rebuild_desktop.export.report_model import ReportOptions, build_report
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.files import write_atomically

Progress = Callable[[int, int], None]

_app: QGuiApplication | None = None


class OpenVault(Protocol):
    """What the export needs of a vault: its kind and a fresh connection."""

    @property
    def kind(self) -> VaultKind: ...

    def connect(self) -> Connection: ...


@dataclass(slots=True)
class LaidOut:
    pages: list[Page]
    setter: Typesetter


def ensure_gui() -> None:
    """Fonts and painting need a QGuiApplication; the command line has none, so make one."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["rebuild-desktop", "-platform", "offscreen"])


def warm_up() -> None:
    """Load the bundled font on the GUI thread before a worker first needs it."""
    ensure_gui()
    family()


def lay_out(vault: OpenVault, *, date_from: str | None, date_to: str | None,
            sections: list[str] | None = None, options: ReportOptions | None = None) -> LaidOut:
    """Read the vault on a connection of its own and lay the summary out in pages."""
    ensure_gui()
    conn = vault.connect()
    try:
        report = build_report(conn, vault.kind, date_from=date_from, date_to=date_to,
                              sections=sections, options=options)
    finally:
        conn.close()
    setter = Typesetter()
    return LaidOut(paginate(build_document(report), setter), setter)


def preview_images(vault: OpenVault, *, date_from: str | None, date_to: str | None,
                   sections: list[str] | None = None, options: ReportOptions | None = None,
                   width_px: int = 560, progress: Progress | None = None) -> list[QImage]:
    """The real pages as images, for the preview before saving."""
    laid = lay_out(vault, date_from=date_from, date_to=date_to, sections=sections,
                   options=options)
    images = []
    for index, page in enumerate(laid.pages):
        images.append(render_image(page, index + 1, len(laid.pages), laid.setter, width_px))
        if progress is not None:
            progress(index + 1, len(laid.pages))
    return images


def encrypt(pdf: bytes, password: str) -> bytes:
    """``pdf`` protected by ``password`` with AES-256 (never pypdf's RC4 default)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pdf_header = b"%PDF-1.7"  # AES-256 (revision 6) is newer than Qt's 1.4 header
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_counselor_pdf(vault: OpenVault, out: Path, *, date_from: str | None,
                        date_to: str | None, password: str | None,
                        sections: list[str] | None = None, options: ReportOptions | None = None,
                        progress: Progress | None = None) -> Path:
    """Write the counselor summary of ``vault`` to ``out`` and return its path.

    Args:
        date_from, date_to: the period (YYYY-MM-DD, inclusive); None for open-ended.
        password: protects the PDF with AES-256 when given.
        sections: the section keys to include; None for every section the vault has.
        options: initials, titles only, session date (``ReportOptions``).
        progress: called with (done, total) as pages are painted.

    Raises:
        BadExportPath: the folder is missing or ``out`` is a folder; nothing was written.
        DiskFull: the folder is full or not writable; nothing is left behind.
    """
    out = Path(out)
    if not out.parent.is_dir() or out.is_dir():
        raise BadExportPath()
    laid = lay_out(vault, date_from=date_from, date_to=date_to, sections=sections,
                   options=options)
    total = len(laid.pages) + 2

    def painted(done: int, _count: int) -> None:
        if progress is not None:
            progress(done, total)

    data = render_pdf(laid.pages, laid.setter, painted)
    if password:
        data = encrypt(data, password)
    painted(total - 1, total)
    write_atomically(out, data)
    painted(total, total)
    return out
