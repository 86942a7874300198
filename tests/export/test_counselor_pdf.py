"""The counselor summary, read back from the real PDF."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from rebuild_desktop.domain.errors import BadExportPath
from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    JournalEntry,
    PacingStep,
    TimelineEvent,
)
from rebuild_desktop.domain.values import (
    AgreementStatus,
    Author,
    EventKind,
    PacingArea,
    PartnerId,
)
from rebuild_desktop.export.counselor import write_counselor_pdf
from rebuild_desktop.export.report_model import ReportOptions
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.records import (
    AgreementRepository,
    CheckInRepository,
    GratitudeRepository,
    JournalRepository,
    TimelineRepository,
)
from tests.export.pdf_reading import page_count, page_texts, pdf_text
from tests.support.report_data import new_id

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def couple(couple_vault: Vault) -> Vault:
    conn = couple_vault.db
    with transaction(conn):
        timeline = TimelineRepository(conn)
        timeline.add(TimelineEvent(new_id(), "2026-03-01", EventKind.DISCOVERY, Author.A,
                                   "The hardest morning", "The office was quiet; a fluffy "
                                   "blanket, an affirming word, a difficult finish.",
                                   {PartnerId.A: 2, PartnerId.B: 5}))
        timeline.add(TimelineEvent(new_id(), "2026-03-20", EventKind.MILESTONE, Author.BOTH,
                                   "First honest dinner", "We stayed at the table."))
        timeline.add(TimelineEvent(new_id(), "2026-03-21", EventKind.NOTE, Author.B,
                                   "Private worry", "Not for anyone else.", for_counselor=False))
        timeline.add(TimelineEvent(new_id(), "2025-12-24", EventKind.NOTE, Author.B,
                                   "Before the period", "Outside the range."))
        CheckInRepository(conn).add(CheckIn(new_id(), "2026-03-08", PartnerId.A, 2, 4,
                                            "I feel tired when we argue, I need rest"))
        CheckInRepository(conn).add(CheckIn(new_id(), "2026-03-09", PartnerId.B, 3, 6,
                                            "Unshared check-in", for_counselor=False))
        gratitude = GratitudeRepository(conn)
        gratitude.add(Gratitude(new_id(), "2026-03-10", PartnerId.B, PartnerId.A,
                                "Thank you for listening", acknowledged=True, for_counselor=True))
        gratitude.add(Gratitude(new_id(), "2026-03-11", PartnerId.A, PartnerId.B,
                                "Unshared appreciation"))
        agreements = AgreementRepository(conn)
        agreements.add(Agreement(new_id(), "2026-03-12", "Phones stay on the table",
                                 AgreementStatus.ACTIVE, None,
                                 {PartnerId.A: True, PartnerId.B: True}))
        agreements.add(Agreement(new_id(), "2026-03-13", "Evenings belong to us",
                                 AgreementStatus.ACTIVE, None, {PartnerId.A: True}))
        pacing = PacingRepository(conn)
        pacing.add(PacingStep(new_id(), "Dancing in the kitchen", PacingArea.PHYSICAL))
        conn.execute("UPDATE pacing_steps SET comfort_a = 'comfortable', comfort_b = 'open' "
                     "WHERE title = 'Sharing feelings'")
        pacing.set_paused_by(PartnerId.A)
        change_id = new_id()
        timeline.add(TimelineEvent(change_id, "2026-03-14", EventKind.MILESTONE, Author.A,
                                   "Hugging is now comfortable for both"))
        conn.execute("UPDATE timeline SET origin = 'pacing:step' WHERE id = ?", (change_id,))
        agreed = conn.execute("SELECT id FROM agreements WHERE text = 'Evenings belong to us'"
                              ).fetchone()[0]
        conn.execute("INSERT INTO agreement_changes (agreement_id, changed_at, change) "
                     "VALUES (?, '2026-03-16T10:00:00Z', 'revisit')", (agreed,))
    return couple_vault


def export(vault: Vault, out: Path, **kwargs) -> str:
    kwargs.setdefault("date_from", "2026-01-01")
    kwargs.setdefault("date_to", "2026-12-31")
    kwargs.setdefault("password", None)
    write_counselor_pdf(vault, out, **kwargs)
    return pdf_text(out, kwargs["password"])


def test_sections_present_and_only_shared_entries(couple: Vault, tmp_path: Path) -> None:
    text = export(couple, tmp_path / "summary.pdf",
                  options=ReportOptions(session_date="2026-12-03"))
    for heading in ("Trust timeline", "Trust over time", "Check-ins", "Gratitude",
                    "Agreements and boundaries", "Pacing"):
        assert heading in text
    assert "Prepared for the session on 3 December 2026" in text
    assert "The hardest morning" in text and "First honest dinner" in text
    assert "Thank you for listening" in text
    assert "Appreciations written in this period: 2. Acknowledged by the other partner: 1." \
        in " ".join(text.split())
    for hidden in ("Private worry", "Unshared check-in", "Unshared appreciation"):
        assert hidden not in text
    assert "Before the period" not in text
    assert "Awaiting consent" in text and "In force" in text
    assert "Physical steps are paused" in text
    assert "Open to talking" in text  # the lower of comfortable and open
    pacing_part = text[text.index("Agreed level of each step"):]
    assert "Hugging is now comfortable for both" in pacing_part
    assert "Marked to revisit" in text


def test_date_range_is_honoured(couple: Vault, tmp_path: Path) -> None:
    text = export(couple, tmp_path / "s.pdf", date_from="2026-03-15", date_to="2026-03-31")
    assert "First honest dinner" in text
    assert "The hardest morning" not in text
    assert "Thank you for listening" not in text


def test_exact_words_survive_without_ligatures(couple: Vault, tmp_path: Path) -> None:
    words = export(couple, tmp_path / "s.pdf").split()
    for word in ("office", "fluffy", "affirming", "difficult"):
        assert any(w.strip(",.;") == word for w in words), word


def test_every_page_has_header_and_right_page_numbers(couple: Vault, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    export(couple, out)
    pages = page_texts(out)
    assert len(pages) == page_count(out) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Confidential" in page
        assert f"Page {number} of {len(pages)}" in page


def test_titles_only_and_initials(couple: Vault, tmp_path: Path) -> None:
    text = export(couple, tmp_path / "s.pdf", sections=["timeline"],
                  options=ReportOptions(initials=True, titles_only=True))
    assert "The hardest morning" in text
    assert "The office was quiet" not in text
    assert "A. and S." in text
    assert "Alex" not in text and "Sam" not in text
    assert "Gratitude" not in text


def test_password_protects_with_aes_256(couple: Vault, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    export(couple, out, password="kind words")
    failed = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
    assert failed.returncode != 0
    reader = PdfReader(out)
    assert reader.is_encrypted
    with pytest.raises(Exception):  # noqa: B017 - pypdf raises its own type, any refusal will do
        reader.pages[0].extract_text()
    assert reader.decrypt("kind words")
    assert "Counselor summary" in " ".join(reader.pages[0].extract_text().split())
    shown = subprocess.run(["qpdf", "--show-encryption", "--password=kind words", str(out)],
                           check=True, capture_output=True, text=True).stdout
    assert "AESv3" in shown and "RC4" not in shown
    assert "The hardest morning" in pdf_text(out, "kind words")


def test_file_is_private_and_no_temp_files_remain(couple: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "summary.pdf"
    out.write_bytes(b"old")
    export(couple, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("where", ["missing/summary.pdf", "."])
def test_a_bad_place_is_a_known_error(couple: Vault, tmp_path: Path, where: str) -> None:
    with pytest.raises(BadExportPath):
        write_counselor_pdf(couple, tmp_path / where, date_from=None, date_to=None,
                            password=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "home"]  # the fixtures' own


def test_progress_reaches_the_end(couple: Vault, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_counselor_pdf(couple, tmp_path / "s.pdf", date_from=None, date_to=None,
                        password=None, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_journal_summary_holds_only_marked_entries(journal_vault: Vault, tmp_path: Path) -> None:
    with transaction(journal_vault.db):
        repo = JournalRepository(journal_vault.db)
        repo.add(JournalEntry(new_id(), "2026-05-02", "Walked by the river and breathed.", 4,
                              ["calm"], "A softer day", for_counselor=True))
        repo.add(JournalEntry(new_id(), "2026-05-03", "Only for me.", 2, [], "Kept back"))
    text = export(journal_vault, tmp_path / "j.pdf")
    assert "Journal entries" in text and "A softer day" in text
    assert "Walked by the river" in text and "mood 4 of 5" in text
    assert "Kept back" not in text and "Only for me" not in text
    assert "A private journal kept by Alex" in text


def test_emoji_never_become_colour_bitmaps(journal_vault: Vault, tmp_path: Path) -> None:
    with transaction(journal_vault.db):
        JournalRepository(journal_vault.db).add(JournalEntry(
            new_id(), "2026-05-02", "Tea with a friend \U0001F375\U0001F3FD and a \u2764\ufe0f",
            None, [], "Small joys", for_counselor=True))
    out = tmp_path / "j.pdf"
    text = export(journal_vault, out)
    assert "Tea with a friend" in text
    images = subprocess.run(["pdfimages", "-list", str(out)], check=True, capture_output=True,
                            text=True).stdout.splitlines()
    assert len(images) == 2  # the header lines of the listing only: no images at all


@pytest.mark.parametrize("kind_sections", [["journal"], []])
def test_unknown_or_empty_sections_still_make_a_document(
        journal_vault: Vault, tmp_path: Path, kind_sections: list[str]) -> None:
    text = export(journal_vault, tmp_path / "j.pdf", sections=kind_sections)
    assert "Counselor summary" in text
