"""Read a PDF back the way a counselor's computer would."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if password is not None:
        args += ["-upw", password]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
