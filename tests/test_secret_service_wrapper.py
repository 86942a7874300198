"""tests/with_secret_service.sh: skips visibly on a laptop, fails in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WRAPPER = Path(__file__).resolve().parent / "with_secret_service.sh"


@pytest.fixture
def bare_path(tmp_path: Path) -> str:
    """A PATH with bash and env but no D-Bus or gnome-keyring."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "env"):
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def _run(path: str, ci: str | None, code: int) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = path
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([str(WRAPPER), sys.executable, "-c", f"import sys; sys.exit({code})"],
                          env=env, capture_output=True, text=True, timeout=60)


def test_missing_daemon_fails_in_ci(bare_path: str) -> None:
    result = _run(bare_path, "true", 0)
    assert result.returncode == 1
    assert "gnome-keyring-daemon" in result.stderr


def test_missing_daemon_runs_the_command_elsewhere(bare_path: str) -> None:
    assert _run(bare_path, None, 3).returncode == 3  # the tests' own result counts
    assert _run(bare_path, None, 5).returncode == 0  # "no tests selected" is fine


@pytest.mark.skipif(not shutil.which("gnome-keyring-daemon"), reason="needs gnome-keyring")
def test_with_the_daemon_the_result_passes_through() -> None:
    path = os.environ["PATH"]
    assert _run(path, "true", 0).returncode == 0
    assert _run(path, "true", 4).returncode == 4
    assert _run(path, "true", 5).returncode == 0
