"""Every typed error has its own calm sentence; anything else is a quiet "unexpected"."""

from __future__ import annotations

import pytest

from rebuild_desktop.domain import errors
from rebuild_desktop.views.errors import describe

_KNOWN = [cls for cls in vars(errors).values()
          if isinstance(cls, type) and issubclass(cls, errors.KnownError)
          and cls is not errors.KnownError]


@pytest.mark.parametrize("kind", _KNOWN, ids=lambda cls: cls.__name__)
def test_each_known_error_is_one_calm_sentence(kind: type[errors.KnownError]) -> None:
    sentence = describe(kind())
    assert sentence and sentence[0].isupper() and sentence.endswith(".")
    assert "unexpected" not in sentence
    assert "Traceback" not in sentence and "Error" not in sentence


def test_a_wrong_recovery_code_is_not_told_as_a_wrong_passphrase() -> None:
    assert describe(errors.BadRecoveryCode()) != describe(errors.WrongSecret())
    assert describe(errors.KeyringLocked()) != describe(errors.WrongSecret())


def test_an_import_error_keeps_its_record_and_field() -> None:
    detail = "The record gratitude[2] has no field \"text\"; nothing was imported."
    assert describe(errors.BadImportFile(detail)) == detail


def test_a_bug_says_nothing_of_its_content(capsys: pytest.CaptureFixture[str]) -> None:
    sentence = describe(ValueError("Alex wrote: secret words"))
    assert "Alex" not in sentence and "secret" not in sentence
    assert "unexpected" in sentence
    printed = capsys.readouterr().err
    assert printed == "rebuild-desktop: unexpected ValueError\n"
