"""Big nominee lists (issue 15 item 9, issue 16): up to 20,000 rows, the list on any sheet, a workbook with a
password named as such, written in bulk with the same all-or-nothing promise."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.models import Dossier
from tests.dossiers.test_excel_import import counts, line, upload
from units.models import Person

pytestmark = pytest.mark.django_db

ENCRYPTED = "Tệp Excel được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."


@pytest.fixture
def dossier(unit_a, officer_a):
    return Dossier.objects.create(unit=unit_a, title="Đề nghị khen thưởng năm 2020", occasion="cong_trang",
                                  year=2020, authority="chu_tich_ubnd_tinh", created_by=officer_a)


def individuals(count: int) -> list[list]:
    return [line(f"Nguyễn Văn Tư {n}", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam" if n % 2 else "Nữ",
                 birth=(datetime.date(1970, 1, 1) + datetime.timedelta(days=n)).strftime("%d/%m/%Y"),
                 position="Chuyên viên", stt=n) for n in range(1, count + 1)]


def workbook(sheets: list[tuple[str, list[list]]]) -> bytes:
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for values in rows:
            sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_5001_row_list_is_no_longer_refused_and_is_written_whole(dossier):
    data = workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(5001)])])

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert (report.errors, report.created, report.skipped, report.persons_created) == ([], 5001, 0, 5001)
    assert counts() == (5001, 5001, 0)
    assert list(dossier.nominations.order_by("position").values_list("position", flat=True)[:3]) == [1, 2, 3]
    last = dossier.nominations.order_by("-position").select_related("person").first()
    assert (last.position, last.person.full_name, last.recipient_key) == (
        5001, "Nguyễn Văn Tư 5001", f"person:{last.person_id}")


def test_the_list_on_the_second_sheet_is_found(dossier):
    guide = [["HƯỚNG DẪN ĐIỀN DANH SÁCH"], ["Điền danh sách ở trang thứ hai, mỗi người một dòng."]]
    data = workbook([("Hướng dẫn", guide), ("Danh sách", [["DANH SÁCH ĐỀ NGHỊ"], TEMPLATE_COLUMNS,
                                                          *individuals(3)])])

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert (report.errors, report.created) == ([], 3)
    assert sorted(Person.objects.values_list("full_name", flat=True)) == [
        "Nguyễn Văn Tư 1", "Nguyễn Văn Tư 2", "Nguyễn Văn Tư 3"]


def test_an_empty_first_sheet_before_the_list_is_skipped(dossier):
    data = workbook([("Sheet1", []), ("Danh sách", [TEMPLATE_COLUMNS, *individuals(2)])])

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert (report.errors, report.created) == ([], 2)


def test_no_sheet_with_the_header_still_lists_the_missing_columns(dossier):
    data = workbook([("Sheet1", []), ("Ghi chú", [["Họ tên", "Giới"], ["Nguyễn Văn A", "Nam"]])])

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert report.error_texts == [f'Thiếu cột "{column}".' for column in TEMPLATE_COLUMNS[:-1]]
    assert counts() == (0, 0, 0)


def test_a_password_protected_workbook_is_named_as_such(dossier):
    plain = io.BytesIO(workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(2)])]))
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("matkhau123", encrypted)
    assert encrypted.getvalue().startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

    report = import_nominees(dossier, upload(encrypted.getvalue()), dossier.created_by)

    assert report.error_texts == [ENCRYPTED]
    assert counts() == (0, 0, 0)


def test_an_old_xls_without_a_password_is_still_not_excel(dossier):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "Workbook".encode("utf-16-le")

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert report.error_texts == ["Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang hồ sơ."]


def test_one_bad_row_among_thousands_saves_nothing(dossier):
    rows = individuals(3000)
    rows[2499][2] = "X"  # row 2502 of the sheet (header on row 1)
    data = workbook([("Danh sách", [TEMPLATE_COLUMNS, *rows])])

    report = import_nominees(dossier, upload(data), dossier.created_by)

    assert report.error_texts == ['Dòng 2501, cột "Giới tính": giới tính "X" không hợp lệ (ghi "Nam" hoặc "Nữ").']
    assert (report.created, counts()) == (0, (0, 0, 0))


def test_the_import_writes_with_a_number_of_queries_that_does_not_grow_per_row(unit_a, officer_a):
    """Lookups once per kind, persons, households and nominations in bulk: 50 rows cost what 10 do (SQLite splits
    an INSERT at 999 parameters, 55 nominations, so both sizes stay within one INSERT of each kind there)."""
    queries = {}
    assert officer_a.roles  # read once, cached on the user
    for size in (5, 25):
        dossier = Dossier.objects.create(unit=unit_a, title=f"Danh sách {size}", occasion="cong_trang", year=2020,
                                         authority="chu_tich_ubnd_tinh", created_by=officer_a)
        rows = [line(f"Trần Văn {size} {n}", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", stt=n)
                for n in range(size)]
        rows += [line(f"Gia đình ông Hoàng Văn {size} {n}", "Bằng khen của UBND tỉnh", "Hộ gia đình")
                 for n in range(size)]
        data = workbook([("Danh sách", [TEMPLATE_COLUMNS, *rows])])
        with CaptureQueriesContext(connection) as captured:
            report = import_nominees(dossier, upload(data), officer_a)
        assert (report.errors, report.created, report.persons_created, report.households_created) == (
            [], 2 * size, size, size)
        queries[size] = len(captured)
    assert queries[5] == queries[25] == 15


def test_progress_is_told_rows_checked_then_rows_saved(dossier):
    seen: list[tuple[int, int, int]] = []
    data = workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(1200)])])

    report = import_nominees(dossier, upload(data), dossier.created_by, progress=lambda *step: seen.append(step))

    assert report.created == 1200
    assert seen == [(0, 0, 1200), (500, 0, 1200), (1000, 0, 1200), (1200, 0, 1200), (1200, 1000, 1200),
                    (1200, 1200, 1200)]
