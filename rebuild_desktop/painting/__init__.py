"""Painting code shared by the screens and the PDF, so both draw the same picture.

Only QtGui here (no widgets, no database): a view paints onto itself, the
counselor export paints onto a PDF page, with the same function.
"""
