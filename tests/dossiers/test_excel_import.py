"""Excel import of a nominee list into a dossier: all or nothing, every problem listed, never twice."""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from awards.catalogue.in_force import award_type_on
from awards.core import sheets
from awards.dossiers.importing.columns import TEMPLATE_COLUMNS, household_head
from awards.dossiers.importing.save import import_nominees
from awards.dossiers.importing.template import build_template
from awards.models import Dossier, Nomination
from tests.factories import PersonFactory, UnitFactory, UserFactory
from units.models import Gender, Household, Person, PersonCategory, Role, UnitAlias, UnitKind

pytestmark = pytest.mark.django_db

END_2020 = datetime.date(2020, 12, 31)
NAME, GENDER, BIRTH, POSITION, UNIT, AWARD, CATEGORY = (
    "Tên tập thể/cá nhân/hộ gia đình", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị công tác",
    "Danh hiệu/Hình thức khen thưởng", "Phân loại đối tượng",
)

NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang hồ sơ."
EMPTY = "Bảng tính không có dòng dữ liệu nào."
TOO_LARGE = "Tệp quá lớn: dữ liệu giải nén vượt quá 50 MB. Hãy chia danh sách thành nhiều tệp."
TOO_MANY_ROWS = "Tệp quá lớn: có hơn 5.000 dòng dữ liệu. Hãy chia danh sách thành nhiều tệp."
DIRECT_WORKER = "Người trực tiếp công tác, lao động, học tập, chiến đấu"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def line(name=None, award=None, category=None, *, gender=None, birth=None, position=None, unit=None,
         achievement=None, stt=None) -> list:
    """One data row in template column order."""
    return [stt, name, gender, birth, position, unit, award, category, achievement]


