"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call
and aborts with ``none_dealloc`` after some thousands; the dependency markers
keep 6.12 off 3.11. These tests catch both a bad wheel and a bad marker."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import PySide6
import pytest
from packaging.requirements import Requirement
from packaging.version import Version
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
CALLS = 200_000
CHUNK = 10_000


def test_void_calls_do_not_release_none(qapp: QApplication) -> None:
    obj, widget = QObject(), QWidget()
    assert obj.setObjectName("x") is None and widget.setEnabled(True) is None
    start = sys.getrefcount(None)
    # In chunks, so a leaking build fails this test before None reaches zero
    # and the whole run aborts. (On 3.12+ None is immortal and its count
    # constant; on 3.11 this is the check that matters.)
    for done in range(0, CALLS, CHUNK):
        for i in range(CHUNK // 2):
            obj.setObjectName("a" if i % 2 else "b")
            widget.setEnabled(bool(i % 2))
        assert sys.getrefcount(None) >= start - 100, f"None lost references after {done} calls"
    widget.deleteLater()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on 3.12+")
def test_none_count_is_observable_here() -> None:
    """On 3.11 the check above can fail: None's count moves with its references."""
    start = sys.getrefcount(None)
    held = [None] * 1000
    assert sys.getrefcount(None) >= start + 1000
    del held


def _pyside_requirements() -> list[Requirement]:
    document = tomllib.loads(PYPROJECT.read_text())
    requirements = [Requirement(text) for text in document["project"]["dependencies"]]
    return [r for r in requirements if r.name.lower().startswith("pyside6")]


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13", "3.14"])
def test_markers_never_allow_6_12_on_python_3_11(python: str) -> None:
    environment = {"python_version": python, "python_full_version": python + ".0"}
    applying = [r for r in _pyside_requirements()
                if r.marker is None or r.marker.evaluate(environment)]
    assert len(applying) == 1, "exactly one PySide6 requirement applies on each Python"
    requirement = applying[0]
    assert requirement.name == "PySide6-Essentials"  # the core modules, not the bundle
    assert requirement.specifier.contains("6.11.3")
    if Version(python) < Version("3.12"):
        for banned in ("6.12.0", "6.12.1", "6.13.0"):
            assert not requirement.specifier.contains(banned, prereleases=True)
    else:
        assert requirement.specifier.contains("6.12.0")


def test_installed_combination_is_sound() -> None:
    if sys.version_info < (3, 12):
        assert Version(PySide6.__version__) < Version("6.12")
