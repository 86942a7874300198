"""Recovery codes: the whole key, readable groups, forgiving of case and separators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rebuild_desktop.domain.errors import BadRecoveryCode, WrongSecret
from rebuild_desktop.secrets import recovery

keys = st.binary(min_size=32, max_size=32)


@given(keys)
def test_round_trip_in_every_accepted_form(key: bytes) -> None:
    code = recovery.encode(key)
    assert len(code.split("-")) == 14 and all(len(g) == 4 for g in code.split("-"))
    for form in (code, code.lower(), code.replace("-", " "), code.replace("-", ""),
                 f"  {code.lower()}\n", code.replace("-", " - ")):
        assert recovery.decode(form) == key


BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@given(keys, st.integers(min_value=0, max_value=55), st.sampled_from(BASE32))
def test_a_mistyped_character_is_caught(key: bytes, position: int, letter: str) -> None:
    compact = recovery.encode(key).replace("-", "")
    if compact[position] == letter:
        return
    typo = compact[:position] + letter + compact[position + 1:]
    with pytest.raises(BadRecoveryCode):
        recovery.decode(typo)


@given(st.text(max_size=200))
def test_any_text_is_a_code_or_a_calm_error(text: str) -> None:
    try:
        key = recovery.decode(text)
    except BadRecoveryCode as error:
        assert isinstance(error, WrongSecret) and str(error)
    else:
        assert len(key) == 32


def test_a_missing_group_is_caught() -> None:
    code = recovery.encode(bytes(range(32)))
    with pytest.raises(BadRecoveryCode):
        recovery.decode(code.rsplit("-", 1)[0])