def xlsx(rows: list[list], header: list[str] | None = None, title: str | None = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
    sheet.append(header if header is not None else TEMPLATE_COLUMNS)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name: str = "danh-sach.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def counts() -> tuple[int, int, int]:
    return Nomination.objects.count(), Person.objects.count(), Household.objects.count()


@pytest.fixture
def school(unit_a):
    return UnitFactory(code="thpt-viet-bac", name="Trường THPT Việt Bắc", short_name="THPT Việt Bắc",
                       kind=UnitKind.PUBLIC_SERVICE, parent=unit_a)


@pytest.fixture
def dossier(unit_a, officer_a):
    return Dossier.objects.create(unit=unit_a, title="Đề nghị khen thưởng năm học 2019 - 2020", occasion="cong_trang",
                                  year=2020, authority="chu_tich_ubnd_tinh", created_by=officer_a)


@pytest.fixture
def lan(school):
    return PersonFactory(full_name="Hoàng Thị Lan", gender=Gender.FEMALE, birth_date=datetime.date(1985, 7, 12),
                         unit=school, position="Giáo viên", category=PersonCategory.DIRECT_WORKER)


@pytest.fixture
def bang_khen(db):
    return award_type_on("bang-khen-chu-tich-ubnd-tinh", END_2020)


@pytest.fixture
def co_thi_dua(db):
    return award_type_on("co-thi-dua-ubnd-tinh", END_2020)


def good_rows() -> list[list]:
    """Rows 3-8 below a title row (1) and the header (2); row 5 is blank and ignored."""
    return [
        line("Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp", stt=1,
             achievement="Dẫn đầu phong trào thi đua năm học 2019 - 2020."),
        line("Tổ Toán - Tin, Trường THPT Việt Bắc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Tập thể", stt=2,
             achievement="Có 12 học sinh giỏi cấp tỉnh."),
        line(),
        line(nfd("hoàng thị lan"), "bang khen cua ubnd tinh", DIRECT_WORKER, gender="nữ", birth="12/07/1985",
             position="Giáo viên", unit="thpt viet bac", stt=3),
        line(nfd("Nguyễn Văn Hùng"), "Bằng khen của UBND tỉnh", "Lãnh đạo cấp vụ, sở, ngành", gender="Nam",
             birth=datetime.datetime(1979, 3, 5), position="Phó Giám đốc Sở", stt=4,
             achievement="Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục."),
        line("  Gia đình ông Vi Thanh Liêm ", "Bằng khen của UBND tỉnh", "Hộ gia đình", stt=5),
    ]


# ---------------------------------------------------------------------------------------------
# A good file
# ---------------------------------------------------------------------------------------------


def test_good_file_creates_exactly_the_expected_nominations(dossier, unit_a, school, lan, bang_khen, co_thi_dua):
    report = import_nominees(dossier, upload(xlsx(good_rows())), dossier.created_by)

    assert report.errors == []
    assert (report.created, report.skipped, report.persons_created, report.households_created) == (5, 0, 1, 1)
    hung = Person.objects.get(full_name="Nguyễn Văn Hùng")
    household = Household.objects.get()
    assert list(dossier.nominations.order_by("position").values_list(
        "position", "recipient_kind", "unit_id", "collective_name", "person_id", "household_id", "award_type_id",
        "achievement", "period", "recipient_key",
    )) == [
        (1, "tap_the", school.pk, "", None, None, co_thi_dua.pk, "Dẫn đầu phong trào thi đua năm học 2019 - 2020.", "",
         f"unit:{school.pk}"),
        (2, "tap_the", None, "Tổ Toán - Tin, Trường THPT Việt Bắc", None, None, bang_khen.pk,
         "Có 12 học sinh giỏi cấp tỉnh.", "", f"name:to toan - tin, truong thpt viet bac@{unit_a.pk}"),
        (3, "ca_nhan", None, "", lan.pk, None, bang_khen.pk, "", "", f"person:{lan.pk}"),
        (4, "ca_nhan", None, "", hung.pk, None, bang_khen.pk, "Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục.", "",
         f"person:{hung.pk}"),
        (5, "ho_gia_dinh", None, "", None, household.pk, bang_khen.pk, "", "", f"household:{household.pk}"),
    ]
    assert (hung.full_name, hung.gender, hung.birth_date, hung.position, hung.unit, hung.category) == (
        "Nguyễn Văn Hùng", "nam", datetime.date(1979, 3, 5), "Phó Giám đốc Sở", unit_a, "lanh_dao_so",
    )
    assert unicodedata.is_normalized("NFC", hung.full_name)
    # No commune named in "Đơn vị công tác": the household is recorded under the dossier's unit, in its scope.
    assert (household.name, household.head_name, household.commune) == (
        "Gia đình ông Vi Thanh Liêm", "Vi Thanh Liêm", unit_a,
    )
    lan.refresh_from_db()
    assert (lan.full_name, lan.position, lan.category) == ("Hoàng Thị Lan", "Giáo viên", "truc_tiep")
    assert Person.objects.count() == 2


def test_importing_the_same_file_twice_adds_nothing(dossier, school, lan):
    data = xlsx(good_rows())
    first = import_nominees(dossier, upload(data), dossier.created_by)
    before = counts()

    second = import_nominees(dossier, upload(data), dossier.created_by)

    assert (first.created, first.skipped) == (5, 0)
    assert second.errors == []
    assert (second.created, second.skipped, second.persons_created, second.households_created) == (5 - 5, 5, 0, 0)
    assert counts() == before == (5, 2, 1)


def test_a_file_with_one_more_row_adds_only_that_row_after_the_existing_positions(dossier, school, lan, bang_khen):
    import_nominees(dossier, upload(xlsx(good_rows())), dossier.created_by)
    rows = [*good_rows(), line("Phòng Giáo dục Mầm non", "Bằng khen của UBND tỉnh", "Cơ quan hành chính")]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert (report.errors, report.created, report.skipped) == ([], 1, 5)
    added = dossier.nominations.get(collective_name="Phòng Giáo dục Mầm non")
    assert (added.position, added.recipient_kind, added.unit_id, added.award_type_id) == (6, "tap_the", None,
                                                                                           bang_khen.pk)


def test_positions_continue_after_the_nominations_already_in_the_dossier(dossier, bang_khen):
    Nomination.objects.create(dossier=dossier, recipient_kind="tap_the", collective_name="Phòng Tổ chức cán bộ",
                              award_type=bang_khen, position=7)
    rows = [line("Phòng Kế hoạch - Tài chính", "Bằng khen của UBND tỉnh", "Tập thể"),
            line("Văn phòng Sở", "Bằng khen của UBND tỉnh", "Tập thể")]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert (report.created, report.skipped) == (2, 0)
    assert list(dossier.nominations.order_by("position").values_list("position", "collective_name")) == [
        (7, "Phòng Tổ chức cán bộ"), (8, "Phòng Kế hoạch - Tài chính"), (9, "Văn phòng Sở"),
    ]


def test_headers_match_without_accents_or_case_in_any_order_and_the_achievement_column_is_optional(dossier):
    header = ["phan loai doi tuong", "  DANH HIỆU / HÌNH THỨC KHEN THƯỞNG ", "stt", nfd("Tên tập thể/cá nhân/hộ gia đình"),
              "gioi tinh", "NGÀY SINH", "chuc vu", "Đơn vị công tác"]
    rows = [["Cá nhân", "Chiến sĩ thi đua cấp tỉnh", 1, "Lò Thị Mai", "Nữ", "5/3/1980", "", ""]]

    report = import_nominees(dossier, io.BytesIO(xlsx(rows, header=header, title=None)), dossier.created_by)

    assert (report.errors, report.created) == ([], 1)
    person = Person.objects.get()
    assert (person.full_name, person.gender, person.birth_date, person.unit_id, person.category) == (
        "Lò Thị Mai", "nu", datetime.date(1980, 3, 5), dossier.unit_id, "truc_tiep",
    )
    assert dossier.nominations.get().award_type.code == "chien-si-thi-dua-cap-tinh"


def test_a_unit_name_shared_by_an_old_and_a_new_unit_picks_the_one_in_force_in_the_dossier_year(dossier):
    # Both under the dossier's unit, so in its officer's scope (scope: tests/dossiers/test_import_scope.py).
    old = UnitFactory(code="xa-de-tham", name="Xã Đề Thám", kind=UnitKind.COMMUNE, valid_to=datetime.date(2025, 6, 30),
                      parent=dossier.unit)
    UnitFactory(code="xa-de-tham-moi", name="Xã Đề Thám", kind=UnitKind.COMMUNE, valid_from=datetime.date(2025, 7, 1),
                parent=dossier.unit)
    rows = [line("Xã Đề Thám", "Bằng khen của UBND tỉnh", "Cơ quan hành chính"),
            line("Vy Văn Tâm", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", unit="xa de tham")]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert (report.errors, report.created) == ([], 2)
    assert dossier.nominations.get(recipient_kind="tap_the").unit == old
    assert Person.objects.get().unit == old


@pytest.mark.parametrize(("year", "expected"), [(2019, "xa-hiep-ha"), (2026, "xa-loc-binh-2025")])
def test_an_alias_valid_before_a_merger_names_the_unit_as_it_stood_in_the_dossier_year(year, expected):
    province = UnitFactory(code="ubnd-tinh", name="Ủy ban nhân dân tỉnh Lạng Sơn", kind=UnitKind.PROVINCE)
    district = UnitFactory(code="huyen-loc-binh", name="Huyện Lộc Bình", kind=UnitKind.DISTRICT, parent=province,
                           valid_to=datetime.date(2025, 6, 30))
    old = UnitFactory(code="xa-hiep-ha", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE, parent=district,
                      valid_to=datetime.date(2025, 6, 30))
    new = UnitFactory(code="xa-loc-binh-2025", name="Xã Lộc Bình", kind=UnitKind.COMMUNE, parent=province,
                      valid_from=datetime.date(2025, 7, 1))
    new.predecessors.set([old])
    UnitAlias.objects.create(unit=old, name="UBND xã Hiệp Hạ, huyện Lộc Bình", valid_to=datetime.date(2025, 6, 30))
    officer = UserFactory(username="officer_tinh", unit=province, roles=[Role.UNIT_OFFICER])
    dossier = Dossier.objects.create(unit=province, title=f"Đề nghị khen thưởng năm {year}", occasion="cong_trang",
                                     year=year, authority="chu_tich_ubnd_tinh", created_by=officer)
    rows = [line("Ủy ban nhân dân xã Hiệp Hạ, huyện Lộc Bình", "Bằng khen của UBND tỉnh", "Cơ quan hành chính"),
            line("Vy Văn Tâm", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", unit="UBND xã Hiệp Hạ, huyện Lộc Bình")]

    report = import_nominees(dossier, upload(xlsx(rows)), officer)

    assert (report.errors, report.created) == ([], 2)
    assert dossier.nominations.get(recipient_kind="tap_the").unit.code == expected
    assert Person.objects.get().unit.code == expected


def test_a_person_is_reused_only_with_the_same_name_unit_and_birth_date(dossier, school, lan):
    rows = [
        line("Hoàng Thị Lan", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nữ", unit="THPT Việt Bắc"),
        line("Hoàng Thị Lan", "Kỷ niệm chương của tỉnh", "Cá nhân", gender="Nữ", birth="13/07/1985", unit="THPT Việt Bắc"),
        line("Hoàng Thị Lan", "Chiến sĩ thi đua cấp tỉnh", "Cá nhân", gender="Nữ", birth="12/07/1985"),
        line("Hoàng Thị Lan", "Cờ thi đua của UBND tỉnh", "Tập thể"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert (report.errors, report.created, report.persons_created) == ([], 4, 3)
    people = list(dossier.nominations.order_by("position").values_list("person__unit__name", "person__birth_date"))
    assert people == [
        ("Trường THPT Việt Bắc", None),
        ("Trường THPT Việt Bắc", datetime.date(1985, 7, 13)),
        ("Sở Giáo dục và Đào tạo", datetime.date(1985, 7, 12)),
        (None, None),
    ]
    assert not lan.nominations.exists()
    assert dossier.nominations.get(recipient_kind="tap_the").collective_name == "Hoàng Thị Lan"


def test_a_wrong_stored_sheet_dimension_does_not_hide_rows(dossier):
    data = xlsx([line("Văn phòng Sở", "Bằng khen của UBND tỉnh", "Tập thể"),
                 line("Phòng Tổ chức cán bộ", "Bằng khen của UBND tỉnh", "Tập thể")])
    source, rewritten = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(rewritten, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes '<dimension ref="A1:I4" />', or without the space when lxml is installed
                content, replaced = re.subn(rb'<dimension ref="A1:I4" ?/>', b'<dimension ref="A1" />', content)
                assert replaced == 1
            target.writestr(item, content)

    report = import_nominees(dossier, upload(rewritten.getvalue()), dossier.created_by)

    assert (report.errors, report.created) == ([], 2)


@pytest.mark.parametrize(("name", "head"), [
    ("Gia đình ông Vi Thanh Liêm", "Vi Thanh Liêm"),
    ("gia đình bà Hoàng Thị Nga", "Hoàng Thị Nga"),
    ("Gia đình ông/bà Lục Văn Sáng", "Lục Văn Sáng"),
    ("Hộ gia đình ông Nông Văn Dũng", "Nông Văn Dũng"),
    ("Gia đình Bàn Văn Minh", "Bàn Văn Minh"),
    ("Hà Thị Thu", "Hà Thị Thu"),
])
def test_household_head_drops_only_the_leading_gia_dinh_ong_ba(name, head):
    assert household_head(name) == head


# ---------------------------------------------------------------------------------------------
# The template
# ---------------------------------------------------------------------------------------------


def test_template_round_trips(dossier, school):
    data = build_template(dossier)

    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Danh sách", "Hướng dẫn"]
    sheet = workbook["Danh sách"]
    assert sheet["A1"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert sheet["A2"].value == (f"Kèm theo hồ sơ: Đề nghị khen thưởng năm học 2019 - 2020 (mã {dossier.reference}, "
                                 "năm 2020)")
    assert [cell.value for cell in sheet[3]] == TEMPLATE_COLUMNS
    assert [cell.value for cell in sheet[4]] == [
        "Ví dụ", "Phòng Kế hoạch - Tài chính, Sở Giáo dục và Đào tạo", None, None, None, None,
        "Cờ thi đua của Ủy ban nhân dân tỉnh", "Tập thể", "Hoàn thành xuất sắc nhiệm vụ năm 2020.",
    ]
    assert [cell.value for cell in sheet[5]] == [
        "Ví dụ", "Nguyễn Văn An", "Nam", datetime.datetime(1980, 3, 5), "Trưởng phòng", "Sở Giáo dục và Đào tạo",
        "Chiến sĩ thi đua cấp tỉnh", "Các cấp lãnh đạo khác từ phó phòng trở lên",
        "Hoàn thành xuất sắc nhiệm vụ năm 2020.",
    ]
    assert [sheet.column_dimensions[letter].width for letter in "ABCDEFGHI"] == [6, 38, 10, 13, 24, 34, 44, 34, 60]
    assert sorted(str(v.sqref) for v in sheet.data_validations.dataValidation) == ["C4:C503", "G4:G503", "H4:H503"]

    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    start = guide.index("Tên đầy đủ") + 1
    assert guide[start:guide.index(None, start)] == [
        "Chiến sĩ thi đua cấp tỉnh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Tập thể lao động xuất sắc",
        "Xã, phường, thị trấn tiêu biểu", "Kỷ niệm chương của tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    ]
    start = guide.index("Phân loại đối tượng") + 1
    assert guide[start:] == [
        "Tập thể", "Cơ quan Đảng", "Cơ quan Trung ương đóng trên địa bàn", "Cơ quan hành chính", "Đơn vị sự nghiệp",
        "Doanh nghiệp", "Hợp tác xã", "Đối tượng khác", "Cá nhân", "Lãnh đạo cấp bộ, cấp tỉnh trở lên",
        "Lãnh đạo cấp vụ, sở, ngành", "Doanh nhân", "Các cấp lãnh đạo khác từ phó phòng trở lên", DIRECT_WORKER,
        "Khác", "Hộ gia đình",
    ]

    for column, value in enumerate(line("Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp", stt=1),
                                   start=1):
        sheet.cell(row=6, column=column, value=value)
    for column, value in enumerate(line("Lý Văn Cường", "Chiến sĩ thi đua cấp tỉnh", "Cá nhân", gender="Nam",
                                        birth=datetime.date(1982, 11, 20), unit="Trường THPT Việt Bắc", stt=2),
                                   start=1):
        sheet.cell(row=7, column=column, value=value)
    filled = io.BytesIO()
    workbook.save(filled)

    report = import_nominees(dossier, upload(filled.getvalue()), dossier.created_by)

    assert (report.errors, report.created, report.skipped) == ([], 2, 0)
    assert list(dossier.nominations.order_by("position").values_list(
        "position", "unit__name", "person__full_name", "person__birth_date", "award_type__code",
    )) == [
        (1, "Trường THPT Việt Bắc", None, None, "co-thi-dua-ubnd-tinh"),
        (2, None, "Lý Văn Cường", datetime.date(1982, 11, 20), "chien-si-thi-dua-cap-tinh"),
    ]


def test_an_untouched_template_has_no_data_rows(dossier):
    report = import_nominees(dossier, upload(build_template(dossier)), dossier.created_by)

    assert report.error_texts == [EMPTY]
    assert counts() == (0, 0, 0)


# ---------------------------------------------------------------------------------------------
# Faults: exact messages, nothing saved
# ---------------------------------------------------------------------------------------------


def docx_like_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "name"), [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "danh-sach.xlsx"),
    ("STT;Tên tập thể/cá nhân/hộ gia đình\n1;Nguyễn Văn A\n".encode(), "danh-sach.xlsx"),
    (docx_like_zip(), "danh-sach.xlsx"),
    (b"PK\x03\x04" + b"\x00" * 200, "danh-sach.xlsx"),
    (b"", "danh-sach.xlsx"),
], ids=["pdf", "text", "docx", "broken-zip", "empty-file"])
def test_wrong_file_type(dossier, data, name):
    report = import_nominees(dossier, upload(data, name), dossier.created_by)

    assert report.error_texts == [NOT_XLSX]
    assert [(e.row, e.column) for e in report.errors] == [(0, "")]
    assert (report.created, report.skipped) == (0, 0)
    assert counts() == (0, 0, 0)


def test_a_truncated_xlsx_is_the_wrong_file_type(dossier):
    data = xlsx([line("Văn phòng Sở", "Bằng khen của UBND tỉnh", "Tập thể")])

    report = import_nominees(dossier, upload(data[: len(data) // 2]), dossier.created_by)

    assert report.error_texts == [NOT_XLSX]
    assert counts() == (0, 0, 0)


def test_missing_columns(dossier):
    header = [c for c in TEMPLATE_COLUMNS if c not in (GENDER, BIRTH)]
    rows = [["1", "Văn phòng Sở", "", "", "Bằng khen của UBND tỉnh", "Tập thể", ""]]

    report = import_nominees(dossier, upload(xlsx(rows, header=header)), dossier.created_by)

    assert report.error_texts == ['Thiếu cột "Giới tính".', 'Thiếu cột "Ngày sinh".']
    assert [(e.row, e.column) for e in report.errors] == [(0, GENDER), (0, BIRTH)]
    assert counts() == (0, 0, 0)


def test_a_sheet_without_any_header_lacks_every_required_column(dossier):
    report = import_nominees(dossier, upload(xlsx([["Nguyễn Văn A", "Nam"]], header=["Họ tên", "Giới"])),
                             dossier.created_by)

    assert report.error_texts == [f'Thiếu cột "{column}".' for column in TEMPLATE_COLUMNS[:-1]]
    assert counts() == (0, 0, 0)


def test_a_repeated_column(dossier):
    header = [*TEMPLATE_COLUMNS, "ngày sinh"]
    report = import_nominees(dossier, upload(xlsx([line("Văn phòng Sở", "Bằng khen của UBND tỉnh", "Tập thể")],
                                                  header=header)), dossier.created_by)

    assert report.error_texts == ['Cột "Ngày sinh" xuất hiện nhiều lần ở dòng tiêu đề.']
    assert counts() == (0, 0, 0)


def test_bad_dates(dossier, school):
    rows = [
        line("Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp"),
        line("Nguyễn Văn Hải", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", birth="31/02/1980"),
        line("Nguyễn Văn Hà", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", birth=1975),
        line("Nguyễn Văn Hòa", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", birth="1975"),
        line("Nguyễn Văn Hợp", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", birth="12/07/2150"),
        line("Nguyễn Văn Hưng", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", birth=datetime.datetime(1850, 1, 2)),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 4, cột "Ngày sinh": ngày sinh "31/02/1980" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).',
        'Dòng 5, cột "Ngày sinh": ngày sinh "1975" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).',
        'Dòng 6, cột "Ngày sinh": ngày sinh "1975" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).',
        'Dòng 7, cột "Ngày sinh": ngày sinh "12/07/2150" không hợp lệ (phải từ năm 1900 đến nay).',
        'Dòng 8, cột "Ngày sinh": ngày sinh "02/01/1850" không hợp lệ (phải từ năm 1900 đến nay).',
    ]
    assert (report.errors[0].row, report.errors[0].column) == (4, "Ngày sinh")
    assert (report.created, report.skipped) == (0, 0)
    assert counts() == (0, 0, 0)


def test_unknown_award_types(dossier):
    rows = [
        line("Văn phòng Sở", "Bằng khen của Giám đốc Sở", "Tập thể"),
        line("Phòng Tổ chức cán bộ", "Bằng khen của Thủ tướng Chính phủ", "Tập thể"),
        line("Phòng Kế hoạch - Tài chính", "Xã, phường, đặc khu tiêu biểu", "Tập thể"),
        line("Phòng Giáo dục Mầm non", None, "Tập thể"),
        line("Phòng Giáo dục Tiểu học", "Bằng khen của UBND tỉnh", "Tập thể"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 3, cột "Danh hiệu/Hình thức khen thưởng": không có danh hiệu, hình thức "Bằng khen của Giám đốc Sở" '
        'thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh có hiệu lực năm 2020 (xem trang "Hướng dẫn" của tệp mẫu).',
        'Dòng 4, cột "Danh hiệu/Hình thức khen thưởng": "Bằng khen của Thủ tướng Chính phủ" thuộc thẩm quyền '
        "Thủ tướng Chính phủ, không thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh của hồ sơ này.",
        'Dòng 5, cột "Danh hiệu/Hình thức khen thưởng": không có danh hiệu, hình thức "Xã, phường, đặc khu tiêu biểu" '
        'thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh có hiệu lực năm 2020 (xem trang "Hướng dẫn" của tệp mẫu).',
        'Dòng 6, cột "Danh hiệu/Hình thức khen thưởng": chưa nhập danh hiệu, hình thức khen thưởng.',
    ]
    assert counts() == (0, 0, 0)


def test_award_not_allowed_for_the_recipient_kind(dossier):
    rows = [
        line("Lương Văn Tú", "Cờ thi đua của UBND tỉnh", "Cá nhân", gender="Nam"),
        line("Gia đình bà Hoàng Thị Nga", "Kỷ niệm chương của tỉnh", "Hộ gia đình"),
        line("Văn phòng Sở", "Chiến sĩ thi đua cấp tỉnh", "Cơ quan hành chính"),
        line("Phòng Giáo dục Tiểu học", "Bằng khen của UBND tỉnh", "Tập thể"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 3, cột "Danh hiệu/Hình thức khen thưởng": "Cờ thi đua của Ủy ban nhân dân tỉnh" không tặng cho cá nhân; '
        "chỉ tặng tập thể.",
        'Dòng 4, cột "Danh hiệu/Hình thức khen thưởng": "Kỷ niệm chương của tỉnh" không tặng cho hộ gia đình; '
        "chỉ tặng cá nhân.",
        'Dòng 5, cột "Danh hiệu/Hình thức khen thưởng": "Chiến sĩ thi đua cấp tỉnh" không tặng cho tập thể; '
        "chỉ tặng cá nhân.",
    ]
    assert counts() == (0, 0, 0)


def test_duplicate_rows(dossier, school, lan):
    rows = [
        line("Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp"),
        line("THPT Việt Bắc", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Tập thể"),
        line("Hoàng Thị Lan", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nữ", birth="12/07/1985",
             unit="Trường THPT Việt Bắc"),
        line("HOANG THI LAN", "bằng khen của chủ tịch ủy ban nhân dân tỉnh", "Cá nhân", gender="Nữ",
             birth=datetime.datetime(1985, 7, 12), unit="THPT Việt Bắc"),
        line("Hoàng Thị Lan", "Chiến sĩ thi đua cấp tỉnh", "Cá nhân", gender="Nữ", birth="12/07/1985",
             unit="Trường THPT Việt Bắc"),
        line("Gia đình ông Vi Thanh Liêm", "Bằng khen của UBND tỉnh", "Hộ gia đình"),
        line("gia dinh ong vi thanh liem", "Bằng khen của UBND tỉnh", "Hộ gia đình"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 4, cột "Tên tập thể/cá nhân/hộ gia đình": trùng với dòng 3 (cùng đối tượng, cùng danh hiệu, hình thức).',
        'Dòng 6, cột "Tên tập thể/cá nhân/hộ gia đình": trùng với dòng 5 (cùng đối tượng, cùng danh hiệu, hình thức).',
        'Dòng 9, cột "Tên tập thể/cá nhân/hộ gia đình": trùng với dòng 8 (cùng đối tượng, cùng danh hiệu, hình thức).',
    ]
    assert counts() == (0, 1, 0)


@pytest.mark.parametrize("rows", [
    [],
    [line(), line(stt=1), line(stt=2), line("Phòng Kế hoạch", "Bằng khen của UBND tỉnh", "Tập thể", stt="Ví dụ")],
], ids=["header-only", "blank-numbered-and-example-rows"])
def test_empty_sheet(dossier, rows):
    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [EMPTY]
    assert counts() == (0, 0, 0)


def test_a_blank_workbook_is_an_empty_sheet(dossier):
    buffer = io.BytesIO()
    Workbook().save(buffer)

    report = import_nominees(dossier, upload(buffer.getvalue()), dossier.created_by)

    assert report.error_texts == [EMPTY]
    assert counts() == (0, 0, 0)


def test_unknown_unit(dossier, school):
    rows = [
        line("Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp"),
        line("Hà Văn Bình", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam", unit="Sở Du lịch"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        "Dòng 4, cột \"Đơn vị công tác\": Không tìm thấy đơn vị 'Sở Du lịch'.",
    ]
    assert counts() == (0, 0, 0)


def test_bad_gender(dossier):
    rows = [
        line("Hà Văn Bình", "Bằng khen của UBND tỉnh", "Cá nhân", gender="Nam giới"),
        line("Hà Thị Cúc", "Bằng khen của UBND tỉnh", "Cá nhân"),
        line("Văn phòng Sở", "Bằng khen của UBND tỉnh", "Tập thể", gender="Nam giới"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 3, cột "Giới tính": giới tính "Nam giới" không hợp lệ (ghi "Nam" hoặc "Nữ").',
        'Dòng 4, cột "Giới tính": chưa nhập giới tính (ghi "Nam" hoặc "Nữ").',
    ]
    assert counts() == (0, 0, 0)


def test_every_problem_of_every_row_is_listed_in_row_then_column_order(dossier):
    rows = [
        line(None, "Giấy khen", None),
        line("Trần Thị Hoa", "Bằng khen của UBND tỉnh", "Công nhân", gender="Nữ"),
        line("Lưu Văn Phúc", "Cờ thi đua của UBND tỉnh", "Cá nhân", gender="X", birth="1/13/1990", unit="Sở Du lịch"),
    ]

    report = import_nominees(dossier, upload(xlsx(rows)), dossier.created_by)

    assert report.error_texts == [
        'Dòng 3, cột "Tên tập thể/cá nhân/hộ gia đình": chưa nhập tên tập thể, cá nhân hoặc hộ gia đình.',
        'Dòng 3, cột "Danh hiệu/Hình thức khen thưởng": "Giấy khen" thuộc thẩm quyền Thủ trưởng cơ quan, đơn vị, '
        "doanh nghiệp, không thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh của hồ sơ này.",
        'Dòng 3, cột "Phân loại đối tượng": chưa nhập phân loại đối tượng.',
        'Dòng 4, cột "Phân loại đối tượng": phân loại đối tượng "Công nhân" không có trong danh sách '
        '(xem trang "Hướng dẫn" của tệp mẫu).',
        'Dòng 5, cột "Giới tính": giới tính "X" không hợp lệ (ghi "Nam" hoặc "Nữ").',
        'Dòng 5, cột "Ngày sinh": ngày sinh "1/13/1990" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).',
        "Dòng 5, cột \"Đơn vị công tác\": Không tìm thấy đơn vị 'Sở Du lịch'.",
        'Dòng 5, cột "Danh hiệu/Hình thức khen thưởng": "Cờ thi đua của Ủy ban nhân dân tỉnh" không tặng cho cá nhân; '
        "chỉ tặng tập thể.",
    ]
    assert counts() == (0, 0, 0)


def test_a_zip_bomb_is_refused_before_it_is_opened(dossier, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(sheets, "load_workbook", never)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (50 * 1024 * 1024 + 1))
    assert len(buffer.getvalue()) < 1024 * 1024

    report = import_nominees(dossier, upload(buffer.getvalue()), dossier.created_by)

    assert report.error_texts == [TOO_LARGE]
    assert counts() == (0, 0, 0)


def test_more_than_5000_data_rows_is_refused(dossier):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(TEMPLATE_COLUMNS)
    for number in range(1, 5002):
        sheet.append(line(f"Tổ công tác số {number}", "Bằng khen của UBND tỉnh", "Tập thể", stt=number))
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = import_nominees(dossier, upload(buffer.getvalue()), dossier.created_by)

    assert report.error_texts == [TOO_MANY_ROWS]
    assert counts() == (0, 0, 0)


def test_error_text_of_a_whole_file_problem_is_just_the_message():
    assert sheets.ImportError(0, "", EMPTY).text == EMPTY
    assert sheets.ImportError(7, "Ngày sinh", "x.").text == 'Dòng 7, cột "Ngày sinh": x.'
