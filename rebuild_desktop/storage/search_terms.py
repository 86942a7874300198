"""What a person typed into a search field, split into what the index can and cannot find.

The FTS5 index keeps words of letters and digits; a word without any (an
emoji, "'", "_") is not in it, and as an FTS5 phrase it would match
nothing, so one emoji in the search field would hide every entry. Such
words are matched as substrings instead.
"""

from __future__ import annotations

import re

# A letter or digit: what the index's tokenizer keeps ("_" is punctuation to it).
_INDEXED = re.compile(r"[^\W_]", re.UNICODE)


def words(text: str) -> list[str]:
    """The typed words; control characters (a NUL would end an FTS5 query) separate them."""
    return "".join(" " if char < " " else char for char in text).split()


def index_words(text: str) -> list[str]:
    """The words the index can find, as typed."""
    return [word for word in words(text) if _INDEXED.search(word)]


def like_patterns(text: str) -> list[str]:
    """A LIKE pattern (with ``ESCAPE '\\'``) for each word the index cannot find."""
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
               for w in words(text) if not _INDEXED.search(w))
    return [f"%{word}%" for word in escaped]


def like_clause(columns: tuple[str, ...]) -> str:
    """One pattern in any of ``columns``; bind the pattern once per column."""
    return "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")"
