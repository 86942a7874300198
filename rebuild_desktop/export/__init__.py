"""The counselor summary: report model -> document blocks -> laid-out pages -> PDF."""
