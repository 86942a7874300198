"""Export → import into a new vault → export gives the same bytes, for any records."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    HardMoment,
    Pacing,
    PacingStep,
    Partner,
    TimelineEvent,
    VaultContents,
)
from rebuild_desktop.domain.values import (
    AgreementStatus,
    Author,
    Comfort,
    EventKind,
    PacingArea,
    PartnerId,
    Role,
    VaultKind,
)
from rebuild_desktop.services.interchange import export_json, import_json, parse
from rebuild_desktop.services.interchange_document import to_bytes
from rebuild_desktop.services.library import NewVault, VaultLibrary

# Any Unicode except lone surrogates and NUL: emoji, RTL marks, combining accents, SQL-ish.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
SPICY = st.sampled_from(["💔→🌱", "שלום עולם", "مرحبا\u200f", "'; DROP TABLE timeline; --",
                         "e\u0301", "\u202eabc", "line\nbreak\ttab"])
WORDS = st.one_of(TEXT, SPICY)
DAYS = st.dates(date(1970, 1, 1), date(2100, 12, 31)).map(date.isoformat)
PARTNER = st.sampled_from([PartnerId.A, PartnerId.B])
COUNTER = itertools.count()


def _pair(values: st.SearchStrategy[object]) -> st.SearchStrategy[dict[PartnerId, object]]:
    return st.dictionaries(PARTNER, values, max_size=2).map(lambda d: dict(sorted(d.items())))


EXTRA = st.dictionaries(st.from_regex(r"x_[a-z]{1,6}", fullmatch=True),
                        st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), WORDS,
                                  st.floats(allow_nan=False, allow_infinity=False),
                                  st.lists(WORDS, max_size=3)), max_size=2)


def _timestamp(moment: datetime, offset_minutes: int) -> str:
    zone = timezone(timedelta(minutes=offset_minutes))
    return moment.replace(tzinfo=UTC).astimezone(zone).isoformat(timespec="seconds")


MOMENT_DATE = st.one_of(DAYS, st.builds(
    _timestamp, st.datetimes(datetime(1971, 1, 1), datetime(2099, 1, 1)),
    st.integers(-12 * 4, 14 * 4).map(lambda quarters: quarters * 15)))


def _uid() -> str:
    return f"{next(COUNTER):08x}-aaaa-4bbb-8ccc-{next(COUNTER):012x}"


def _records(builder: st.SearchStrategy[object]) -> st.SearchStrategy[list[object]]:
    return st.lists(builder, max_size=4)


TIMELINE = st.builds(
    lambda *a: TimelineEvent(_uid(), *a), DAYS, st.sampled_from(EventKind),
    st.sampled_from(Author), WORDS, WORDS, _pair(st.integers(0, 10)), st.lists(WORDS, max_size=3),
    st.booleans(), EXTRA, st.one_of(st.none(), WORDS))
GRATITUDE = st.builds(
    lambda *a: Gratitude(_uid(), *a), DAYS, PARTNER, PARTNER, WORDS, st.none() | WORDS,
    st.booleans(), st.none() | WORDS, st.booleans(), EXTRA)
CHECKINS = st.builds(
    lambda *a: CheckIn(_uid(), *a), DAYS, PARTNER, st.integers(1, 5), st.integers(0, 10),
    st.none() | WORDS, st.none() | WORDS, st.none() | WORDS, st.none() | WORDS, st.booleans(),
    EXTRA)
MOMENTS = st.builds(
    lambda *a: HardMoment(_uid(), *a), MOMENT_DATE, PARTNER, st.integers(0, 10),
    st.none() | WORDS, st.none() | WORDS, st.booleans(), EXTRA)
AGREEMENTS = st.builds(
    lambda *a: Agreement(_uid(), *a), DAYS, WORDS, st.sampled_from(AgreementStatus),
    st.none() | DAYS, _pair(st.booleans()), st.booleans(), EXTRA)
STEPS = st.builds(lambda *a: PacingStep(_uid(), *a), WORDS, st.sampled_from(PacingArea),
                  _pair(st.sampled_from(Comfort)), EXTRA)
CONTENTS = st.builds(
    lambda names, roles, timeline, gratitude, checkins, moments, agreements, pacing: VaultContents(
        VaultKind.COUPLE,
        [Partner(PartnerId.A, names[0], roles[0]), Partner(PartnerId.B, names[1], roles[1])],
        timeline, gratitude, checkins, moments, agreements, pacing),
    st.tuples(WORDS, WORDS), st.tuples(st.none() | st.sampled_from(Role),
                                       st.none() | st.sampled_from(Role)),
    _records(TIMELINE), _records(GRATITUDE), _records(CHECKINS), _records(MOMENTS),
    _records(AGREEMENTS),
    st.builds(Pacing, PARTNER, st.none() | PARTNER, st.lists(STEPS, min_size=1, max_size=3)))


def _export_of_import(library: VaultLibrary, source: Path, out: Path) -> bytes:
    vault = library.create(NewVault(f"v{next(COUNTER)}", VaultKind.COUPLE, remember=True)).vault
    try:
        import_json(vault, source)
        return export_json(vault, out).read_bytes()
    finally:
        vault.close()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(contents=CONTENTS)
def test_export_import_export_is_byte_identical(library: VaultLibrary, tmp_path: Path,
                                                contents: VaultContents) -> None:
    source = tmp_path / "source.json"
    source.write_bytes(to_bytes(contents))
    first = _export_of_import(library, source, tmp_path / "first.json")
    second = _export_of_import(library, tmp_path / "first.json", tmp_path / "second.json")
    assert second == first
    assert parse(first) == parse(to_bytes(contents))
