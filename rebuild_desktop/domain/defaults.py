"""The default pacing ladder. Its ids are fixed, the same in every vault, so
that an export from one vault lines up with the steps of another."""

from __future__ import annotations

from rebuild_desktop.domain.records import PacingStep
from rebuild_desktop.domain.values import PacingArea

_DEFAULT_STEPS: tuple[tuple[str, str, PacingArea], ...] = (
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0001", "Sharing feelings", PacingArea.EMOTIONAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0002", "Quality time together", PacingArea.EMOTIONAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0003", "Holding hands", PacingArea.PHYSICAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0004", "Hugging", PacingArea.PHYSICAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0005", "Cuddling", PacingArea.PHYSICAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0006", "Kissing", PacingArea.PHYSICAL),
    ("6f1c2b1e-3d1a-5a0e-9a51-0c6b7d2e0007", "Physical intimacy", PacingArea.PHYSICAL),
)


def default_pacing_steps() -> list[PacingStep]:
    return [PacingStep(id=i, title=title, area=area) for i, title, area in _DEFAULT_STEPS]
