"""Why a pacing mark or pause could not be changed, in one gentle sentence.

Kept apart from the pacing page so the wording for each refusal of the rules
in ``domain.pacing_rules`` sits in one place, away from layout and wiring.
The strings keep the page's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.domain import pacing_rules as rules


def _tr(text: str) -> str:
    return QCoreApplication.translate("PacingPage", text)


def refusal_text(refusal: rules.Refusal, pace_setter: str, paused_by: str) -> str:
    """The sentence for ``refusal``, naming the pace-setter or whoever paused."""
    texts = {
        rules.Refusal.PACE_SETTER_LEADS: _tr(
            "{name} sets the pace, so this step moves forward when {name} is ready. "
            "You can let {name} know you would like to talk about it.").format(
            name=pace_setter),
        rules.Refusal.PAUSED: _tr(
            "Pacing is paused for now, so physical steps stay where they are until "
            "{name} resumes.").format(name=paused_by),
        rules.Refusal.NOT_YOUR_PAUSE: _tr(
            "{name} paused pacing, and only {name} can resume it, whenever {name} is "
            "ready. No reason is needed.").format(name=paused_by),
    }
    return texts.get(refusal, "")
