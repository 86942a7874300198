"""Process hardening applied before anything is read or written.

New files are private (umask 077); on Linux the process makes no core dumps
and other processes of the same user cannot attach to it or read its memory
(``PR_SET_DUMPABLE`` 0, as KeePassXC does), so an open vault's key and text
do not end up in a crash dump or in a debugger.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys

_PR_SET_DUMPABLE = 4


def harden_process() -> None:
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _forbid_dumps_and_tracing()


def _forbid_dumps_and_tracing() -> None:
    name = ctypes.util.find_library("c")
    if name is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(name, use_errno=True)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool:
    """Whether the kernel would write a core dump or allow ptrace (Linux only)."""
    if not sys.platform.startswith("linux"):
        return True
    name = ctypes.util.find_library("c")
    if name is None:
        return True
    libc = ctypes.CDLL(name, use_errno=True)
    return bool(libc.prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
