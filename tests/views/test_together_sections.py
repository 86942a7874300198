"""The four pages are declared for couple vaults only, with an icon each."""

from __future__ import annotations

import importlib

import pytest

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.resources import resource

MODULES = ("gratitude", "agreements", "pacing", "settings")


@pytest.mark.parametrize("name", MODULES)
def test_section_is_for_couples_with_an_icon(name: str) -> None:
    section = importlib.import_module(f"rebuild_desktop.views.{name}").SECTION
    assert section.key == name
    assert section.kinds == frozenset({VaultKind.COUPLE})
    assert section.title()
    assert b"currentColor" in resource("icons", section.icon).read_bytes()


def test_sections_are_registered() -> None:
    from rebuild_desktop.views import sections

    for name in MODULES:
        assert f"rebuild_desktop.views.{name}" in sections._SECTION_MODULES
