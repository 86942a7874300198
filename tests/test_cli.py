"""The command line, run in-process against real vault files and the in-memory keyring."""

from __future__ import annotations

import io
import json
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from rebuild_desktop import cli
from rebuild_desktop.cli_secrets import SecretInput, strength_hint
from rebuild_desktop.secrets import recovery
from rebuild_desktop.services.library import VaultLibrary
from tests.services.test_interchange_parse import SECRET, couple_doc, encode

PASSPHRASE = "a long and quiet walk"
CODE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$")


class Run:
    """One finished command: exit code and what it printed."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def out_lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    def run_cli(*argv: str, stdin: str = "") -> Run:
        code = cli.main(list(argv), stdin=io.StringIO(stdin))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    yield run_cli


@pytest.fixture
def no_keyring() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())


def vault_names(data_dir: Path) -> list[str]:
    return [s.name for s in VaultLibrary(data_dir).summaries()]


def assert_one_line_failure(result: Run, code: int = 1) -> str:
    assert result.code == code
    assert len(result.err_lines) == 1, result.err
    return result.err_lines[0]


# vault create / list ------------------------------------------------------------


def test_create_couple_prints_only_the_recovery_code(run, data_dir: Path) -> None:
    result = run("vault", "create", "home", "--kind", "couple", "--partner", "Alex",
                 "--partner", "Sam", "--role", "a=hurt")
    assert result.code == 0
    assert len(result.out_lines) == 1 and CODE.match(result.out_lines[-1])
    assert len(recovery.decode(result.out_lines[-1])) == 32
    assert "Write it down" in result.err
    summary = VaultLibrary(data_dir).summary("home")
    assert summary.remembered and not summary.has_passphrase
    listed = run("vault", "list")
    assert (listed.code, listed.out) == (0, "home\tcouple\n")


def test_the_recovery_code_opens_the_new_vault(run) -> None:
    code = run("vault", "create", "home", "--kind", "couple").out_lines[-1]
    result = run("verify", "home", "--recovery-code-stdin", stdin=code.lower() + "\n")
    assert (result.code, result.out) == (0, "home: sound\n")


def test_a_journal_gets_a_passphrase_and_no_keyring_slot(run, data_dir: Path) -> None:
    result = run("vault", "create", "notes", "--kind", "journal", "--passphrase-stdin",
                 stdin=PASSPHRASE + "\n")
    assert result.code == 0 and CODE.match(result.out_lines[-1])
    summary = VaultLibrary(data_dir).summary("notes")
    assert summary.has_passphrase and not summary.remembered
    assert run("vault", "list").out == "notes\tjournal\n"


def test_a_journal_gets_a_keyring_slot_when_asked(run, data_dir: Path) -> None:
    result = run("vault", "create", "notes", "--kind", "journal", "--keyring",
                 "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.code == 0
    assert VaultLibrary(data_dir).summary("notes").remembered


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_and_no_passphrase_creates_nothing(run, data_dir: Path) -> None:
    line = assert_one_line_failure(run("vault", "create", "home", "--kind", "couple"))
    assert "nothing was created" in line and "--passphrase-stdin" in line
    assert vault_names(data_dir) == []
    assert not (data_dir / "vaults" / "home").exists()


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_with_a_passphrase_creates_a_passphrase_vault(run, data_dir: Path) -> None:
    result = run("vault", "create", "home", "--kind", "couple", "--passphrase-stdin",
                 stdin=PASSPHRASE + "\n")
    assert result.code == 0 and CODE.match(result.out_lines[-1])
    assert "passphrase only" in result.err
    summary = VaultLibrary(data_dir).summary("home")
    assert summary.has_passphrase and not summary.remembered


@pytest.mark.usefixtures("no_keyring")
def test_keyring_asked_for_but_missing_creates_nothing(run, data_dir: Path) -> None:
    result = run("vault", "create", "notes", "--kind", "journal", "--keyring",
                 "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert "leave out --keyring" in assert_one_line_failure(result)
    assert vault_names(data_dir) == []


@pytest.mark.parametrize("argv", [
    ("vault", "create", "home", "--kind", "couple", "--no-keyring"),
    ("vault", "create", "notes", "--kind", "journal"),
])
def test_a_vault_only_the_recovery_code_could_open_is_refused(run, data_dir: Path,
                                                              argv: tuple[str, ...]) -> None:
    line = assert_one_line_failure(run(*argv))
    assert "recovery code" in line and "nothing was created" in line
    assert vault_names(data_dir) == []


def test_a_short_passphrase_is_refused(run, data_dir: Path) -> None:
    result = run("vault", "create", "notes", "--kind", "journal", "--passphrase-stdin",
                 stdin="short\n")
    assert "at least 8 characters" in assert_one_line_failure(result)
    assert vault_names(data_dir) == []


def test_at_a_terminal_the_passphrase_is_asked_twice_with_a_hint(
        run, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([PASSPHRASE, PASSPHRASE])
    monkeypatch.setattr(SecretInput, "interactive", property(lambda self: True))
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    result = run("vault", "create", "notes", "--kind", "journal")
    assert result.code == 0 and "Passphrase strength" in result.err
    assert VaultLibrary(data_dir).summary("notes").has_passphrase

    answers = iter([PASSPHRASE, PASSPHRASE + "!"])
    result = run("vault", "create", "other", "--kind", "journal")
    assert result.code == 1 and "not the same" in result.err_lines[-1]
    assert vault_names(data_dir) == ["notes"]


def test_strength_hints_grow_with_the_passphrase() -> None:
    assert "too short" in strength_hint("abc")
    assert "fair" in strength_hint("abcdefgh")
    assert "strong" in strength_hint("correct horse battery staple")


def test_an_existing_name_is_refused(run) -> None:
    run("vault", "create", "home", "--kind", "couple")
    assert "already exists" in assert_one_line_failure(run("vault", "create", "home",
                                                           "--kind", "couple"))


@pytest.mark.parametrize("argv", [
    ("vault",),
    ("vault", "create", "home"),
    ("vault", "create", "home", "--kind", "triple"),
    ("vault", "create", "home", "--kind", "journal", "--partner", "A", "--partner", "B"),
    ("vault", "create", "home", "--kind", "couple", "--role", "c=hurt"),
    ("vault", "create", "home", "--kind", "couple", "--keyring", "--no-keyring"),
    ("export", "home", "--format", "json", "-o", "x.json", "--from", "2026-01-01"),
    ("export", "home", "--format", "pdf", "-o", "x.pdf", "--from", "2026-13-01"),
    ("verify", "home", "--passphrase-stdin", "--recovery-code-stdin"),
    ("frobnicate",),
])
def test_usage_errors_exit_with_2(run, argv: tuple[str, ...]) -> None:
    result = run(*argv)
    assert result.code == 2 and "usage:" in result.err


def test_help_exits_with_0(run) -> None:
    result = run("--help")
    assert result.code == 0 and "vault" in result.out


# unlocking --------------------------------------------------------------------


@pytest.fixture
def both_slots(run) -> str:
    """A couple vault 'home' with a keyring slot and a passphrase; returns its code."""
    result = run("vault", "create", "home", "--kind", "couple", "--passphrase-stdin",
                 stdin=PASSPHRASE + "\n")
    assert result.code == 0
    return result.out_lines[-1]


def test_keyring_first(run, both_slots: str) -> None:
    assert run("verify", "home").code == 0


def test_an_explicit_secret_is_the_only_one_tried(run, both_slots: str) -> None:
    result = run("verify", "home", "--passphrase-stdin", stdin="not the passphrase\n")
    assert "didn't unlock" in assert_one_line_failure(result)
    assert run("verify", "home", "--passphrase-stdin", stdin=PASSPHRASE + "\n").code == 0
    result = run("verify", "home", "--recovery-code-stdin", stdin="AAAA-BBBB\n")
    assert "recovery code" in assert_one_line_failure(result)
    assert run("verify", "home", "--recovery-code-stdin", stdin=both_slots + "\n").code == 0


def test_a_passphrase_vault_without_a_secret_says_how_to_give_one(run) -> None:
    run("vault", "create", "notes", "--kind", "journal", "--passphrase-stdin",
        stdin=PASSPHRASE + "\n")
    line = assert_one_line_failure(run("verify", "notes"))
    assert "--passphrase-stdin" in line
    assert "ended before the passphrase" in assert_one_line_failure(
        run("verify", "notes", "--passphrase-stdin"))


def test_unknown_and_invalid_vault_names(run) -> None:
    assert "no vault with that name" in assert_one_line_failure(run("verify", "nowhere"))
    assert "vault name" in assert_one_line_failure(run("verify", "../etc"))


# import / export / verify ------------------------------------------------------------


def test_import_then_export_json(run, tmp_path: Path) -> None:
    run("vault", "create", "home", "--kind", "couple")
    source = tmp_path / "in.json"
    source.write_bytes(encode(couple_doc()))
    result = run("import", "home", str(source))
    assert result.code == 0
    assert "timeline: 1 added, 0 already there" in result.out_lines
    again = run("import", "home", str(source))
    assert "timeline: 0 added, 1 already there" in again.out_lines
    assert "backup" in again.err

    out = tmp_path / "out.json"
    exported = run("export", "home", "--format", "json", "-o", str(out))
    assert (exported.code, exported.out) == (0, f"{out}\n")
    assert json.loads(out.read_bytes())["timeline"][0]["title"] == SECRET


def test_a_bad_import_file_names_the_record_and_field(run, tmp_path: Path) -> None:
    run("vault", "create", "home", "--kind", "couple")
    document = couple_doc()
    document["checkins"][0]["mood"] = True
    source = tmp_path / "in.json"
    source.write_bytes(encode(document))
    line = assert_one_line_failure(run("import", "home", str(source)))
    assert "checkins record 1" in line and "'mood'" in line and SECRET not in line
    source.write_text("{oops")
    assert "not valid JSON" in assert_one_line_failure(run("import", "home", str(source)))
    missing = assert_one_line_failure(run("import", "home", str(tmp_path / "absent.json")))
    assert "no file" in missing


def test_export_into_a_missing_folder_is_a_known_error(run, tmp_path: Path) -> None:
    run("vault", "create", "home", "--kind", "couple")
    result = run("export", "home", "--format", "json", "-o", str(tmp_path / "no" / "x.json"))
    assert "folder" in assert_one_line_failure(result)


def test_verify_finds_a_damaged_page(run, data_dir: Path, tmp_path: Path) -> None:
    run("vault", "create", "home", "--kind", "couple")
    source = tmp_path / "in.json"
    source.write_bytes(encode(couple_doc()))
    run("import", "home", str(source))
    database = data_dir / "vaults" / "home" / "vault.db"
    with database.open("r+b") as handle:
        handle.seek(4096 * 3 + 200)
        handle.write(b"\x00damage\x00" * 8)
    line = assert_one_line_failure(run("verify", "home"))
    assert "damaged" in line


def test_pdf_export_reads_the_password_from_line_two(
        run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run("vault", "create", "notes", "--kind", "journal", "--passphrase-stdin",
        stdin=PASSPHRASE + "\n")
    calls: list[dict[str, object]] = []

    def write_counselor_pdf(vault: object, out: Path, **options: object) -> Path:
        calls.append(options)
        return out

    stub = types.ModuleType("rebuild_desktop.export.counselor")
    stub.write_counselor_pdf = write_counselor_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rebuild_desktop.export.counselor", stub)
    out = tmp_path / "summary.pdf"
    result = run("export", "notes", "--format", "pdf", "-o", str(out), "--passphrase-stdin",
                 "--pdf-password-stdin", "--from", "2026-01-01", "--sections", "journal",
                 stdin=f"{PASSPHRASE}\npdf secret\n")
    assert (result.code, result.out) == (0, f"{out}\n")
    assert calls == [{"date_from": "2026-01-01", "date_to": None, "password": "pdf secret",
                      "sections": ["journal"]}]


# failures that are bugs, and the GUI door ----------------------------------------


def test_a_bug_is_one_line_without_content(run, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object) -> list[object]:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(VaultLibrary, "summaries", broken)
    result = run("vault", "list")
    line = assert_one_line_failure(result, code=cli.EXIT_BUG)
    assert SECRET not in line and "RuntimeError" in line


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Stands in for app.py (the frame helper's) to check what the CLI hands over."""
    seen: list[object] = []
    app = types.ModuleType("rebuild_desktop.app")

    class GuiOptions:
        def __init__(self, data_dir: Path, vault: str | None, demo: bool) -> None:
            self.data_dir, self.vault, self.demo = data_dir, vault, demo

    def run_app(options: object) -> int:
        seen.append(options)
        return 0

    app.GuiOptions, app.run = GuiOptions, run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rebuild_desktop.app", app)
    return seen


