"""Hardening runs in a child process, so the test runner itself stays debuggable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_hardened_process_is_not_dumpable_and_files_are_private(tmp_path):
    script = textwrap.dedent(f"""
        import os, resource, stat
        from rebuild_desktop.hardening import harden_process, is_dumpable
        assert is_dumpable()
        harden_process()
        assert not is_dumpable()
        assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
        path = {str(tmp_path / "new-file")!r}
        open(path, "w").close()
        print(oct(stat.S_IMODE(os.stat(path).st_mode)))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=".")
    assert result.stdout.strip() == "0o600"
