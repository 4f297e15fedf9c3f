"""Importing yearly ratings of a unit's people and the unit's collective figures from Excel, all or nothing."""

from __future__ import annotations

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from awards.models import CollectiveFigures, YearlyRating
from awards.record.facts import importer, xlsx_templates
from tests.factories import PersonFactory, UnitFactory, xlsx_upload

pytestmark = pytest.mark.django_db

RATING_HEADER = ["Họ và tên", "Năm", "Xếp loại"]
FIGURE_HEADER = ["Năm", "Tổng số thành viên", "Hoàn thành nhiệm vụ", "Đạt LĐTT", "Đạt CSTĐCS", "Nữ",
                 "Bị kỷ luật từ cảnh cáo trở lên"]
THIS_YEAR = timezone.localdate().year


def xlsx(rows, header, title=None, name="du-lieu.xlsx"):
    return xlsx_upload(rows, header, title, name)


@pytest.fixture
def people(unit_a):
    return {name: PersonFactory(full_name=name, unit=unit_a)
            for name in ("Hoàng Thị Thu Hà", "Nông Văn Hải", "Lăng Thị Mai")}


def ratings() -> list[tuple]:
    return list(YearlyRating.objects.order_by("person__full_name", "year").values_list(
        "person__full_name", "unit_id", "year", "rating"))


def figures() -> list[tuple]:
    return list(CollectiveFigures.objects.order_by("year").values_list(
        "unit__code", "year", "members", "completed_tasks", "with_ldtt", "with_cstdcs", "women",
        "disciplined_canh_cao_or_above"))


GOOD_RATINGS = [
    ("Hoàng Thị Thu Hà", 2018, "Hoàn thành xuất sắc nhiệm vụ"),
    ("hoang thi thu ha", "2019", "HTXSNV"),  # accent-free name, year as text, short form
    ("NÔNG VĂN HẢI", 2019, "httnv"),
    (unicodedata.normalize("NFD", "Lăng Thị Mai"), 2019, "hoan thanh nhiem vu"),  # decomposed, accent-free rating
    ("  Lăng   Thị Mai ", "Năm 2018", "K.H.T.N.V"),
]


# --- ratings: the happy path, idempotence, updates ---------------------------------------------------

def test_ratings_happy_path_writes_exact_rows(unit_a, people):
    report = importer.import_ratings(unit_a, xlsx(GOOD_RATINGS, RATING_HEADER, title="XẾP LOẠI HẰNG NĂM"))
    assert report.errors == []
    assert [(r.row, r.subject, r.year, r.values, r.shown) for r in report.created] == [
        (3, "Hoàng Thị Thu Hà", 2018, {"rating": "htxs"}, "Hoàn thành xuất sắc nhiệm vụ"),
        (4, "Hoàng Thị Thu Hà", 2019, {"rating": "htxs"}, "Hoàn thành xuất sắc nhiệm vụ"),
        (5, "Nông Văn Hải", 2019, {"rating": "htt"}, "Hoàn thành tốt nhiệm vụ"),
        (6, "Lăng Thị Mai", 2019, {"rating": "ht"}, "Hoàn thành nhiệm vụ"),
        (7, "Lăng Thị Mai", 2018, {"rating": "kht"}, "Không hoàn thành nhiệm vụ"),
    ]
    assert report.updated == [] and report.unchanged == []
    assert ratings() == [
        ("Hoàng Thị Thu Hà", None, 2018, "htxs"), ("Hoàng Thị Thu Hà", None, 2019, "htxs"),
        ("Lăng Thị Mai", None, 2018, "kht"), ("Lăng Thị Mai", None, 2019, "ht"), ("Nông Văn Hải", None, 2019, "htt"),
    ]


def test_reimporting_the_same_file_changes_nothing(unit_a, people):
    importer.import_ratings(unit_a, xlsx(GOOD_RATINGS, RATING_HEADER))
    before = list(YearlyRating.objects.order_by("pk").values_list("pk", "person_id", "year", "rating"))
    again = importer.import_ratings(unit_a, xlsx(GOOD_RATINGS, RATING_HEADER))
    assert again.errors == [] and again.created == [] and again.updated == []
    assert [r.row for r in again.unchanged] == [2, 3, 4, 5, 6]
    assert list(YearlyRating.objects.order_by("pk").values_list("pk", "person_id", "year", "rating")) == before


