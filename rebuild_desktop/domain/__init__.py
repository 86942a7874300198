"""Plain records and value sets of Rebuild; no Qt, no SQL."""
