"""Importing a person's or unit's award history from the table of a báo cáo thành tích, all or nothing."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards.models import Award, AwardType
from awards.record import tables
from awards.record.history import cells, importer
from tests.factories import PersonFactory, xlsx_upload

pytestmark = pytest.mark.django_db

D = datetime.date
HEADER = ["Năm", "Danh hiệu thi đua / Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"]


def xlsx(rows, header=HEADER, title=None, name="bao-cao.xlsx"):
    return xlsx_upload(rows, header, title, name)


@pytest.fixture
def person(unit_a):
    return PersonFactory(full_name="Lương Thị Thu Trang", unit=unit_a)


GOOD_ROWS = [
    (2016, "CSTĐCS", "Quyết định số 398/QĐ-SGDĐT ngày 12/8/2016 của Giám đốc Sở GD&ĐT"),
    ("2017", "Lao động tiên tiến", "QĐ số 250/QĐ-SGDĐT ngày 18 tháng 7 năm 2017"),
    ("Năm học 2017-2018", "Bằng khen UBND tỉnh", "Số 2105/QĐ-UBND, ngày 25-10-2018; Chủ tịch UBND tỉnh Lạng Sơn"),
]


def created(recipient_filter) -> list[tuple]:
    return list(Award.objects.filter(**recipient_filter).order_by("achievement_year", "pk").values_list(
        "source", "award_code", "recipient_kind", "achievement_year", "year", "occasion", "decision_number",
        "decided_on", "issuer", "authority", "revoked"))


def test_happy_path_creates_exact_rows(person):
    report = importer.import_history(person, xlsx(GOOD_ROWS, title="CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"))
    assert report.errors == []
    assert [(r.row, r.year, r.award.code) for r in report.created] == [
        (3, 2016, "chien-si-thi-dua-co-so"), (4, 2017, "lao-dong-tien-tien"), (5, 2018, "bang-khen-chu-tich-ubnd-tinh")]
    assert report.existing == []
    assert created({"person": person}) == [
        ("history", "chien-si-thi-dua-co-so", "ca_nhan", 2016, 2016, "cong_trang", "398/QĐ-SGDĐT", D(2016, 8, 12),
         "Giám đốc Sở GD&ĐT", "thu_truong_don_vi", False),
        ("history", "lao-dong-tien-tien", "ca_nhan", 2017, 2017, "cong_trang", "250/QĐ-SGDĐT", D(2017, 7, 18), "",
         "thu_truong_don_vi", False),
        ("history", "bang-khen-chu-tich-ubnd-tinh", "ca_nhan", 2018, 2018, "cong_trang", "2105/QĐ-UBND",
         D(2018, 10, 25), "Chủ tịch UBND tỉnh Lạng Sơn", "chu_tich_ubnd_tinh", False),
    ]
    assert set(Award.objects.values_list("recipient_name", flat=True)) == {"Lương Thị Thu Trang"}


def test_both_tables_of_a_report_with_section_rows_and_occasion_column(unit_a):
    rows = [
        ["1. Danh hiệu thi đua", None, None, None],
        [2015, "Tập thể lao động xuất sắc", "Quyết định số 1780/QĐ-UBND ngày 14/9/2015 của UBND tỉnh", None],
        ["2. Hình thức khen thưởng", None, None, None],
        ["Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành", "Loại hình"],
        [2016, "Bằng khen Thủ tướng Chính phủ", "Quyết định số 1920/QĐ-TTg ngày 03/10/2016 của Thủ tướng Chính phủ",
         "Chuyên đề"],
    ]
    header = ["Năm", "Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
              "Loại hình khen thưởng"]
    report = importer.import_history(unit_a, xlsx(rows, header=header))
    assert report.errors == []
    assert created({"unit": unit_a}) == [
        ("history", "tap-the-lao-dong-xuat-sac", "tap_the", 2015, 2015, "cong_trang", "1780/QĐ-UBND",
         D(2015, 9, 14), "UBND tỉnh", "chu_tich_ubnd_tinh", False),
        ("history", "bang-khen-thu-tuong", "tap_the", 2016, 2016, "chuyen_de", "1920/QĐ-TTg", D(2016, 10, 3),
         "Thủ tướng Chính phủ", "thu_tuong", False),
    ]


def test_reimport_creates_nothing_and_reports_existing_rows(person):
    assert len(importer.import_history(person, xlsx(GOOD_ROWS)).created) == 3
    again = importer.import_history(person, xlsx(GOOD_ROWS))
    assert again.errors == [] and again.created == []
    assert [(r.row, r.award.code, r.existing.decision_number) for r in again.existing] == [
        (2, "chien-si-thi-dua-co-so", "398/QĐ-SGDĐT"), (3, "lao-dong-tien-tien", "250/QĐ-SGDĐT"),
        (4, "bang-khen-chu-tich-ubnd-tinh", "2105/QĐ-UBND")]
    assert Award.objects.count() == 3


def test_row_already_recorded_by_a_decision_is_existing(person):
    """Any source counts: an award written by a published decision, its number typed another way."""
    award_type = AwardType.objects.filter(code="chien-si-thi-dua-co-so").first()
    Award.objects.create(
        source="province", award_type=award_type, award_code=award_type.code, recipient_kind="ca_nhan", person=person,
        recipient_name=person.full_name, year=2016, achievement_year=2016, occasion="cong_trang",
        authority=award_type.authority, decision_number="398 / qđ–sgdđt", decided_on=D(2016, 8, 12), issuer="Sở")
    report = importer.import_history(person, xlsx(GOOD_ROWS))
    assert [r.row for r in report.existing] == [2] and [r.row for r in report.created] == [3, 4]
    assert Award.objects.count() == 3


# --- per-row errors: row number, column, message; nothing written ------------------------------------

@pytest.mark.parametrize(("row", "column", "message"), [
    ((None, "CSTĐCS", "Quyết định số 1/QĐ ngày 12/8/2016"), "Năm", "chưa ghi năm."),
    (("hai nghìn", "CSTĐCS", "Quyết định số 1/QĐ ngày 12/8/2016"), "Năm",
     '"hai nghìn" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).'),
    ((1930, "CSTĐCS", "Quyết định số 1/QĐ ngày 12/8/2016"), "Năm", "năm 1930 không hợp lệ (phải từ 1945 đến "
     f"{timezone.localdate().year})."),
    ((2016, None, "Quyết định số 1/QĐ ngày 12/8/2016"), "Danh hiệu thi đua / Hình thức khen thưởng",
     "chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng."),
    ((2016, "Huy hiệu Bác Hồ", "Quyết định số 1/QĐ ngày 12/8/2016"), "Danh hiệu thi đua / Hình thức khen thưởng",
     'không có danh hiệu, hình thức "Huy hiệu Bác Hồ" trong danh mục năm 2016 (xem trang "Hướng dẫn").'),
    ((2016, "Cờ thi đua của UBND tỉnh", "Quyết định số 1/QĐ ngày 12/8/2016"),
     "Danh hiệu thi đua / Hình thức khen thưởng", '"Cờ thi đua của Ủy ban nhân dân tỉnh" không tặng cho cá nhân.'),
    ((2016, "CSTĐCS", None), "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
     "chưa ghi số, ngày của quyết định."),
    ((2016, "CSTĐCS", "Quyết định số 1/QĐ của Sở"), "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
     'không tìm thấy ngày quyết định trong "Quyết định số 1/QĐ của Sở" (ghi ví dụ "Quyết định số 1234/QĐ-UBND '
     'ngày 15/12/2019 của Chủ tịch UBND tỉnh").'),
    ((2016, "CSTĐCS", "Quyết định ngày 12/8/2016"), "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
     'không tìm thấy số quyết định trong "Quyết định ngày 12/8/2016" (số ghi trước ngày, ví dụ "số 1234/QĐ-UBND").'),
    ((2016, "CSTĐCS", "Quyết định số 1/QĐ ngày 31/02/2016"), "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
     'ngày "31/02/2016" không có thật.'),
    ((2016, "CSTĐCS", "Quyết định số 1/QĐ ngày 12/8/2015"), "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
     "ngày quyết định 12/08/2015 ở trước năm 2016."),
    ((2016, "CSTĐCS", "Quyết định số 1/QĐ ngày 12/8/2016", "Hằng năm"), "Loại hình khen thưởng",
     'loại hình "Hằng năm" không có trong danh sách: Công trạng, thường xuyên; Chuyên đề, theo đợt; Đột xuất; '
     "Quá trình cống hiến; Niên hạn; Đối ngoại; Kháng chiến."),
    ((2016, "=CONCATENATE(\"CST\",\"ĐCS\")", "Quyết định số 1/QĐ ngày 12/8/2016"),
     "Danh hiệu thi đua / Hình thức khen thưởng", "ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán giá trị (Paste Values) và bỏ dấu đó ở đầu ô."),
])
def test_each_error_has_its_row_and_nothing_is_written(person, row, column, message):
    header = [*HEADER, "Loại hình khen thưởng"]
    report = importer.import_history(person, xlsx([GOOD_ROWS[0], row], header=header))
    assert [(e.row, e.column, e.message) for e in report.errors] == [(3, column, message)]
    assert report.created == [] and Award.objects.count() == 0


def test_several_errors_are_all_listed_in_row_order(person):
    rows = [GOOD_ROWS[0], (2016, "Không có", "sai"), GOOD_ROWS[1], ("x", None, None)]
    report = importer.import_history(person, xlsx(rows))
    assert report.error_texts == [
        'Dòng 3, cột "Danh hiệu thi đua / Hình thức khen thưởng": không có danh hiệu, hình thức "Không có" trong '
        'danh mục năm 2016 (xem trang "Hướng dẫn").',
        'Dòng 3, cột "Số, ngày, tháng, năm của quyết định; cơ quan ban hành": không tìm thấy ngày quyết định trong '
        '"sai" (ghi ví dụ "Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh").',
        'Dòng 5, cột "Năm": "x" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).',
        'Dòng 5, cột "Danh hiệu thi đua / Hình thức khen thưởng": chưa ghi danh hiệu thi đua hoặc hình thức khen '
        "thưởng.",
        'Dòng 5, cột "Số, ngày, tháng, năm của quyết định; cơ quan ban hành": chưa ghi số, ngày của quyết định.',
    ]
    assert Award.objects.count() == 0


def test_repeated_row_in_the_file(person):
    report = importer.import_history(person, xlsx([GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]))
    assert report.error_texts == [
        'Dòng 4, cột "Danh hiệu thi đua / Hình thức khen thưởng": trùng với dòng 2 (cùng danh hiệu, hình thức, năm '
        "và số quyết định)."]
    assert Award.objects.count() == 0


# --- the file as a whole -----------------------------------------------------------------------------

def whole(report) -> list[str]:
    assert all(e.row == 0 for e in report.errors)
    return report.error_texts


def test_not_an_xlsx(person):
    pdf = SimpleUploadedFile("bao-cao.xlsx", b"%PDF-1.4 hello")
    assert whole(importer.import_history(person, pdf)) == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang quá trình khen thưởng."]
    text = SimpleUploadedFile("bao-cao.xlsx", "Năm;Danh hiệu\n2016;CSTĐCS".encode())
    assert whole(importer.import_history(person, text)) == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang quá trình khen thưởng."]


def test_old_excel_file(person):
    ole = SimpleUploadedFile("bao-cao.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert whole(importer.import_history(person, ole)) == [
        "Định dạng Word/Excel cũ (.doc, .xls) không được nhận; hãy lưu lại thành .docx, .xlsx hoặc PDF."]


def test_a_docx_is_not_a_spreadsheet(person):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("word/document.xml", "<w/>")
    report = importer.import_history(person, SimpleUploadedFile("x.xlsx", buffer.getvalue()))
    assert whole(report) == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang quá trình khen thưởng."]


def test_huge_file(person):
    big = SimpleUploadedFile("bao-cao.xlsx", b"PK\x03\x04" + b"\0" * (importer.MAX_UPLOAD_BYTES + 1))
    assert whole(importer.import_history(person, big)) == ["Tệp lớn hơn giới hạn 5 MB."]


def test_zip_bomb(person):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "x")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    report = importer.import_history(person, SimpleUploadedFile("bomb.xlsx", buffer.getvalue()))
    assert whole(report) == ["Tệp nén bất thường (có dấu hiệu tệp bom nén), không nhận."]


def test_missing_column(person):
    report = importer.import_history(person, xlsx([(2016, "CSTĐCS")], header=["Năm", "Danh hiệu thi đua"]))
    assert whole(report) == ['Thiếu cột "Số, ngày, tháng, năm của quyết định; cơ quan ban hành".']


def test_no_header_at_all(person):
    report = importer.import_history(person, xlsx([(2016, "CSTĐCS", "x")], header=None))
    assert whole(report) == ['Thiếu cột "Năm". Thiếu cột "Danh hiệu thi đua / Hình thức khen thưởng". Thiếu cột '
                             '"Số, ngày, tháng, năm của quyết định; cơ quan ban hành".']


def test_empty_table_and_the_template_itself(person):
    assert whole(importer.import_history(person, xlsx([]))) == ["Bảng tính không có dòng dữ liệu nào."]
    template = SimpleUploadedFile("mau.xlsx", importer.build_history_template())
    assert whole(importer.import_history(person, template)) == ["Bảng tính không có dòng dữ liệu nào."]


def test_template_layout():
    workbook = load_workbook(io.BytesIO(importer.build_history_template()))
    sheet = workbook["Quá trình khen thưởng"]
    assert [cell.value for cell in sheet[2]] == [*HEADER, "Loại hình khen thưởng"]
    assert sheet["A3"].value == "Ví dụ: 2019"
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert "Chiến sĩ thi đua cơ sở" in guide and "Công trạng, thường xuyên" in guide


# --- parsing tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number", "day", "issuer"), [
    ("Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn", "1234/QĐ-UBND", D(2019, 12, 15),
     "Chủ tịch UBND tỉnh Lạng Sơn"),
    ("QĐ số 56/QĐ-UBND ngày 10 tháng 01 năm 2019 của UBND tỉnh", "56/QĐ-UBND", D(2019, 1, 10), "UBND tỉnh"),
    ("Số 05/QĐ-SGDĐT, ngày 5/1/2018; Giám đốc Sở GD&ĐT", "05/QĐ-SGDĐT", D(2018, 1, 5), "Giám đốc Sở GD&ĐT"),
    ("1234/QĐ-UBND ngày 15-12-2019", "1234/QĐ-UBND", D(2019, 12, 15), ""),
    ("Quyết định khen thưởng số 123/2019/QĐ-UBND ngày 15.12.2019 của UBND tỉnh", "123/2019/QĐ-UBND",
     D(2019, 12, 15), "UBND tỉnh"),
    ("QĐ 77 / QĐ–UBND ngày 01/02/19", "77/QĐ-UBND", D(2019, 2, 1), ""),
    ("quyet dinh so 12/QD-UBND ngay 3 thang 4 nam 2015 cua UBND tinh", "12/QD-UBND", D(2015, 4, 3), "UBND tinh"),
    ("Số: 2680/QĐ-UBND\nngày 30/12/2016\ncủa Chủ tịch UBND tỉnh Lạng Sơn.", "2680/QĐ-UBND", D(2016, 12, 30),
     "Chủ tịch UBND tỉnh Lạng Sơn"),
    ("QUYẾT ĐỊNH SỐ 99/QĐ-TTg NGÀY 20 THÁNG 11 NĂM 2018 CỦA THỦ TƯỚNG CHÍNH PHỦ", "99/QĐ-TTg", D(2018, 11, 20),
     "THỦ TƯỚNG CHÍNH PHỦ"),
    ("Quyết định số 1585/QĐ-TTg, ngày 20/11/2018, Thủ tướng Chính phủ", "1585/QĐ-TTg", D(2018, 11, 20),
     "Thủ tướng Chính phủ"),
    ("  số 45 ngày 2 tháng 9 năm 2010 của Giám đốc Sở Y tế  ", "45", D(2010, 9, 2), "Giám đốc Sở Y tế"),
    ("Quyết định số 310/QĐ-SYT ngày 7/3/2012 - Giám đốc Sở Y tế", "310/QĐ-SYT", D(2012, 3, 7), "Giám đốc Sở Y tế"),
])
def test_decision_text_variants(text, number, day, issuer):
    parsed, error = cells.parse_decision_text(text)
    assert error is None
    assert (parsed.number, parsed.decided_on, parsed.issuer) == (number, day, issuer)


@pytest.mark.parametrize(("text", "code"), [
    ("CSTĐCS", "chien-si-thi-dua-co-so"),
    ("cstđ cơ sở", "chien-si-thi-dua-co-so"),
    ("Danh hiệu Chiến sĩ thi đua cơ sở", "chien-si-thi-dua-co-so"),
    ("chien si thi dua cap tinh", "chien-si-thi-dua-cap-tinh"),
    ("LĐTT", "lao-dong-tien-tien"),
    ("Bằng khen UBND tỉnh", "bang-khen-chu-tich-ubnd-tinh"),
    ("Bằng khen của Chủ tịch UBND tỉnh", "bang-khen-chu-tich-ubnd-tinh"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn", "bang-khen-chu-tich-ubnd-tinh"),
    ("Bằng khen của Thủ tướng Chính phủ", "bang-khen-thu-tuong"),
    ("BK TTCP", "bang-khen-thu-tuong"),
    ("Giấy khen của Giám đốc Sở Y tế", "giay-khen"),
    ("HCLĐ hạng Ba", "huan-chuong-lao-dong-hang-ba"),
    ("Huân chương Lao động hạng 3", "huan-chuong-lao-dong-hang-ba"),
])
def test_award_names_and_short_forms(text, code):
    award, error = cells.AwardMatcher(2016, "ca_nhan").find(text)
    assert error is None and award.code == code


@pytest.mark.parametrize(("text", "code"), [
    ("TTLĐXS", "tap-the-lao-dong-xuat-sac"),
    ("Tập thể LĐXS", "tap-the-lao-dong-xuat-sac"),
    ("Cờ thi đua UBND tỉnh", "co-thi-dua-ubnd-tinh"),
])
def test_collective_award_names(text, code):
    award, error = cells.AwardMatcher(2018, "tap_the").find(text)
    assert error is None and award.code == code


@pytest.mark.parametrize(("value", "year"), [
    (2019, 2019), ("2019", 2019), (2019.0, 2019), ("Năm 2017", 2017), ("Năm học 2018-2019", 2019),
    ("2018 - 2019", 2019),
])
def test_year_variants(value, year):
    assert tables.parse_year(value) == (year, None)


def test_two_years_apart_is_not_a_year():
    assert tables.parse_year("2017-2019")[1] == '"2017-2019" không phải một năm (ghi dạng 2019, hoặc năm học ' \
                                                  '2018-2019).'


# --- the pages ---------------------------------------------------------------------------------------

def test_import_page_result(client_for, person):
    url = reverse("history:person_import", args=[person.pk])
    response = client_for("staff").post(url, {"file": xlsx(GOOD_ROWS)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã nhập 3 khen thưởng; 0 dòng đã có." in html
    assert html.count("đã nhập</span>") == 3
    response = client_for("staff").post(url, {"file": xlsx(GOOD_ROWS)})
    assert response.content.decode().count("đã có</span>") == 3
    assert Award.objects.count() == 3


def test_import_page_errors(client_for, person):
    url = reverse("history:person_import", args=[person.pk])
    response = client_for("staff").post(url, {"file": xlsx([GOOD_ROWS[0], (2016, "Không có", GOOD_ROWS[0][2])])})
    html = response.content.decode()
    assert 'data-testid="import-errors"' in html and "Dòng 3, cột" in html and "chưa lưu dòng nào" in html
    assert Award.objects.count() == 0


def test_officer_cannot_import(client_for, person):
    url = reverse("history:person_import", args=[person.pk])
    assert client_for("officer_a").post(url, {"file": xlsx(GOOD_ROWS)}).status_code == 403
    assert client_for("officer_b").post(url, {"file": xlsx(GOOD_ROWS)}).status_code == 404
    assert Award.objects.count() == 0


def test_template_download(client_for):
    response = client_for("officer_a").get(reverse("history:template"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="mau-qua-trinh-khen-thuong.xlsx"'
    assert load_workbook(io.BytesIO(response.content))["Quá trình khen thưởng"]["B2"].value == HEADER[1]


def test_award_is_checked_even_when_the_year_is_wrong(person):
    report = importer.import_history(person, xlsx([("x", "Cờ thi đua UBND tỉnh", "Quyết định số 5/QĐ ngày 3/2/2013")]))
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (2, "Năm", '"x" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).'),
        (2, "Danh hiệu thi đua / Hình thức khen thưởng",
         '"Cờ thi đua của Ủy ban nhân dân tỉnh" không tặng cho cá nhân.'),
    ]
