"""What changed in one agreement, one plain line per change, oldest first.

Kept apart from the agreements page so the wording of an agreement's history
(who wrote it, who said yes, what was changed and when) sits in one place,
away from layout and wiring. The strings keep the page's translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.agreements import Change
from rebuild_desktop.views.widgets.card_delegate import long_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementsPage", text)


def history_text(changes: list[Change], name_of: Callable[[PartnerId], str]) -> str:
    """Every change on its own line, or a note that nothing has changed yet."""
    return ("\n".join(describe_change(c, name_of) for c in changes)
            or _tr("Nothing yet: changes to consent, status or review date will be noted here."))


def describe_change(change: Change, name_of: Callable[[PartnerId], str]) -> str:
    when = long_date(change.changed_at)
    name = name_of(change.partner) if change.partner else ""
    if change.what == "written":
        return _tr("{date}: written by {name}").format(date=when, name=name)
    if change.what == "consent":
        text = (_tr("{date}: {name} said yes") if change.value
                else _tr("{date}: {name} would like to hold off"))
        return text.format(date=when, name=name)
    if change.what == "status":
        return _tr("{date}: status changed").format(date=when)
    return _tr("{date}: review date changed").format(date=when)