def test_no_command_opens_the_app(run, fake_app: list[object], data_dir: Path,
                                  tmp_path: Path) -> None:
    assert run("--demo-if-empty").code == 0
    assert vars(fake_app[-1]) == {"data_dir": data_dir, "vault": None, "demo": True}
    run("vault", "create", "home", "--kind", "couple")
    assert run("--demo-if-empty", "--vault", "home").code == 0
    assert vars(fake_app[-1]) == {"data_dir": data_dir, "vault": "home", "demo": False}
    assert run("--data-dir", str(tmp_path / "elsewhere"), "--demo").code == 0
    assert vars(fake_app[-1])["data_dir"] == tmp_path / "elsewhere"


def test_data_dir_option_wins_over_the_environment(run, tmp_path: Path) -> None:
    other = tmp_path / "other"
    assert run("--data-dir", str(other), "vault", "create", "x", "--kind", "couple").code == 0
    assert run("vault", "list", "--data-dir", str(other)).out == "x\tcouple\n"
    assert run("vault", "list").out == ""


def test_a_secret_from_a_terminal_is_read_without_echo(run, monkeypatch: pytest.MonkeyPatch,
                                                       data_dir: Path) -> None:
    run("vault", "create", "notes", "--kind", "journal", "--passphrase-stdin",
        stdin=PASSPHRASE + "\n")
    prompts: list[str] = []
    monkeypatch.setattr(SecretInput, "interactive", property(lambda self: True))
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or PASSPHRASE)
    assert run("verify", "notes", "--passphrase-stdin").code == 0
    assert prompts == ["Passphrase: "]
    result = run("vault", "create", "home", "--kind", "couple", "--passphrase-stdin")
    assert result.code == 0 and len(prompts) == 3  # a new passphrase is asked twice
    assert VaultLibrary(data_dir).summary("home").has_passphrase
