"""Dossier attachments are judged by their bytes: magic numbers, OOXML content types, zip-bomb and path checks."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import unicodedata
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from awards.core.uploads import (
    ALLOWED,
    InspectedUpload,
    UploadRejected,
    clean_filename,
    format_limit,
    format_size,
    inspect_upload,
)

MB = 1024 * 1024
LIMIT = 20 * MB

MSG_UNSUPPORTED = "Định dạng tệp không được chấp nhận. Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG."
MSG_BOMB = "Tệp nén bất thường (có dấu hiệu tệp bom nén), không nhận."
MSG_LEGACY = "Định dạng Word/Excel cũ (.doc, .xls) không được nhận; hãy lưu lại thành .docx, .xlsx hoặc PDF."

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# ----------------------------------------------------------------------------------------- builders


def content_types(*overrides: tuple[str, str]) -> str:
    parts = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in overrides)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{CT_NS}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{parts}</Types>'
    )


def make_zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_docx(main_type: str = DOCX_MAIN) -> bytes:
    return make_zip(
        {
            "[Content_Types].xml": content_types(("/word/document.xml", main_type)),
            "_rels/.rels": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/officeDocument"/></Relationships>'
            ),
            "word/document.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:body><w:p><w:r><w:t>Tờ trình khen thưởng</w:t></w:r></w:p></w:body></w:document>"
            ),
        }
    )


def make_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Danh hiệu"])
    workbook.active.append(["Lường Thị Hoa", "Chiến sĩ thi đua cơ sở"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_png() -> bytes:
    """A real 1x1 white PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def make_jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "JPEG")
    return buffer.getvalue()


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode."
)
OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def upload(data: bytes, name: str = "tep.bin", content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def rejected(data: bytes, name: str = "tep.bin", max_bytes: int = LIMIT, **limits) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        inspect_upload(upload(data, name), max_bytes, **limits)
    return caught.value


# ----------------------------------------------------------------------------------------- accepted


@pytest.mark.parametrize(
    ("builder", "name", "content_type", "extension"),
    [
        (lambda: PDF, "To trinh.pdf", "application/pdf", ".pdf"),
        (make_docx, "Báo cáo thành tích.docx", DOCX, ".docx"),
        (make_xlsx, "Danh sách.xlsx", XLSX, ".xlsx"),
        (make_jpeg, "anh.jpeg", "image/jpeg", ".jpg"),
        (make_png, "so-do.png", "image/png", ".png"),
    ],
)
def test_each_allowed_type_is_accepted(builder, name, content_type, extension):
    data = builder()
    uploaded = upload(data, name)

    result = inspect_upload(uploaded, LIMIT)

    assert result == InspectedUpload(
        content_type=content_type,
        extension=extension,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
    )
    assert ALLOWED[result.content_type] == result.extension
    assert uploaded.tell() == 0
    assert uploaded.read() == data  # left rewound and intact for saving


def test_declared_extension_and_browser_type_are_ignored():
    result = inspect_upload(upload(PDF, "x.png", content_type="image/png"), LIMIT)
    assert (result.content_type, result.extension, result.original_name) == ("application/pdf", ".pdf", "x.png.pdf")


@pytest.mark.parametrize(("name", "shown"), [
    ("hoso\u202efdp.exe", "hosofdp.exe.pdf"),  # RLO: displayed as "hosoexe.pdf" before cleaning
    ("hoso\u2067fdp.exe\u2069", "hosofdp.exe.pdf"),
    ("\u200bTờ trình.PDF", "Tờ trình.PDF"),
    ("anh.jpeg", "anh.jpeg.pdf"),
])
def test_a_shown_name_with_bidi_controls_or_a_foreign_extension_ends_with_the_type_of_its_bytes(name, shown):
    assert inspect_upload(upload(PDF, name), LIMIT).original_name == shown


def test_file_larger_than_one_chunk_is_hashed_whole():
    data = PDF + os.urandom(300 * 1024)
    result = inspect_upload(upload(data, "lon.pdf"), LIMIT)
    assert (result.size, result.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_file_exactly_at_the_limit_is_accepted():
    assert inspect_upload(upload(PDF), len(PDF)).size == len(PDF)


def test_upload_spooled_to_disk_is_inspected():
    data = make_docx()
    uploaded = TemporaryUploadedFile("hoso.docx", "application/octet-stream", len(data), None)
    try:
        uploaded.write(data)
        uploaded.flush()
        result = inspect_upload(uploaded, LIMIT)
        assert (result.content_type, result.sha256) == (DOCX, hashlib.sha256(data).hexdigest())
        assert uploaded.read() == data
    finally:
        uploaded.close()


def test_original_name_is_cleaned_for_display():
    result = inspect_upload(upload(PDF, "..\\..\\hồ sơ.pdf"), LIMIT)
    assert result.original_name == "hồ sơ.pdf"


# ----------------------------------------------------------------------------------------- refused


def test_renamed_executable_is_refused():
    error = rejected(EXE, "to-trinh.pdf")
    assert (error.message, error.code) == (MSG_UNSUPPORTED, "unsupported")


def test_empty_file_is_refused():
    error = rejected(b"", "trong.pdf")
    assert (error.message, error.code) == ("Tệp rỗng, không có nội dung.", "empty")


def test_oversize_file_is_refused_with_the_limit_in_mb():
    error = rejected(PDF + b"\x00" * MB, "lon.pdf", max_bytes=MB // 2)
    assert (error.message, error.code) == ("Tệp lớn hơn giới hạn 0,5 MB.", "too_large")
    assert str(error) == "Tệp lớn hơn giới hạn 0,5 MB."


def test_oversize_message_with_the_configured_limit():
    uploaded = upload(PDF + b"\x00" * 100)
    with pytest.raises(UploadRejected, match=r"^Tệp lớn hơn giới hạn 20 MB\.$"):
        inspect_upload(_Padded(uploaded, extra=LIMIT), LIMIT)


class _Padded:
    """An UploadedFile stand-in whose chunks go past 20 MB without holding 20 MB in memory."""

    def __init__(self, inner: SimpleUploadedFile, extra: int) -> None:
        self.inner, self.extra, self.name = inner, extra, inner.name

    def chunks(self, chunk_size: int = 64 * 1024):
        yield from self.inner.chunks(chunk_size)
        block = b"\x00" * chunk_size
        for _ in range(0, self.extra, chunk_size):
            yield block

    def seek(self, position: int) -> None:
        self.inner.seek(position)


def test_old_binary_word_file_is_refused():
    error = rejected(OLE_DOC, "bao-cao.doc")
    assert (error.message, error.code) == (MSG_LEGACY, "legacy_office")


def test_plain_zip_is_refused():
    error = rejected(make_zip({"hoso/to-trinh.txt": "nội dung"}), "hoso.docx")
    assert (error.message, error.code) == (MSG_UNSUPPORTED, "unsupported")


def test_text_and_unknown_bytes_are_refused():
    assert rejected(b"Xin chao", "ghi-chu.txt").message == MSG_UNSUPPORTED
    assert rejected(b"Rar!\x1a\x07\x00", "hoso.rar").message == MSG_UNSUPPORTED


def test_damaged_zip_is_refused():
    data = make_docx()
    assert rejected(data[: len(data) // 2], "hong.docx").message == MSG_UNSUPPORTED


def test_macro_enabled_word_file_is_refused():
    data = make_docx(main_type="application/vnd.ms-word.document.macroEnabled.main+xml")
    assert rejected(data, "macro.docx").message == MSG_UNSUPPORTED


def test_declared_main_part_must_exist():
    data = make_zip({"[Content_Types].xml": content_types(("/xl/workbook.xml", XLSX_MAIN))})
    assert rejected(data, "rong.xlsx").message == MSG_UNSUPPORTED


def test_package_claiming_both_word_and_excel_is_refused():
    data = make_zip(
        {
            "[Content_Types].xml": content_types(("/word/document.xml", DOCX_MAIN), ("/xl/workbook.xml", XLSX_MAIN)),
            "word/document.xml": "<w/>",
            "xl/workbook.xml": "<x/>",
        }
    )
    assert rejected(data, "lai.docx").message == MSG_UNSUPPORTED


def test_content_types_with_a_dtd_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f'<Types xmlns="{CT_NS}"><Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/>&b;</Types>'
    )
    data = make_zip({"[Content_Types].xml": laughs, "word/document.xml": "<w/>"})
    assert rejected(data, "dtd.docx").message == MSG_UNSUPPORTED


def _streamed_zip(member: str, total: int, block: bytes = b"\x00" * MB) -> bytes:
    """An xlsx-looking ZIP with one highly compressible member of ``total`` bytes, written in 1 MB blocks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types(("/xl/workbook.xml", XLSX_MAIN)))
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open(member, "w", force_zip64=True) as handle:
            for _ in range(total // len(block)):
                handle.write(block)
    return buffer.getvalue()


def test_zip_bomb_over_100_mb_unzipped_is_refused():
    data = _streamed_zip("xl/worksheets/sheet1.xml", 120 * MB)
    assert len(data) < MB  # 120 MB of zeros squeezed into a small upload
    error = rejected(data, "bang-tong-hop.xlsx")
    assert (error.message, error.code) == (MSG_BOMB, "zip_bomb")


def test_zip_over_100_to_1_ratio_is_refused_even_under_the_size_cap():
    data = _streamed_zip("xl/worksheets/sheet1.xml", 5 * MB)
    assert rejected(data, "bang.xlsx").message == MSG_BOMB


def test_zip_total_size_rule_uses_the_limit_given():
    incompressible = os.urandom(64 * 1024)
    data = make_zip(
        {
            "[Content_Types].xml": content_types(("/xl/workbook.xml", XLSX_MAIN)),
            "xl/workbook.xml": "<workbook/>",
            "xl/media/image1.bin": incompressible,
        }
    )
    assert inspect_upload(upload(data), LIMIT).content_type == XLSX
    assert rejected(data, max_unzipped_bytes=32 * 1024).message == MSG_BOMB


@pytest.mark.parametrize(
    "entry", ["../../etc/cron.d/x", "/etc/passwd", "word/../../evil.xml", "\\windows\\x.dll", "C:/Windows/x.dll"]
)
def test_zip_with_path_traversal_entry_is_refused(entry):
    # zipfile writes names given as strings verbatim (it only sanitises when extracting).
    data = make_zip(
        {
            "[Content_Types].xml": content_types(("/word/document.xml", DOCX_MAIN)),
            "word/document.xml": "<w/>",
            entry: b"x",
        }
    )
    assert entry in zipfile.ZipFile(io.BytesIO(data)).namelist()
    error = rejected(data, "hoso.docx")
    assert (error.message, error.code) == ("Tệp nén chứa tên tệp có đường dẫn không hợp lệ, không nhận.", "zip_path")


# ----------------------------------------------------------------------------------------- names and sizes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\Tờ trình.pdf", "Tờ trình.pdf"),
        ("", "tep-dinh-kem"),
        (".hidden", "hidden"),
        ("...", "tep-dinh-kem"),
        ("hoso/", "tep-dinh-kem"),
        ("bao\x00cao\r\n.pdf", "baocao.pdf"),
        ("hoso\u202efdp.exe", "hosofdp.exe"),
        ("  Quyết   định.pdf  ", "Quyết định.pdf"),
    ],
)
def test_clean_filename(name, expected):
    assert clean_filename(name) == expected


def test_clean_filename_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Tờ trình.pdf")
    assert decomposed != "Tờ trình.pdf"
    assert clean_filename(decomposed) == "Tờ trình.pdf"


def test_clean_filename_shortens_long_names_keeping_the_extension():
    cleaned = clean_filename("Tờ trình " + "a" * 300 + ".docx")
    assert len(cleaned) == 150
    assert cleaned.startswith("Tờ trình aaa")
    assert cleaned.endswith("a.docx")


def test_clean_filename_shortens_a_long_name_without_extension():
    assert clean_filename("b" * 300) == "b" * 150


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 byte"),
        (512, "512 byte"),
        (1023, "1023 byte"),
        (1024, "1,0 KB"),
        (12800, "12,5 KB"),
        (int(3.4 * MB), "3,4 MB"),
        (MB - 1, "1,0 MB"),
        (20 * MB, "20,0 MB"),
        (3 * 1024 * MB, "3,0 GB"),
    ],
)
def test_format_size(size, expected):
    assert format_size(size) == expected


@pytest.mark.parametrize(
    ("max_bytes", "expected"), [(20 * MB, "20 MB"), (MB // 2, "0,5 MB"), (int(2.25 * MB), "2,25 MB"), (100, "100 byte")]
)
def test_format_limit(max_bytes, expected):
    assert format_limit(max_bytes) == expected
