"""A sample couple space, so a newcomer sees the product at once (``--demo``).

The content lives in ``resources/demo/couple.json`` with dates as day offsets
from today, so the demo always looks current. ``demo_file`` turns it into an
interchange file, which goes through the same parse and import as any other.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from rebuild_desktop.domain.errors import KeyringLocked, NoKeyring
from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.resources import resource
from rebuild_desktop.services.interchange import import_contents, parse
from rebuild_desktop.services.interchange_validate import FORMAT, VERSION
from rebuild_desktop.services.library import CreatedVault, NewVault, VaultLibrary

DEMO_PASSPHRASE = "demo-passphrase"
# Ids are derived from this namespace and the record's place in the template, so
# building the demo twice gives the same ids (a second import adds nothing).
_NAMESPACE = uuid.UUID("9a0f1d52-6c3e-4f0b-8d7e-2b5c4a1e9f30")
_LISTS = ("timeline", "gratitude", "checkins", "hard_moments", "agreements")


def create_demo_vault(library: VaultLibrary, name: str = "demo", *,
                      remember: bool | None = None) -> CreatedVault:
    """Create the sample couple vault Alex and Sam, filled with a few months of data.

    Args:
        remember: ``None`` (the default) puts the key in the keyring when one
            works; ``False`` never touches the keyring, so a throwaway demo
            leaves no keyring item behind. Without a keyring slot the vault
            opens with the passphrase ``demo-passphrase``.

    Raises:
        VaultExists, DiskFull: nothing is left half-made by the create step.
    """
    contents = parse(demo_file())
    secret = None
    if remember is None:
        try:
            library.keyring.check()
            remember = True
        except (NoKeyring, KeyringLocked):
            remember = False
    if not remember:
        secret = DEMO_PASSPHRASE
    created = library.create(NewVault(name, VaultKind.COUPLE, contents.partners, secret, remember))
    try:
        import_contents(created.vault, contents)
    except BaseException:
        created.vault.close()
        raise
    return created


def demo_file(today: date | None = None) -> bytes:
    """The demo as an interchange file, dated relative to ``today``."""
    today = today or date.today()
    template = json.loads(resource("demo", "couple.json").read_bytes())
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "vault": template["vault"]}
    for name in _LISTS:
        document[name] = [_dated(name, number, dict(record), today)
                          for number, record in enumerate(template[name])]
    document["pacing"] = template["pacing"]
    document["timeline"].extend(_derived_events(document, template, today))
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _day(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def _dated(name: str, number: int, record: dict[str, Any], today: date) -> dict[str, Any]:
    record["id"] = str(uuid.uuid5(_NAMESPACE, f"{name}:{number}"))
    offset = record.pop("day")
    record["date"] = _day(today, offset)
    if "time" in record:
        clock = time.fromisoformat(record.pop("time"))
        local = datetime.combine(today + timedelta(days=offset), clock)
        record["date"] = local.astimezone().isoformat(timespec="seconds")
    if "review_in" in record:
        record["review_on"] = _day(today, record.pop("review_in"))
    return record


def _derived_events(document: dict[str, Any], template: dict[str, Any],
                    today: date) -> list[dict[str, Any]]:
    """The timeline rows other features write: check-ins, agreements made, pacing changes."""
    events = []
    for checkin in document["checkins"]:
        # As the check-in service writes it: the partner's rating feeds the chart.
        row = _event(f"checkin:{checkin['id']}", checkin["date"], "checkin",
                     checkin["partner"], "Weekly check-in")
        row["trust"] = {checkin["partner"]: checkin["trust"]}
        events.append(row)
    for agreement in document["agreements"]:
        if agreement["status"] == "active" and agreement["consent"] == {"a": True, "b": True}:
            events.append(_event(f"agreement:{agreement['id']}", agreement["date"], "agreement",
                                 "both", "Agreement made together"))
    steps = template["pacing"]["steps"]
    for change in template["pacing_changes"]:
        step_id = steps[change["step"] - 1]["id"]
        events.append(_event(f"pacing:{step_id}", _day(today, change["day"]), "milestone",
                             change["author"], change["title"]))
    return events


def _event(origin: str, day: str, kind: str, author: str, title: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid5(_NAMESPACE, f"{origin}|{day}")), "date": day, "kind": kind,
            "author": author, "title": title, "origin": origin}
