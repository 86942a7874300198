"""Whatever a person types, the journal keeps it exactly and search never fails."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebuild_desktop.export.document import printable
from rebuild_desktop.services.journal import JournalDraft, JournalService
from rebuild_desktop.services.vault import Vault

TEXTS = st.one_of(
    st.text(min_size=1, max_size=200),
    st.sampled_from(["\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
                     "tea \U0001F375\u2764\ufe0f", "a\x00b",
                     "'; DROP TABLE journal; --", 'NEAR(a b) OR "c', "x" * 1_000_000]),
)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXTS)
def test_entries_round_trip_exactly(journal_vault: Vault, text: str) -> None:
    service = JournalService(journal_vault.db)
    saved = service.save(JournalDraft("2026-05-02", text, title=text[:40]))
    assert service.get(saved.id).text == text
    service.keep_draft(JournalDraft("2026-05-03", text))
    assert service.draft().text == text
    service.delete(saved.id)


@SETTINGS
@given(query=st.text(max_size=60))
def test_search_never_fails(journal_vault: Vault, query: str) -> None:
    JournalService(journal_vault.db).entries(search=query)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=100))
def test_printable_drops_control_characters(qapp, text: str) -> None:
    shown = printable(text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in shown)