def test_another_rating_for_the_same_person_and_year_is_an_update(unit_a, people):
    YearlyRating.objects.create(person=people["Nông Văn Hải"], year=2019, rating="ht")
    YearlyRating.objects.create(person=people["Hoàng Thị Thu Hà"], year=2018, rating="htxs")
    rows = [("Nông Văn Hải", 2019, "HTXSNV"), ("Hoàng Thị Thu Hà", 2018, "HTXSNV"), ("Lăng Thị Mai", 2019, "HTNV")]
    report = importer.import_ratings(unit_a, xlsx(rows, RATING_HEADER))
    assert [(r.row, r.subject, r.before, r.changes) for r in report.updated] == [
        (2, "Nông Văn Hải", {"rating": "ht"}, ["Xếp loại: Hoàn thành nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ"])]
    assert [r.row for r in report.unchanged] == [3] and [r.row for r in report.created] == [4]
    assert ratings() == [("Hoàng Thị Thu Hà", None, 2018, "htxs"), ("Lăng Thị Mai", None, 2019, "ht"),
                         ("Nông Văn Hải", None, 2019, "htxs")]


def test_a_unit_rating_is_left_alone(unit_a, people):
    YearlyRating.objects.create(unit=unit_a, year=2019, rating="htt")
    importer.import_ratings(unit_a, xlsx([("Nông Văn Hải", 2019, "HTXSNV")], RATING_HEADER))
    assert set(ratings()) == {("Nông Văn Hải", None, 2019, "htxs"), (None, unit_a.pk, 2019, "htt")}


# --- ratings: each error with its row and column, nothing written ------------------------------------

@pytest.mark.parametrize(("row", "column", "message"), [
    (("", 2019, "HTXSNV"), "Họ và tên", "chưa ghi họ và tên."),
    (("Nguyễn Văn Không Có", 2019, "HTXSNV"), "Họ và tên",
     'không có cá nhân "Nguyễn Văn Không Có" trong danh bạ của Sở Giáo dục và Đào tạo (kiểm tra chính tả, hoặc '
     "thêm người này vào danh bạ trước)."),
    (("Nông Văn Hải", None, "HTXSNV"), "Năm", "chưa ghi năm."),
    (("Nông Văn Hải", "hai nghìn", "HTXSNV"), "Năm", '"hai nghìn" không phải một năm (ghi dạng 2019, hoặc năm học '
                                                      "2018-2019)."),
    (("Nông Văn Hải", THIS_YEAR + 1, "HTXSNV"), "Năm",
     f"năm {THIS_YEAR + 1} không hợp lệ (phải từ 1945 đến {THIS_YEAR})."),
    (("Nông Văn Hải", 2019, None), "Xếp loại", "chưa ghi xếp loại."),
    (("Nông Văn Hải", 2019, "Xuất sắc lắm"), "Xếp loại",
     'xếp loại "Xuất sắc lắm" không hợp lệ (ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, '
     "Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ; hoặc HTXSNV, HTTNV, HTNV, KHTNV)."),
    (("Nông Văn Hải", 2019, "=A1"), "Xếp loại",
     "ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán giá trị (Paste Values) và bỏ dấu đó ở đầu ô."),
])
def test_rating_row_errors(unit_a, people, row, column, message):
    rows = [("Hoàng Thị Thu Hà", 2018, "HTXSNV"), row]
    report = importer.import_ratings(unit_a, xlsx(rows, RATING_HEADER))
    assert report.error_texts == [f'Dòng 3, cột "{column}": {message}']
    assert report.created == [] and YearlyRating.objects.count() == 0


def test_ambiguous_name_and_person_of_another_unit_are_errors(unit_a, unit_b, people):
    PersonFactory(full_name="Vi Văn Đức", unit=unit_a)
    PersonFactory(full_name="Vi Văn Dức", unit=unit_a)  # folds to the same name
    PersonFactory(full_name="Lò Thị Sen", unit=unit_b)
    rows = [("vi van duc", 2019, "HTTNV"), ("Lò Thị Sen", 2019, "HTTNV"), ("Nông Văn Hải", 2019, "HTTNV")]
    report = importer.import_ratings(unit_a, xlsx(rows, RATING_HEADER))
    assert report.error_texts == [
        'Dòng 2, cột "Họ và tên": danh bạ của Sở Giáo dục và Đào tạo có 2 người tên "vi van duc", không xác định được '
        "là ai; hãy nhập xếp loại của những người này trên trang quản trị.",
        'Dòng 3, cột "Họ và tên": không có cá nhân "Lò Thị Sen" trong danh bạ của Sở Giáo dục và Đào tạo (kiểm tra '
        "chính tả, hoặc thêm người này vào danh bạ trước).",
    ]
    assert YearlyRating.objects.count() == 0


