"""Saving a recovery code as a private file the person chose."""

from __future__ import annotations

from pathlib import Path

from rebuild_desktop.storage.files import write_atomically


def recovery_text(label: str, code: str, heading: str, advice: str) -> str:
    """The file's text: a heading, which vault, the code, and what to do with it."""
    return f"{heading}\n\n{label}\n\n{code}\n\n{advice}\n"


def save_recovery_code(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically, readable only by this user (0600).

    Raises:
        DiskFull: the folder is full or not writable; nothing was written.
    """
    write_atomically(path, text.encode("utf-8"))
    return path
