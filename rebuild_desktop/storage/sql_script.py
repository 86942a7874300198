"""Split an SQL script into statements, to run them one by one in a transaction."""

from __future__ import annotations

import sqlcipher3


def statements(script: str) -> list[str]:
    """The complete statements of ``script``, in order.

    ``executescript()`` would commit on its own; running statements one by
    one lets a whole migration share one transaction.

    Raises:
        ValueError: the script ends inside a statement.
    """
    found, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError("incomplete SQL statement in a script")
    return found
