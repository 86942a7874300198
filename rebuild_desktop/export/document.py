"""Turn the report model into document blocks: the words a counselor reads.

Every visible string goes through ``translate``. Text from the vault passes
through ``printable`` first, so colour emoji never become large bitmaps and
control characters never reach the PDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QFont, QRawFont

from rebuild_desktop.domain.values import AgreementStatus, Comfort, EventKind, VaultKind
from rebuild_desktop.export.blocks import Block, Chart, Fact, PageBreak, Rule, Text
from rebuild_desktop.export.fonts import font_data
from rebuild_desktop.export.report_model import (
    AgreementsSection,
    CheckInSection,
    GratitudeSection,
    JournalSection,
    PacingSection,
    Report,
    TimelineSection,
    TrustChartSection,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DROPPED = {0x200D, 0xFE0E, 0xFE0F}  # joiners and emoji/text presentation selectors


def tr(text: str) -> str:
    return QCoreApplication.translate("CounselorReport", text)


def section_title(key: str) -> str:
    return {
        "timeline": tr("Trust timeline"),
        "trust_chart": tr("Trust over time"),
        "checkins": tr("Check-ins"),
        "gratitude": tr("Gratitude"),
        "agreements": tr("Agreements and boundaries"),
        "pacing": tr("Pacing"),
        "journal": tr("Journal entries"),
    }[key]


def kind_word(kind: EventKind) -> str:
    return {
        EventKind.DISCOVERY: tr("Discovery"), EventKind.DISCLOSURE: tr("Disclosure"),
        EventKind.MILESTONE: tr("Milestone"), EventKind.SETBACK: tr("Hard day"),
        EventKind.ACCOUNTABILITY: tr("Accountability step"),
        EventKind.AGREEMENT: tr("Agreement"), EventKind.CHECKIN: tr("Check-in"),
        EventKind.COUNSELING: tr("Counseling session"),
        EventKind.QUALITY_TIME: tr("Quality time"), EventKind.NOTE: tr("Note"),
    }[kind]


def comfort_word(level: Comfort | None) -> str:
    if level is None:
        return tr("Not answered by both yet")
    return {Comfort.NOT_YET: tr("Not yet"), Comfort.OPEN: tr("Open to talking"),
            Comfort.COMFORTABLE: tr("Comfortable")}[level]


_raw_font: QRawFont | None = None


def printable(text: str | None) -> str:
    """``text`` with emoji the font lacks spelled out ("[red heart]") and controls removed."""
    global _raw_font
    if not text:
        return ""
    if text.isascii() and not _CONTROL.search(text):
        return text
    if _raw_font is None:
        # The bundled file itself, not the font engine, which would count fallbacks.
        _raw_font = QRawFont(font_data(), 10, QFont.HintingPreference.PreferNoHinting)
    out = []
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if code in _DROPPED or (category == "Cc" and char not in "\n\t"):
            continue
        if 0x1F3FB <= code <= 0x1F3FF:  # skin-tone modifiers
            continue
        if category == "So" and not _raw_font.supportsCharacter(code):
            out.append(f"[{unicodedata.name(char, 'symbol').lower()}]")
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=2048)
def long_date(iso: str) -> str:
    return QLocale().toString(QDate.fromString(iso[:10], "yyyy-MM-dd"), "d MMMM yyyy")


@lru_cache(maxsize=2048)
def short_date(iso: str) -> str:
    return QLocale().toString(QDate.fromString(iso[:10], "yyyy-MM-dd"), "ddd d MMM yyyy")


def period(date_from: str | None, date_to: str | None) -> str:
    if date_from and date_to:
        return tr("%1 to %2").replace("%1", long_date(date_from)).replace("%2", long_date(date_to))
    if date_from:
        return tr("From %1").replace("%1", long_date(date_from))
    if date_to:
        return tr("Everything up to %1").replace("%1", long_date(date_to))
    return tr("Everything recorded so far")


def build_document(report: Report) -> list[Block]:
    """The whole document: cover sheet, then one part per section."""
    blocks = list(_cover(report))
    for index, (key, section) in enumerate(report.sections):
        if index:
            blocks.append(Rule(space_before=14))
        blocks.append(Text(section_title(key), "heading", space_before=14 if index else 0,
                           keep_with_next=True))
        blocks.extend(_section_blocks(report, section))
    if not report.sections:
        blocks.append(Text(tr("No sections were chosen for this summary."), "note"))
    return blocks


def _cover(report: Report) -> Iterator[Block]:
    cover = report.cover
    couple = cover.kind is VaultKind.COUPLE
    yield Text(tr("Counselor summary"), "title", space_before=96)
    if cover.session_date:
        yield Text(tr("Prepared for the session on %1").replace(
            "%1", long_date(cover.session_date)), "subtitle", space_before=8)
    else:
        yield Text(tr("Prepared for a counseling session"), "subtitle", space_before=8)
    yield Rule(space_before=24)
    who = tr("A couple: %1") if couple else tr("A private journal kept by %1")
    yield Fact(tr("Whose summary"), who.replace("%1", tr(" and ").join(cover.people)),
               space_before=12)
    yield Fact(tr("Period"), period(cover.date_from, cover.date_to), space_before=6)
    yield Fact(tr("Sections"), ", ".join(section_title(k) for k in cover.sections) or "—",
               space_before=6)
    yield Fact(tr("Prepared on"), long_date(cover.prepared_on), space_before=6)
    yield Rule(space_before=18)
    note = (tr("This summary holds only the entries marked to share with a counselor, and "
               "only the sections both partners agreed to share.") if couple else
            tr("This summary holds only the journal entries marked to share with a "
               "counselor."))
    yield Text(note, "note", space_before=18)
    yield Text(tr("It was made with Rebuild, a private companion app; it is not a clinical "
                  "record. Please keep it confidential."), "note", space_before=6)
    yield PageBreak()


def _empty() -> Text:
    return Text(tr("Nothing in this period was marked to share."), "note", space_before=4)


def _entry_head(meta: str, title: str | None) -> Iterator[Block]:
    yield Text(meta, "meta", space_before=12, keep_with_next=True)
    if title:
        yield Text(printable(title), "entry_title", space_before=2, keep_with_next=True)


def _paragraphs(text: str | None, style: str = "body", indent: float = 0.0) -> Iterator[Block]:
    for number, paragraph in enumerate(printable(text).split("\n")):
        if paragraph.strip():
            yield Text(paragraph, style, indent, space_before=4 if number else 3)


def _section_blocks(report: Report, section: object) -> Iterator[Block]:
    if isinstance(section, TimelineSection):
        yield from _timeline(report, section)
    elif isinstance(section, TrustChartSection):
        yield Text(tr("Each partner's trust from 0 to 10, from the check-ins and rated events "
                      "shared in this summary, as the timeline's chart shows it."),
                   "note", space_before=4, keep_with_next=True)
        yield Chart(section.series)
    elif isinstance(section, CheckInSection):
        yield from _checkins(report, section)
    elif isinstance(section, GratitudeSection):
        yield from _gratitude(report, section)
    elif isinstance(section, AgreementsSection):
        yield from _agreements(section)
    elif isinstance(section, PacingSection):
        yield from _pacing(report, section)
    elif isinstance(section, JournalSection):
        yield from _journal(section)


def _timeline(report: Report, section: TimelineSection) -> Iterator[Block]:
    if not section.events:
        yield _empty()
    for event in section.events:
        meta = " · ".join((short_date(event.date), kind_word(event.kind),
                           report.name(event.author)))
        yield from _entry_head(meta, event.title)
        if not section.titles_only:
            yield from _paragraphs(event.text)
        if event.trust:
            ratings = " · ".join(f"{report.name(p)} {v}/10" for p, v in sorted(event.trust.items()))
            yield Text(tr("Trust: %1").replace("%1", ratings), "small", space_before=3)


def _checkins(report: Report, section: CheckInSection) -> Iterator[Block]:
    if not section.checkins:
        yield _empty()
    for checkin in section.checkins:
        meta = " · ".join((short_date(checkin.date), report.name(checkin.partner)))
        yield from _entry_head(meta, None)
        yield Text(tr("Mood %1 of 5 · Trust %2 of 10").replace("%1", str(checkin.mood))
                   .replace("%2", str(checkin.trust)), "entry_title", space_before=2)
        for label, value in ((tr("I feel … when … I need …"), checkin.feel),
                             (tr("What went well"), checkin.went_well),
                             (tr("What was hard"), checkin.hard),
                             (tr("One request"), checkin.request)):
            if value and value.strip():
                yield Text(label, "label", space_before=4, keep_with_next=True)
                yield from _paragraphs(value)


def _gratitude(report: Report, section: GratitudeSection) -> Iterator[Block]:
    yield Text(tr("Appreciations written in this period: %1. Acknowledged by the other "
                  "partner: %2.").replace("%1", str(section.total))
               .replace("%2", str(section.acknowledged)), "body", space_before=6)
    if section.entries:
        yield Text(tr("Shared with you"), "subheading", space_before=14, keep_with_next=True)
    for entry in section.entries:
        parts = [short_date(entry.date), tr("%1 to %2").replace(
            "%1", report.name(entry.from_partner)).replace("%2", report.name(entry.to_partner))]
        if entry.category:
            parts.append(printable(entry.category))
        if entry.acknowledged:
            parts.append(tr("acknowledged"))
        yield from _entry_head(" · ".join(parts), None)
        yield from _paragraphs(entry.text)
        if entry.reply:
            yield Text(tr("Reply: %1").replace("%1", printable(entry.reply)), "small",
                       indent=12, space_before=3)


def _agreements(section: AgreementsSection) -> Iterator[Block]:
    yield Text(tr("In force or to revisit"), "subheading", space_before=8, keep_with_next=True)
    if not section.current:
        yield _empty()
    for agreement in section.current:
        if agreement.status is AgreementStatus.REVISIT:
            state = tr("To revisit")
        elif agreement.in_force:
            state = tr("In force")
        else:
            state = tr("Awaiting consent")
        parts = [state, tr("agreed %1").replace("%1", short_date(agreement.date))]
        if agreement.review_on:
            parts.append(tr("review on %1").replace("%1", short_date(agreement.review_on)))
        yield from _entry_head(" · ".join(parts), None)
        yield from _paragraphs(agreement.text)
    yield Text(tr("Changes in this period"), "subheading", space_before=16, keep_with_next=True)
    changes = [(a.date, tr("Agreed"), a.text) for a in section.made]
    changes += [(c.date, _change_word(c.change), c.agreement_text) for c in section.changes]
    if not changes:
        yield Text(tr("No changes in this period."), "note", space_before=4)
    for day, what, text in sorted(changes, key=lambda change: change[0]):
        yield from _entry_head(f"{short_date(day)} · {what}", None)
        yield from _paragraphs(text)


def _change_word(change: str) -> str:
    words = {AgreementStatus.ACTIVE.value: tr("Became active"),
             AgreementStatus.REVISIT.value: tr("Marked to revisit"),
             AgreementStatus.RETIRED.value: tr("Retired")}
    return words.get(change, printable(change).replace("_", " ").capitalize())


def _pacing(report: Report, section: PacingSection) -> Iterator[Block]:
    if section.paused_by is not None:
        yield Text(tr("Physical steps are paused for now (paused by %1).").replace(
            "%1", report.name(section.paused_by)), "entry_title", space_before=6)
    yield Text(tr("Agreed level of each step"), "subheading", space_before=8,
               keep_with_next=True)
    yield Text(tr("The lower of the two partners' answers."), "note", keep_with_next=True)
    for step in section.steps:
        level = tr("Paused") if step.paused else comfort_word(step.agreed)
        yield Fact(printable(step.title), level, space_before=4)
    yield Text(tr("Changes in this period"), "subheading", space_before=16, keep_with_next=True)
    if not section.changes:
        yield Text(tr("No changes in this period."), "note", space_before=4)
    for event in section.changes:
        yield from _entry_head(short_date(event.date), event.title)


def _journal(section: JournalSection) -> Iterator[Block]:
    if not section.entries:
        yield _empty()
    for entry in section.entries:
        parts = [short_date(entry.date)]
        if entry.mood is not None:
            parts.append(tr("mood %1 of 5").replace("%1", str(entry.mood)))
        if entry.tags:
            parts.append(", ".join(printable(t) for t in entry.tags))
        yield from _entry_head(" · ".join(parts), entry.title)
        yield from _paragraphs(entry.text)
