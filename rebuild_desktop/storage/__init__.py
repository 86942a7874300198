"""SQLCipher connections, the schema and one repository per record kind."""
