"""The screens of Rebuild: layout and signal wiring, no SQL and no keys."""
