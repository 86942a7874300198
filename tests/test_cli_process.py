"""The real ``python -m rebuild_desktop`` process: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services.test_interchange_parse import SECRET, couple_doc, encode

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "a long and quiet walk"
CODE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$")


def cli(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run(
        [sys.executable, "-m", "rebuild_desktop", *argv], input=stdin, capture_output=True,
        text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )
    assert "Traceback" not in result.stderr
    assert PASSPHRASE not in result.stdout + result.stderr
    return result


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def home_vault() -> None:
    result = cli("vault", "create", "home", "--kind", "couple", "--partner", "Alex",
                 "--partner", "Sam", "--no-keyring", "--passphrase-stdin",
                 stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and CODE.match(lines[-1])


@pytest.mark.usefixtures("home_vault")
def test_create_list_import_export_verify(tmp_path: Path) -> None:
    assert cli("vault", "list").stdout == "home\tcouple\n"
    source = tmp_path / "in.json"
    source.write_bytes(encode(couple_doc()))
    imported = cli("import", "home", str(source), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert imported.returncode == 0 and "timeline: 1 added" in imported.stdout
    out = tmp_path / "out.json"
    exported = cli("export", "home", "--format", "json", "-o", str(out), "--passphrase-stdin",
                   stdin=PASSPHRASE + "\n")
    assert (exported.returncode, exported.stdout) == (0, f"{out}\n")
    assert json.loads(out.read_bytes())["vault"]["partners"][1]["name"] == "Sam"
    verified = cli("verify", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert (verified.returncode, verified.stdout) == (0, "home: sound\n")


@pytest.mark.usefixtures("home_vault")
def test_a_wrong_passphrase_exits_1() -> None:
    result = cli("verify", "home", "--passphrase-stdin", stdin="not the passphrase\n")
    assert result.returncode == 1 and "didn't unlock" in one_line(result)
    assert result.stdout == ""


def test_an_unknown_vault_exits_1() -> None:
    result = cli("verify", "nowhere")
    assert result.returncode == 1 and "no vault with that name" in one_line(result)


def test_no_keyring_and_no_passphrase_exits_1_and_creates_nothing() -> None:
    result = cli("vault", "create", "home", "--kind", "couple")
    assert result.returncode == 1 and "--passphrase-stdin" in one_line(result)
    assert result.stdout == ""
    assert cli("vault", "list").stdout == ""


@pytest.mark.usefixtures("home_vault")
def test_a_bad_file_exits_1_naming_the_field(tmp_path: Path) -> None:
    document = couple_doc()
    document["timeline"][0]["trust"] = {"a": 12}
    source = tmp_path / "in.json"
    source.write_bytes(encode(document))
    result = cli("import", "home", str(source), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    line = one_line(result)
    assert result.returncode == 1
    assert "timeline record 1" in line and "'trust.a'" in line and SECRET not in line


def test_usage_errors_exit_2() -> None:
    result = cli("vault", "create", "home")
    assert result.returncode == 2 and "usage:" in result.stderr


@pytest.mark.usefixtures("home_vault")
def test_a_damaged_vault_fails_verify_with_one_line_and_nothing_from_sqlcipher(
        data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(encode(couple_doc()))
    cli("import", "home", str(source), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    database = data_dir / "vaults" / "home" / "vault.db"
    with database.open("r+b") as handle:
        handle.seek(4096 * 3 + 100)
        handle.write(b"\xff" * 64)
    result = cli("verify", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.returncode == 1 and "damaged" in one_line(result)
    assert result.stdout == ""


def test_the_command_line_does_not_load_qt() -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, rebuild_desktop.cli, rebuild_desktop.__main__; "
                               "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=60,
    )
    assert probe.stdout.strip() == "[]"
