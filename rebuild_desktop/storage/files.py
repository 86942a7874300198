"""Private files: atomic writes, mode 0600 files in 0700 folders."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from rebuild_desktop.storage.connection import storage_errors


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by this user.

    Every folder created here is 0700, the missing parents too (``mkdir -p``
    would leave them world-readable, showing vault labels to other accounts);
    folders that already existed above ``path`` are left as they are.
    """
    with storage_errors():
        missing = []
        folder = path
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    The temporary file sits in the same folder (same file system, so the
    rename is atomic), is 0600 from its creation, and is fsynced before the
    rename; the folder is fsynced after it.

    Raises:
        DiskFull: the folder is full or not writable; ``path`` is unchanged.
    """
    with storage_errors():
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, 0o600)
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
