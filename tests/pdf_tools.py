"""Reading rendered PDFs as a records clerk would: the text (pdftotext), the document information and the
XMP packet (pdfinfo, pdfinfo -meta), page by page. Poppler-utils only, no Python PDF library."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path


def _path(data: bytes | Path) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    if isinstance(data, Path):
        return data, None
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "doc.pdf"
    path.write_bytes(data)
    return path, folder


def _run(args: list[str], data: bytes | Path) -> str:
    path, folder = _path(data)
    try:
        return subprocess.run([*args, str(path)] + (["-"] if args[0] == "pdftotext" else []),
                              capture_output=True, text=True, check=True).stdout
    finally:
        if folder is not None:
            folder.cleanup()


def info(data: bytes | Path) -> dict[str, str]:
    """pdfinfo's fields, dates in ISO form ("2021-02-06T00:00:00+07")."""
    out = _run(["pdfinfo", "-isodates"], data)
    return {key.strip(): value.strip() for key, _sep, value in (line.partition(":") for line in out.splitlines())}


def xmp(data: bytes | Path) -> str:
    return _run(["pdfinfo", "-meta"], data)


def pdfa_part(data: bytes | Path) -> tuple[str, str]:
    """(part, conformance) the XMP packet declares, e.g. ("2", "B")."""
    packet = xmp(data)
    part = re.search(r'pdfaid:part="(\d)"', packet)
    conformance = re.search(r'pdfaid:conformance="([ABU])"', packet)
    return (part.group(1) if part else "", conformance.group(1) if conformance else "")


def text(data: bytes | Path, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    args = ["pdftotext", "-raw" if raw else "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return _run(args, data)


def pages(data: bytes | Path) -> list[str]:
    """The layout text of each page."""
    count = int(info(data)["Pages"])
    return [text(data, n) for n in range(1, count + 1)]


def flat(value: str) -> str:
    return " ".join(value.split())


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
LIBERATION_SERIF_HEIGHT = 1.107  # ascent + descent of Liberation Serif, in em: a word box is 1.107 × its size


def words(data: bytes | Path, page: int = 1) -> list[tuple[str, float, float, float]]:
    """(word, font size in pt, x, y) of each word on ``page``, from pdftotext's bounding boxes."""
    out = _run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page)], data)
    return [(word, round((float(y1) - float(y0)) / LIBERATION_SERIF_HEIGHT, 1), float(x0), float(y0))
            for x0, y0, _x1, y1, word in WORD.findall(out)]
