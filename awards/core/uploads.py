"""Dossier attachments are accepted by what they contain, never by their name or browser content type.

``inspect_upload`` reads an uploaded file once in chunks (size + SHA-256), sniffs its magic bytes and, for
ZIP-based Office files, opens the archive with ``zipfile`` to check ``[Content_Types].xml``. It refuses
empty and oversize files, old binary Office files, executables, plain ZIPs, zip bombs and archives with
path-traversal entry names, raising ``UploadRejected`` with a Vietnamese message for the person uploading.

``clean_filename`` gives the name shown to people; the stored path never uses it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO, Any
from xml.etree import ElementTree

from units.text import nfc

ALLOWED: dict[str, str] = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Content type of the main part declared in [Content_Types].xml -> (type of the file, expected part name).
# Macro-enabled (.docm, .xlsm) and template (.dotx, .xltx) variants declare other types and are refused.
_OOXML_MAIN_PARTS: dict[str, tuple[str, str]] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (DOCX, "word/document.xml"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (XLSX, "xl/workbook.xml"),
}
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024  # [Content_Types].xml is a few KB in real files
_CHUNK_SIZE = 64 * 1024
_HEADER_BYTES = 16

_PDF = b"%PDF-"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DEFAULT_FILENAME = "tep-dinh-kem"
MAX_FILENAME_LENGTH = 150
_MAX_KEPT_EXTENSION = 20  # a longer "extension" is not one worth keeping when shortening

MSG_EMPTY = "Tệp rỗng, không có nội dung."
MSG_TOO_LARGE = "Tệp lớn hơn giới hạn {limit}."
MSG_ZIP_BOMB = "Tệp nén bất thường (có dấu hiệu tệp bom nén), không nhận."
MSG_ZIP_PATH = "Tệp nén chứa tên tệp có đường dẫn không hợp lệ, không nhận."
MSG_LEGACY_OFFICE = "Định dạng Word/Excel cũ (.doc, .xls) không được nhận; hãy lưu lại thành .docx, .xlsx hoặc PDF."
MSG_UNSUPPORTED = "Định dạng tệp không được chấp nhận. Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG."


class UploadRejected(Exception):
    """The upload is refused; ``message`` is shown to the user as is, ``code`` is for programs and logs."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class InspectedUpload:
    content_type: str
    extension: str
    size: int
    sha256: str
    original_name: str


# --------------------------------------------------------------------------------------------- names


def clean_filename(name: str) -> str:
    """The file name a person sees: no directories, control characters or leading dots; NFC; ≤ 150 chars."""
    base = re.split(r"[/\\]", name or "")[-1]
    # Cc: control characters; Cf: invisible format characters such as U+202E, which can make
    # "hoso\u202efdp.exe" display as "hosoexe.pdf"; Cs: lone surrogates, which cannot be encoded.
    base = "".join(ch for ch in base if unicodedata.category(ch) not in {"Cc", "Cf", "Cs"})
    base = nfc(base).lstrip(". ").rstrip()
    if len(base) > MAX_FILENAME_LENGTH:
        stem, dot, ext = base.rpartition(".")
        if dot and stem and 0 < len(ext) < _MAX_KEPT_EXTENSION:
            keep = MAX_FILENAME_LENGTH - len(ext) - 1
            base = stem[:keep].rstrip(" .") + "." + ext
        else:
            base = base[:MAX_FILENAME_LENGTH].rstrip(" .")
    return base or DEFAULT_FILENAME


_EXTENSIONS_OF_TYPE = {"image/jpeg": (".jpg", ".jpeg")}


def name_for_type(name: str, content_type: str) -> str:
    """``name`` ending with an extension of the type its bytes were judged to be: a PDF named "hosofdp.exe" (once
    "hoso\u202efdp.exe", shown as "hosoexe.pdf") is served as "hosofdp.exe.pdf", never as an .exe."""
    extensions = _EXTENSIONS_OF_TYPE.get(content_type, (ALLOWED[content_type],))
    if name.lower().endswith(extensions):
        return name
    if len(name) + len(extensions[0]) > MAX_FILENAME_LENGTH:
        name = name[: MAX_FILENAME_LENGTH - len(extensions[0])].rstrip(" .")
    return name + extensions[0]


# --------------------------------------------------------------------------------------------- sizes