def test_repeated_person_and_year_is_an_error_and_errors_are_in_row_order(unit_a, people):
    rows = [("Nông Văn Hải", 2019, "HTTNV"), ("Lăng Thị Mai", "x", "?"), ("nong van hai", "2019", "HTXSNV")]
    report = importer.import_ratings(unit_a, xlsx(rows, RATING_HEADER))
    assert report.error_texts == [
        'Dòng 3, cột "Năm": "x" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).',
        'Dòng 3, cột "Xếp loại": xếp loại "?" không hợp lệ (ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành '
        "tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ; hoặc HTXSNV, HTTNV, HTNV, KHTNV).",
        'Dòng 4, cột "Họ và tên": trùng với dòng 2 (cùng cá nhân, cùng năm).',
    ]
    assert YearlyRating.objects.count() == 0


def test_file_level_problems(unit_a, people):
    missing = importer.import_ratings(unit_a, xlsx([("Nông Văn Hải", 2019)], ["Họ và tên", "Năm"]))
    assert missing.error_texts == ['Thiếu cột "Xếp loại".']
    not_excel = importer.import_ratings(unit_a, SimpleUploadedFile("x.xlsx", b"Ho va ten;Nam;Xep loai\n"))
    assert not_excel.error_texts == ["Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang dữ liệu "
                                     "xét thi đua của đơn vị."]
    empty = importer.import_ratings(unit_a, xlsx([], RATING_HEADER))
    assert empty.error_texts == ["Bảng tính không có dòng dữ liệu nào."]
    assert YearlyRating.objects.count() == 0


# --- collective figures ------------------------------------------------------------------------------

GOOD_FIGURES = [
    (2018, 60, 60, 48, 8, 42, 1),
    ("2019", "62", 62.0, 51, 9, 44, None),  # text, a whole float, an empty optional cell (0)
]


def test_figures_happy_path_reimport_and_update(unit_a):
    report = importer.import_figures(unit_a, xlsx(GOOD_FIGURES, FIGURE_HEADER, title="SỐ LIỆU TẬP THỂ"))
    assert report.errors == []
    assert [(r.row, r.year, r.shown) for r in report.created] == [
        (3, 2018, "Tổng số thành viên: 60; Hoàn thành nhiệm vụ: 60; Đạt LĐTT: 48; Đạt CSTĐCS: 8; Nữ: 42; "
                  "Bị kỷ luật từ cảnh cáo trở lên: 1"),
        (4, 2019, "Tổng số thành viên: 62; Hoàn thành nhiệm vụ: 62; Đạt LĐTT: 51; Đạt CSTĐCS: 9; Nữ: 44; "
                  "Bị kỷ luật từ cảnh cáo trở lên: 0"),
    ]
    assert figures() == [("so-a", 2018, 60, 60, 48, 8, 42, 1), ("so-a", 2019, 62, 62, 51, 9, 44, 0)]

    again = importer.import_figures(unit_a, xlsx(GOOD_FIGURES, FIGURE_HEADER))
    assert again.errors == [] and again.created == [] and again.updated == []
    assert [r.row for r in again.unchanged] == [2, 3]

    changed = importer.import_figures(unit_a, xlsx([(2019, 63, 63, 51, 9, 45, 0)], FIGURE_HEADER))
    assert [(r.row, r.before, r.changes) for r in changed.updated] == [
        (2, {"members": 62, "completed_tasks": 62, "women": 44},
         ["Tổng số thành viên: 62 → 63", "Hoàn thành nhiệm vụ: 62 → 63", "Nữ: 44 → 45"])]
    assert figures() == [("so-a", 2018, 60, 60, 48, 8, 42, 1), ("so-a", 2019, 63, 63, 51, 9, 45, 0)]


