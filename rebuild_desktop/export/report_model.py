"""What the counselor summary holds, read from the vault's repositories.

The model is plain data: which sections, which records, which names. It
holds only records marked for the counselor (plus counts, which name no
entry), so everything later in the pipeline can only show what was shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    JournalEntry,
    Partner,
    TimelineEvent,
)
from rebuild_desktop.domain.trust_trend import build_trend
from rebuild_desktop.domain.values import (
    AgreementStatus,
    Comfort,
    PacingArea,
    PartnerId,
    VaultKind,
)
from rebuild_desktop.painting.trust_chart import TrustSeries
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import (
    AgreementRepository,
    CheckInRepository,
    GratitudeRepository,
    JournalRepository,
    TimelineRepository,
)
from rebuild_desktop.storage.report_queries import (
    AgreementChange,
    agreement_changes,
    counselor_records,
    gratitude_counts,
    timeline_from_origin,
)
from rebuild_desktop.storage.timeline_queries import TrustPoint

Day = str | None
Names = dict[PartnerId, str]

COUPLE_SECTIONS = ("timeline", "trust_chart", "checkins", "gratitude", "agreements", "pacing")
JOURNAL_SECTIONS = ("journal",)


def sections_for(kind: VaultKind) -> tuple[str, ...]:
    """The section keys a vault of ``kind`` can export, in document order."""
    return COUPLE_SECTIONS if kind is VaultKind.COUPLE else JOURNAL_SECTIONS


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """The choices of the export dialog (the command line uses the defaults)."""

    initials: bool = False
    titles_only: bool = False
    session_date: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Cover:
    kind: VaultKind
    people: list[str]
    session_date: str | None
    date_from: str | None
    date_to: str | None
    prepared_on: str
    sections: list[str]


@dataclass(slots=True)
class TimelineSection:
    events: list[TimelineEvent]
    titles_only: bool


@dataclass(slots=True)
class TrustChartSection:
    series: TrustSeries


@dataclass(slots=True)
class CheckInSection:
    checkins: list[CheckIn]


@dataclass(slots=True)
class GratitudeSection:
    total: int
    acknowledged: int
    entries: list[Gratitude]


@dataclass(slots=True)
class AgreementsSection:
    current: list[Agreement]
    changes: list[AgreementChange]
    made: list[Agreement]


@dataclass(frozen=True, slots=True)
class StepLevel:
    title: str
    area: PacingArea
    agreed: Comfort | None  # None: not both partners have answered yet
    paused: bool


@dataclass(slots=True)
class PacingSection:
    paused_by: PartnerId | None
    steps: list[StepLevel]
    changes: list[TimelineEvent]


@dataclass(slots=True)
class JournalSection:
    entries: list[JournalEntry]


AnySection = (TimelineSection | TrustChartSection | CheckInSection | GratitudeSection
              | AgreementsSection | PacingSection | JournalSection)


@dataclass(slots=True)
class Report:
    cover: Cover
    names: dict[PartnerId, str]
    sections: list[tuple[str, AnySection]] = field(default_factory=list)

    def name(self, partner: PartnerId | str) -> str:
        if partner == "both":
            return " & ".join(self.names.values())
        return self.names.get(PartnerId(partner), str(partner))


def display_names(partners: list[Partner], initials: bool) -> dict[PartnerId, str]:
    """Each partner's name, or its initial ("A.") when asked, or "Partner A" when unnamed."""
    names = {}
    for partner in partners:
        name = partner.name.strip() or f"Partner {partner.id.value.upper()}"
        names[partner.id] = f"{name[0].upper()}." if initials else name
    return names


def build_report(conn: Connection, kind: VaultKind, *, date_from: str | None,
                 date_to: str | None, sections: list[str] | None,
                 options: ReportOptions | None = None, today: date | None = None) -> Report:
    """Read everything the chosen sections show; unknown section keys are ignored."""
    options = options or ReportOptions()
    wanted = [key for key in sections_for(kind) if sections is None or key in sections]
    names = display_names(PartnerRepository(conn).all(), options.initials)
    cover = Cover(kind, list(names.values()), options.session_date, date_from, date_to,
                  (today or date.today()).isoformat(), wanted)
    report = Report(cover, names)
    for key in wanted:
        report.sections.append((key, _BUILDERS[key](conn, date_from, date_to, options, names)))
    return report


def _timeline(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
              names: Names) -> TimelineSection:
    return TimelineSection(counselor_records(conn, TimelineRepository, date_from, date_to),
                           options.titles_only)


def _trust_chart(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
                 names: Names) -> TrustChartSection:
    """The same trend the timeline's chart draws, from the events shared with the
    counselor (a check-in's rating is on its timeline row, so it counts once)."""
    points = [
        TrustPoint(event.id, event.date, event.kind.value,
                   event.trust.get(PartnerId.A), event.trust.get(PartnerId.B))
        for event in counselor_records(conn, TimelineRepository, date_from, date_to)
    ]
    chart_names = {partner.value: name for partner, name in names.items()}
    return TrustChartSection(TrustSeries(build_trend(points), chart_names))


def _checkins(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
              names: Names) -> CheckInSection:
    return CheckInSection(counselor_records(conn, CheckInRepository, date_from, date_to))


def _gratitude(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
               names: Names) -> GratitudeSection:
    total, acknowledged = gratitude_counts(conn, date_from, date_to)
    entries = counselor_records(conn, GratitudeRepository, date_from, date_to)
    return GratitudeSection(total, acknowledged, entries)


def _agreements(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
                names: Names) -> AgreementsSection:
    shared = [a for a in AgreementRepository(conn).iter_all() if a.for_counselor]
    current = [a for a in shared if a.status in (AgreementStatus.ACTIVE, AgreementStatus.REVISIT)]
    made = counselor_records(conn, AgreementRepository, date_from, date_to)
    return AgreementsSection(current, agreement_changes(conn, date_from, date_to), made)


def agreed_level(comfort: dict[PartnerId, Comfort]) -> Comfort | None:
    """The lower of the two partners' levels; None until both have answered."""
    if len(comfort) < 2:
        return None
    return min(comfort.values(), key=lambda level: level.rank)


def _pacing(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
            names: Names) -> PacingSection:
    pacing = PacingRepository(conn).load()
    steps = [
        StepLevel(step.title, step.area, agreed_level(step.comfort),
                  pacing.paused_by is not None and step.area is PacingArea.PHYSICAL)
        for step in pacing.steps
    ]
    changes = timeline_from_origin(conn, "pacing", date_from, date_to)
    return PacingSection(pacing.paused_by, steps, changes)


def _journal(conn: Connection, date_from: Day, date_to: Day, options: ReportOptions,
             names: Names) -> JournalSection:
    return JournalSection(counselor_records(conn, JournalRepository, date_from, date_to))


_BUILDERS = {
    "timeline": _timeline,
    "trust_chart": _trust_chart,
    "checkins": _checkins,
    "gratitude": _gratitude,
    "agreements": _agreements,
    "pacing": _pacing,
    "journal": _journal,
}