def _decimal(value: float, places: int) -> str:
    """``value`` with at most ``places`` decimals, trailing zeros dropped, Vietnamese decimal comma."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_size(size: int) -> str:
    """Human size: "512 byte", "12,5 KB", "3,4 MB", "1,2 GB" (binary units, one decimal, decimal comma)."""
    if size < 1024:
        return f"{size} byte"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if round(value, 1) < 1024 or unit == "GB":
            return f"{value:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")  # pragma: no cover


def format_limit(max_bytes: int) -> str:
    """An upload limit in MB as people write it: "20 MB", "0,5 MB", "2,25 MB"; tiny limits fall back to bytes/KB."""
    megabytes = max_bytes / (1024 * 1024)
    text = _decimal(megabytes, 2)
    if text == "0":
        return format_size(max_bytes)
    return f"{text} MB"


# --------------------------------------------------------------------------------------------- content


def inspect_upload(
    uploaded: Any,
    max_bytes: int,
    *,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    max_compression_ratio: float = MAX_COMPRESSION_RATIO,
) -> InspectedUpload:
    """Check a Django ``UploadedFile`` by content; raise ``UploadRejected`` or describe the accepted file.

    The file is read in chunks (reading stops as soon as it passes ``max_bytes``) and left at position 0.
    The name and content type sent by the browser are ignored, except that the name, cleaned, is kept
    as ``original_name`` for display.
    """
    try:
        size, digest, header = _hash(uploaded, max_bytes)
        if size == 0:
            raise UploadRejected(MSG_EMPTY, "empty")
        if size > max_bytes:
            raise UploadRejected(MSG_TOO_LARGE.format(limit=format_limit(max_bytes)), "too_large")
        content_type = _sniff(uploaded, header, max_unzipped_bytes, max_compression_ratio)
    finally:
        uploaded.seek(0)
    return InspectedUpload(
        content_type=content_type,
        extension=ALLOWED[content_type],
        size=size,
        sha256=digest,
        original_name=name_for_type(clean_filename(getattr(uploaded, "name", "") or ""), content_type),
    )


def _hash(uploaded: Any, max_bytes: int) -> tuple[int, str, bytes]:
    """(bytes read, SHA-256 hex digest, first bytes); stops early once the file is known to be too large."""
    sha = hashlib.sha256()
    size = 0
    header = b""
    for chunk in uploaded.chunks(chunk_size=_CHUNK_SIZE):  # File.chunks() seeks to 0 first
        if len(header) < _HEADER_BYTES:
            header += chunk[: _HEADER_BYTES - len(header)]
        size += len(chunk)
        if size > max_bytes:
            break
        sha.update(chunk)
    return size, sha.hexdigest(), header


def _sniff(uploaded: Any, header: bytes, max_unzipped_bytes: int, max_compression_ratio: float) -> str:
    if header.startswith(_PDF):
        return "application/pdf"
    if header.startswith(_PNG):
        return "image/png"
    if header.startswith(_JPEG):
        return "image/jpeg"
    if header.startswith(_OLE):
        raise UploadRejected(MSG_LEGACY_OFFICE, "legacy_office")
    if header.startswith(_ZIP):
        uploaded.seek(0)
        return _office_type(uploaded, max_unzipped_bytes, max_compression_ratio)
    # Windows executables ("MZ"), scripts, archives other than ZIP, text, ...
    raise UploadRejected(MSG_UNSUPPORTED, "unsupported")


def _office_type(stream: IO[bytes], max_unzipped_bytes: int, max_compression_ratio: float) -> str:
    """DOCX or XLSX by the main part declared in ``[Content_Types].xml``; refuse anything else."""
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            _check_entry_names(entries)
            _check_not_bomb(entries, max_unzipped_bytes, max_compression_ratio)
            names = {entry.filename for entry in entries}
            declared = _declared_main_parts(archive, names)
    except UploadRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, RuntimeError, NotImplementedError,
            ValueError, EOFError, OSError) as exc:  # fmt: skip
        # Damaged archive, encrypted entries, unsupported compression, bad CRC ...
        raise UploadRejected(MSG_UNSUPPORTED, "unsupported") from exc
    if len(declared) != 1:  # plain ZIP (none), or a package claiming to be both
        raise UploadRejected(MSG_UNSUPPORTED, "unsupported")
    return declared.pop()


def _check_entry_names(entries: list[zipfile.ZipInfo]) -> None:
    for entry in entries:
        # ZipInfo.filename already turns "\" into "/" on Windows only; check the raw name too.
        for name in (entry.filename, entry.orig_filename):
            if ".." in name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
                raise UploadRejected(MSG_ZIP_PATH, "zip_path")


def _check_not_bomb(entries: list[zipfile.ZipInfo], max_unzipped_bytes: int, max_compression_ratio: float) -> None:
    # Sizes from the central directory; zipfile never inflates an entry past its declared file_size
    # (it stops and the CRC check fails), so a lying header cannot make later reads larger than this.
    unzipped = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if unzipped > max_unzipped_bytes or unzipped > max_compression_ratio * max(compressed, 1):
        raise UploadRejected(MSG_ZIP_BOMB, "zip_bomb")


def _declared_main_parts(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """The file types whose main part is declared by an Override in [Content_Types].xml and present."""
    if "[Content_Types].xml" not in names:
        return set()
    with archive.open("[Content_Types].xml") as handle:
        data = handle.read(_MAX_CONTENT_TYPES_BYTES + 1)
    if len(data) > _MAX_CONTENT_TYPES_BYTES or b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return set()  # no DTDs or entities: nothing to expand
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return set()
    if root.tag != f"{_CONTENT_TYPES_NS}Types":
        return set()
    lowered = {name.lower() for name in names}  # OPC part names are case-insensitive
    found: set[str] = set()
    for override in root.iter(f"{_CONTENT_TYPES_NS}Override"):
        main = _OOXML_MAIN_PARTS.get((override.get("ContentType") or "").strip().lower())
        part = (override.get("PartName") or "").lstrip("/").lower()
        if main and part == main[1] and part in lowered:
            found.add(main[0])
    return found