def test_figures_without_the_optional_column_keep_the_stored_discipline_count(unit_a):
    CollectiveFigures.objects.create(unit=unit_a, year=2019, members=62, completed_tasks=62, with_ldtt=51,
                                     with_cstdcs=9, women=44, disciplined_canh_cao_or_above=2)
    report = importer.import_figures(unit_a, xlsx([(2019, 62, 62, 51, 9, 44), (2020, 10, 10, 5, 1, 6)],
                                               FIGURE_HEADER[:-1]))
    assert report.errors == [] and [r.row for r in report.unchanged] == [2] and [r.row for r in report.created] == [3]
    assert figures() == [("so-a", 2019, 62, 62, 51, 9, 44, 2), ("so-a", 2020, 10, 10, 5, 1, 6, 0)]
    below = importer.import_figures(unit_a, xlsx([(2019, 1, 1, 1, 1, 1)], FIGURE_HEADER[:-1]))
    assert below.error_texts == ['Dòng 2, cột "Tổng số thành viên": 1 nhỏ hơn số "Bị kỷ luật từ cảnh cáo trở lên" '
                                 'đã lưu (2); thêm cột "Bị kỷ luật từ cảnh cáo trở lên" vào tệp để sửa cả hai.']
    assert figures()[0] == ("so-a", 2019, 62, 62, 51, 9, 44, 2)


@pytest.mark.parametrize(("row", "errors"), [
    ((2019, 62, 63, 51, 9, 70, 0), [
        'Dòng 3, cột "Hoàn thành nhiệm vụ": 63 lớn hơn tổng số thành viên (62).',
        'Dòng 3, cột "Nữ": 70 lớn hơn tổng số thành viên (62).']),
    ((2019, 62, 50, 51, 9, 44, 0), [
        'Dòng 3, cột "Đạt LĐTT": 51 lớn hơn số hoàn thành nhiệm vụ (50): danh hiệu Lao động tiên tiến chỉ xét cho '
        "người hoàn thành nhiệm vụ trở lên."]),
    ((2019, 62, 62, 8, 9, 44, 0), [
        'Dòng 3, cột "Đạt CSTĐCS": 9 lớn hơn số Đạt LĐTT (8): danh hiệu Chiến sĩ thi đua cơ sở chỉ xét cho người đạt '
        "Lao động tiên tiến."]),
    ((2019, 0, 0, 0, 0, 0, 0), ['Dòng 3, cột "Tổng số thành viên": tổng số thành viên phải từ 1 trở lên.']),
    ((2019, 62, -1, "năm mươi", 9.5, None, 0), [
        'Dòng 3, cột "Hoàn thành nhiệm vụ": "-1" không phải số nguyên không âm.',
        'Dòng 3, cột "Đạt LĐTT": "năm mươi" không phải số nguyên không âm.',
        'Dòng 3, cột "Đạt CSTĐCS": "9.5" không phải số nguyên không âm.',
        'Dòng 3, cột "Nữ": chưa ghi số.']),
    ((2018, 62, 62, 51, 9, 44, 0), ['Dòng 3, cột "Năm": trùng với dòng 2 (cùng năm).']),
    ((None, 62, 62, 51, 9, 44, 0), ['Dòng 3, cột "Năm": chưa ghi năm.']),
])
def test_figure_row_errors(unit_a, row, errors):
    report = importer.import_figures(unit_a, xlsx([(2018, 60, 60, 48, 8, 42, 1), row], FIGURE_HEADER))
    assert report.error_texts == errors
    assert CollectiveFigures.objects.count() == 0


def test_figures_header_found_by_aliases_and_required_columns(unit_a):
    header = ["năm", "Tổng số", "Số hoàn thành nhiệm vụ trở lên", "Số đạt Lao động tiên tiến",
              "Số đạt Chiến sĩ thi đua cơ sở", "Số nữ"]
    assert importer.import_figures(unit_a, xlsx([(2019, "1.250", "1 250", 1000, 100, 600)], header)).errors == []
    assert figures() == [("so-a", 2019, 1250, 1250, 1000, 100, 600, 0)]
    missing = importer.import_figures(unit_a, xlsx([(2019, 62)], ["Năm", "Tổng số thành viên"]))
    assert missing.error_texts == ['Thiếu cột "Hoàn thành nhiệm vụ". Thiếu cột "Đạt LĐTT". Thiếu cột "Đạt CSTĐCS". '
                                   'Thiếu cột "Nữ".']


# --- the templates -----------------------------------------------------------------------------------

