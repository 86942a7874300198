"""Rebuild's resources: icons, styles, prompts, demo data, translations.

This folder is the top-level ``resources/`` of the repository and, through the
``rebuild_desktop/resources`` link, the package ``rebuild_desktop.resources``,
so code reads it with ``importlib.resources`` in a checkout and when installed.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file under ``resources/``, e.g. ``resource("icons", "lock.svg")``."""
    node = files(__name__)
    for part in parts:
        node = node / part
    return node
