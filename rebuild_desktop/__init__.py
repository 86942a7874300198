"""Rebuild: a private, offline, encrypted companion for repairing trust."""

__version__ = "0.1.0"
APP_NAME = "rebuild-desktop"