def test_templates_have_the_header_examples_and_guide_and_import_as_empty(unit_a, people):
    book = load_workbook(io.BytesIO(xlsx_templates.build_ratings_template(unit_a)))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[2]] == RATING_HEADER
    assert sheet["A3"].value == "Ví dụ: Nguyễn Văn An"
    guide = [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert guide[-3:] == ["Hoàng Thị Thu Hà", "Lăng Thị Mai", "Nông Văn Hải"]
    empty = importer.import_ratings(unit_a, SimpleUploadedFile("m.xlsx", xlsx_templates.build_ratings_template(unit_a)))
    assert empty.error_texts == ["Bảng tính không có dòng dữ liệu nào."]

    book = load_workbook(io.BytesIO(xlsx_templates.build_figures_template(unit_a)))
    assert [c.value for c in book.worksheets[0][2]] == FIGURE_HEADER
    empty = importer.import_figures(unit_a, SimpleUploadedFile("m.xlsx", xlsx_templates.build_figures_template(unit_a)))
    assert empty.error_texts == ["Bảng tính không có dòng dữ liệu nào."]


# --- through the page: who may import ----------------------------------------------------------------

def post(client, unit, layout, upload):
    return client.post(reverse(f"facts:import_{layout}", args=[unit.pk]), {"file": upload})


def test_staff_imports_for_any_unit_and_sees_each_row(client_for, unit_b):
    PersonFactory(full_name="Lò Thị Sen", unit=unit_b)
    response = post(client_for("staff"), unit_b, "ratings", xlsx([("lo thi sen", 2019, "HTTNV")], RATING_HEADER))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã nhập 1 dòng mới, cập nhật 0 dòng; 0 dòng không đổi." in html
    assert ratings() == [("Lò Thị Sen", None, 2019, "htt")]


def test_officer_imports_for_his_unit_and_its_sub_units(client_for, unit_a, people):
    client = client_for("officer_a")
    assert post(client, unit_a, "ratings", xlsx([("Nông Văn Hải", 2019, "HTTNV")], RATING_HEADER)).status_code == 200
    school = UnitFactory(code="truong-a", name="Trường thử", parent=unit_a)
    response = post(client, school, "figures", xlsx([(2019, 10, 10, 5, 1, 6, 0)], FIGURE_HEADER))
    assert response.status_code == 200
    assert ratings() == [("Nông Văn Hải", None, 2019, "htt")]
    assert figures() == [("truong-a", 2019, 10, 10, 5, 1, 6, 0)]


@pytest.mark.parametrize(("persona", "status"), [
    ("officer_b", 404), ("leader", 403), ("council_member", 404), ("anonymous", 302)])
def test_others_cannot_import(client_for, unit_a, people, persona, status):
    upload = xlsx([("Nông Văn Hải", 2019, "HTTNV")], RATING_HEADER)
    assert post(client_for(persona), unit_a, "ratings", upload).status_code == status
    assert post(client_for(persona), unit_a, "figures", xlsx(GOOD_FIGURES, FIGURE_HEADER)).status_code == status
    assert YearlyRating.objects.count() == 0 and CollectiveFigures.objects.count() == 0


def test_officer_cannot_import_for_his_parent_unit(client_for, officer_a, unit_a):
    parent = UnitFactory(code="ubnd", name="UBND tỉnh")
    unit_a.parent = parent
    unit_a.save()
    assert post(client_for("officer_a"), parent, "figures", xlsx(GOOD_FIGURES, FIGURE_HEADER)).status_code == 404
    assert CollectiveFigures.objects.count() == 0


def test_errors_are_listed_on_the_page_and_nothing_is_saved(client_for, unit_a, people):
    rows = [("Nông Văn Hải", 2019, "HTTNV"), ("Ai Đó", 2019, "HTTNV")]
    html = post(client_for("officer_a"), unit_a, "ratings", xlsx(rows, RATING_HEADER)).content.decode()
    assert "Có 1 lỗi; chưa lưu dòng nào:" in html
    assert ("Dòng 3, cột &quot;Họ và tên&quot;: không có cá nhân &quot;Ai Đó&quot; trong danh bạ của Sở Giáo dục và "
            "Đào tạo") in html
    assert YearlyRating.objects.count() == 0


def test_update_is_reported_on_the_page(client_for, unit_a, people):
    YearlyRating.objects.create(person=people["Nông Văn Hải"], year=2019, rating="ht")
    html = post(client_for("staff"), unit_a, "ratings",
                xlsx([("Nông Văn Hải", 2019, "HTTNV")], RATING_HEADER)).content.decode()
    assert "Đã nhập 0 dòng mới, cập nhật 1 dòng; 0 dòng không đổi." in html
    assert "Xếp loại: Hoàn thành nhiệm vụ → Hoàn thành tốt nhiệm vụ" in html


def test_template_downloads(client_for, unit_a):
    response = client_for("officer_a").get(reverse("facts:template_figures", args=[unit_a.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-so-lieu-tap-the.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["A1"].value == (
        "SỐ LIỆU TẬP THỂ HẰNG NĂM - SỞ GIÁO DỤC VÀ ĐÀO TẠO")
