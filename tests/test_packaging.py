"""The files under packaging/: valid, offline, and shipping what the app needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.rebuild_desktop.Rebuild"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return path


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_validates_and_matches() -> None:
    desktop = PACKAGING / f"{APP_ID}.desktop"
    result = subprocess.run([_tool("desktop-file-validate"), str(desktop)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    text = desktop.read_text()
    assert f"Icon={APP_ID}\n" in text and (PACKAGING / f"{APP_ID}.svg").is_file()
    assert "Exec=rebuild-desktop\n" in text
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in (
        PACKAGING / f"{APP_ID}.metainfo.xml").read_text()


def test_flatpak_manifest_is_offline_and_talks_to_the_secret_service() -> None:
    manifest = (PACKAGING / f"{APP_ID}.yml").read_text()
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", manifest, re.M)
    args = re.findall(r"^\s+- (--[\w-]+(?:=\S+)?)$", manifest, re.M)
    assert "--talk-name=org.freedesktop.secrets" in args
    assert not any("network" in arg for arg in args)
    assert not any(arg.startswith(("--filesystem", "--socket=session-bus",
                                   "--socket=system-bus")) for arg in args)
    talks = [arg for arg in args if arg.startswith(("--talk-name", "--own-name"))]
    assert talks == ["--talk-name=org.freedesktop.secrets"]


def test_pyinstaller_spec_names_every_keyring_backend() -> None:
    spec = (PACKAGING / "rebuild-desktop.spec").read_text()
    compile(spec, "rebuild-desktop.spec", "exec")
    for backend in ("SecretService", "kwallet", "macOS", "Windows", "libsecret"):
        assert f'"keyring.backends.{backend}"' in spec
    assert '"rebuild_desktop/resources"' in spec
