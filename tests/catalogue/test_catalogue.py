"""The catalogue loaded by awards/migrations/0002_load_catalogue.py (the test database runs it)."""

from __future__ import annotations

import datetime
import importlib
import unicodedata
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import connection

from awards.catalogue.in_force import CatalogueError, award_type_on, award_types_on, base_salary_on, legal_bases_on
from awards.catalogue.versions import add_award_type_version, versions_of
from awards.enums import Authority, AwardFamily, LegalDocumentKind
from awards.models import AwardType, BaseSalary, LegalDocument

pytestmark = pytest.mark.django_db

D = Decimal
day = datetime.date
TODAY = day(2026, 11, 23)

EXPECTED_CODES = {
    # 2.1 danh hiệu thi đua
    "chien-si-thi-dua-toan-quoc", "chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-co-so",
    "lao-dong-tien-tien", "chien-si-tien-tien",
    "co-thi-dua-chinh-phu", "co-thi-dua-ubnd-tinh",
    "tap-the-lao-dong-xuat-sac", "don-vi-quyet-thang", "tap-the-lao-dong-tien-tien", "don-vi-tien-tien",
    "xa-phuong-tieu-bieu", "thon-to-dan-pho-van-hoa", "gia-dinh-van-hoa",
    # 2.2.1 Huân chương
    "huan-chuong-sao-vang", "huan-chuong-ho-chi-minh",
    "huan-chuong-doc-lap-hang-nhat", "huan-chuong-doc-lap-hang-nhi", "huan-chuong-doc-lap-hang-ba",
    "huan-chuong-quan-cong-hang-nhat", "huan-chuong-quan-cong-hang-nhi", "huan-chuong-quan-cong-hang-ba",
    "huan-chuong-lao-dong-hang-nhat", "huan-chuong-lao-dong-hang-nhi", "huan-chuong-lao-dong-hang-ba",
    "huan-chuong-chien-cong-hang-nhat", "huan-chuong-chien-cong-hang-nhi", "huan-chuong-chien-cong-hang-ba",
    "huan-chuong-bao-ve-to-quoc-hang-nhat", "huan-chuong-bao-ve-to-quoc-hang-nhi",
    "huan-chuong-bao-ve-to-quoc-hang-ba",
    "huan-chuong-dai-doan-ket-dan-toc", "huan-chuong-dung-cam", "huan-chuong-huu-nghi",
    # 2.2.2 Huy chương
    "huy-chuong-quan-ky-quyet-thang", "huy-chuong-vi-an-ninh-to-quoc",
    "huy-chuong-chien-si-ve-vang-hang-nhat", "huy-chuong-chien-si-ve-vang-hang-nhi",
    "huy-chuong-chien-si-ve-vang-hang-ba", "huy-chuong-thanh-nien-xung-phong-ve-vang", "huy-chuong-huu-nghi",
    # 2.2.3 Danh hiệu vinh dự nhà nước
    "ba-me-viet-nam-anh-hung", "anh-hung-luc-luong-vu-trang-nhan-dan", "anh-hung-lao-dong",
    "nha-giao-nhan-dan", "thay-thuoc-nhan-dan", "nghe-si-nhan-dan", "nghe-nhan-nhan-dan",
    "nha-giao-uu-tu", "thay-thuoc-uu-tu", "nghe-si-uu-tu", "nghe-nhan-uu-tu",
    # 2.2.4 Giải thưởng
    "giai-thuong-ho-chi-minh", "giai-thuong-nha-nuoc",
    # 2.2.5 Kỷ niệm chương
    "ky-niem-chuong-ubtvqh", "ky-niem-chuong-bo-nganh-doan-the", "ky-niem-chuong-tinh",
    # 2.2.6 Bằng khen, 2.2.7 Giấy khen
    "bang-khen-thu-tuong", "bang-khen-chu-tich-ubnd-tinh", "bang-khen-quan-khu-dhqg",
    "giay-khen", "giay-khen-chu-tich-ubnd-xa",
}  # fmt: skip

TWO_VERSION_CODES = {"bang-khen-chu-tich-ubnd-tinh", "xa-phuong-tieu-bieu", "giay-khen-chu-tich-ubnd-xa"}


def _load_module():
    return importlib.import_module("awards.migrations.0002_load_catalogue")


# --- rows present ------------------------------------------------------------------------------


def test_full_set_of_codes():
    assert set(AwardType.objects.values_list("code", flat=True)) == EXPECTED_CODES
    assert AwardType.objects.count() == len(EXPECTED_CODES) + len(TWO_VERSION_CODES)


def test_every_code_has_exactly_one_version_in_force_today():
    for code in EXPECTED_CODES:
        assert award_type_on(code, TODAY).valid_to is None, code
    assert award_types_on(TODAY).count() == len(EXPECTED_CODES)


def test_every_family_has_rows():
    families = set(AwardType.objects.values_list("family", flat=True))
    assert families == set(AwardFamily.values)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Huân chương Lao động hạng Ba", "huan-chuong-lao-dong-hang-ba"),
        ("Cờ thi đua của Ủy ban nhân dân tỉnh", "co-thi-dua-ubnd-tinh"),
        ("Bằng khen của Thủ tướng Chính phủ", "bang-khen-thu-tuong"),
        ("Chiến sĩ thi đua cơ sở", "chien-si-thi-dua-co-so"),
        ("Gia đình văn hóa", "gia-dinh-van-hoa"),
        ("Chiến sĩ thi đua cấp tỉnh", "chien-si-thi-dua-cap-tinh"),
        ("Cờ thi đua của Chính phủ", "co-thi-dua-chinh-phu"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang-khen-chu-tich-ubnd-tinh"),
        ("Tập thể lao động xuất sắc", "tap-the-lao-dong-xuat-sac"),
        ("Đơn vị quyết thắng", "don-vi-quyet-thang"),
        ("Huân chương Độc lập hạng Nhất", "huan-chuong-doc-lap-hang-nhat"),
        ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "huy-chuong-chien-si-ve-vang-hang-nhi"),
        ("Nghệ nhân ưu tú", "nghe-nhan-uu-tu"),
        ("Giấy khen", "giay-khen"),
    ],
)
def test_exact_names(name, code):
    assert award_type_on(code, TODAY).name == name


def test_all_text_is_nfc():
    for row in AwardType.objects.all():
        for value in (row.name, row.short_name, row.series, row.legal_citation, row.note):
            assert unicodedata.is_normalized("NFC", value), (row.code, value)
    for doc in LegalDocument.objects.all():
        assert unicodedata.is_normalized("NFC", doc.title)
        assert unicodedata.is_normalized("NFC", doc.basis_text)


def test_data_keys_are_model_fields():
    data = importlib.import_module("awards.migrations._catalogue_data")
    # required_attachments came with migration 0003 and is filled by 0004, after this data is loaded.
    award_fields = {f.name for f in AwardType._meta.concrete_fields} - {"id", "required_attachments"}
    assert all(set(row) == award_fields for row in data.AWARD_TYPES)
    # body came with migration 0011 (deciding bodies); the national texts loaded here belong to no body.
    doc_fields = ({f.name for f in LegalDocument._meta.concrete_fields} - {"id", "replaced_by", "body"}) | {
        "replaced_by_number"
    }
    assert all(set(row) == doc_fields for row in data.LEGAL_DOCUMENTS)
    salary_fields = {f.name for f in BaseSalary._meta.concrete_fields} - {"id"}
    assert all(set(row) == salary_fields for row in data.BASE_SALARIES)


# --- field values ------------------------------------------------------------------------------


def test_short_names_and_report_names():
    assert award_type_on("co-thi-dua-ubnd-tinh", TODAY).short_name == "Cờ thi đua của UBND tỉnh"
    bang_khen = award_type_on("bang-khen-chu-tich-ubnd-tinh", TODAY)
    assert bang_khen.short_name == "Bằng khen của Chủ tịch UBND tỉnh"
    assert bang_khen.report_name == "Bằng khen của Chủ tịch UBND tỉnh"
    assert award_type_on("bang-khen-thu-tuong", TODAY).report_name == "Bằng khen của Thủ tướng Chính phủ"


def test_classes_and_series():
    for award_class, label in [(1, "Nhất"), (2, "Nhì"), (3, "Ba")]:
        slug = {1: "nhat", 2: "nhi", 3: "ba"}[award_class]
        row = award_type_on(f"huan-chuong-lao-dong-hang-{slug}", TODAY)
        assert row.name == f"Huân chương Lao động hạng {label}"
        assert row.series == "Huân chương Lao động"
        assert row.award_class == award_class
    classed = AwardType.objects.exclude(award_class=None)
    assert classed.count() == 18  # 5 Huân chương series and Huy chương Chiến sĩ vẻ vang, 3 classes each
    assert not classed.filter(series="").exists()
    assert not AwardType.objects.filter(award_class=None).exclude(series="").exists()


@pytest.mark.parametrize(
    ("code", "authority"),
    [
        ("huan-chuong-lao-dong-hang-ba", Authority.PRESIDENT),
        ("huy-chuong-quan-ky-quyet-thang", Authority.PRESIDENT),
        ("anh-hung-lao-dong", Authority.PRESIDENT),
        ("giai-thuong-ho-chi-minh", Authority.PRESIDENT),
        ("chien-si-thi-dua-toan-quoc", Authority.PRIME_MINISTER),
        ("co-thi-dua-chinh-phu", Authority.PRIME_MINISTER),
        ("bang-khen-thu-tuong", Authority.PRIME_MINISTER),
        ("chien-si-thi-dua-cap-tinh", Authority.PROVINCE_CHAIR),
        ("co-thi-dua-ubnd-tinh", Authority.PROVINCE_CHAIR),
        ("tap-the-lao-dong-xuat-sac", Authority.PROVINCE_CHAIR),
        ("bang-khen-chu-tich-ubnd-tinh", Authority.PROVINCE_CHAIR),
        ("xa-phuong-tieu-bieu", Authority.PROVINCE_CHAIR),
        ("ky-niem-chuong-tinh", Authority.PROVINCE_CHAIR),
        ("lao-dong-tien-tien", Authority.UNIT_HEAD),
        ("chien-si-thi-dua-co-so", Authority.UNIT_HEAD),
        ("tap-the-lao-dong-tien-tien", Authority.UNIT_HEAD),
        ("giay-khen", Authority.UNIT_HEAD),
        ("thon-to-dan-pho-van-hoa", Authority.COMMUNE_CHAIR),
        ("gia-dinh-van-hoa", Authority.COMMUNE_CHAIR),
        ("chien-si-tien-tien", Authority.MINISTRY),
        ("don-vi-tien-tien", Authority.MINISTRY),
        ("don-vi-quyet-thang", Authority.MINISTRY),
        ("bang-khen-quan-khu-dhqg", Authority.MINISTRY),
        ("ky-niem-chuong-ubtvqh", Authority.MINISTRY),
    ],
)
def test_authority(code, authority):
    assert award_type_on(code, TODAY).authority == authority


@pytest.mark.parametrize(
    ("code", "flags"),
    [
        ("huan-chuong-lao-dong-hang-ba", (True, True, False)),
        ("bang-khen-chu-tich-ubnd-tinh", (True, True, True)),
        ("bang-khen-thu-tuong", (True, True, True)),
        ("giay-khen", (True, True, True)),
        ("gia-dinh-van-hoa", (False, False, True)),
        ("lao-dong-tien-tien", (False, True, False)),
        ("co-thi-dua-ubnd-tinh", (True, False, False)),
        ("thon-to-dan-pho-van-hoa", (True, False, False)),
    ],
)
def test_recipient_flags(code, flags):
    row = award_type_on(code, TODAY)
    assert (row.for_collective, row.for_individual, row.for_household) == flags


def test_families_of_emulation_titles():
    for code in [
        "co-thi-dua-ubnd-tinh", "co-thi-dua-chinh-phu", "chien-si-thi-dua-co-so", "lao-dong-tien-tien",
        "tap-the-lao-dong-tien-tien", "xa-phuong-tieu-bieu", "thon-to-dan-pho-van-hoa", "gia-dinh-van-hoa",
    ]:
        row = award_type_on(code, TODAY)
        assert row.family == AwardFamily.EMULATION_TITLE
        assert row.is_yearly is True
    assert not AwardType.objects.exclude(family=AwardFamily.EMULATION_TITLE).filter(is_yearly=True).exists()


def test_multipliers_none_where_recipient_not_allowed():
    for row in AwardType.objects.all():
        for flag, bonus in [
            (row.for_collective, row.bonus_collective),
            (row.for_individual, row.bonus_individual),
            (row.for_household, row.bonus_household),
        ]:
            if not flag:
                assert bonus is None, row.code


# --- multipliers and thresholds in force ---------------------------------------------------------


@pytest.mark.parametrize("on", [day(2025, 7, 1), TODAY])
def test_bang_khen_tinh_under_nd152(on):
    row = award_type_on("bang-khen-chu-tich-ubnd-tinh", on)
    assert (row.bonus_individual, row.bonus_collective, row.bonus_household) == (D("1.50"), D("3.00"), D("2.25"))
    assert row.valid_from == day(2025, 7, 1)
    assert row.valid_to is None


@pytest.mark.parametrize("on", [day(2025, 6, 30), day(2020, 1, 1)])
def test_bang_khen_tinh_under_nd91(on):
    row = award_type_on("bang-khen-chu-tich-ubnd-tinh", on)
    assert (row.bonus_individual, row.bonus_collective, row.bonus_household) == (D("1.00"), D("2.00"), D("1.50"))
    assert (row.valid_from, row.valid_to) == (day(2017, 7, 31), day(2025, 6, 30))


def test_bang_khen_thu_tuong_and_giay_khen():
    ttg = award_type_on("bang-khen-thu-tuong", TODAY)
    assert (ttg.bonus_individual, ttg.bonus_collective, ttg.bonus_household) == (D("3.5"), D("7.0"), D("5.25"))
    giay_khen = award_type_on("giay-khen", TODAY)
    assert (giay_khen.bonus_individual, giay_khen.bonus_collective, giay_khen.bonus_household) == (
        D("0.3"), D("0.6"), D("0.45"),
    )


def test_co_thi_dua_tinh_collective_only():
    row = award_type_on("co-thi-dua-ubnd-tinh", TODAY)
    assert row.bonus_collective == D("8.0")
    assert row.bonus_individual is None
    assert row.bonus_household is None
    assert award_type_on("co-thi-dua-chinh-phu", TODAY).bonus_collective == D("12.0")


@pytest.mark.parametrize(
    ("code", "individual", "collective"),
    [
        ("huan-chuong-lao-dong-hang-ba", "4.5", "9.0"),
        ("huan-chuong-lao-dong-hang-nhi", "7.5", "15.0"),
        ("huan-chuong-lao-dong-hang-nhat", "9.0", "18.0"),
        ("huan-chuong-doc-lap-hang-ba", "10.5", "21.0"),
        ("huan-chuong-sao-vang", "46.0", "92.0"),
        ("huan-chuong-ho-chi-minh", "30.5", "61.0"),
        ("anh-hung-lao-dong", "15.5", "31.0"),
    ],
)
def test_state_honour_multipliers(code, individual, collective):
    row = award_type_on(code, TODAY)
    assert row.multiplier_for("ca_nhan") == D(individual)
    assert row.multiplier_for("tap_the") == D(collective)


@pytest.mark.parametrize(
    ("code", "bonus"),
    [
        ("lao-dong-tien-tien", ("ca_nhan", "0.3")),
        ("chien-si-thi-dua-co-so", ("ca_nhan", "1.0")),
        ("chien-si-thi-dua-cap-tinh", ("ca_nhan", "3.0")),
        ("chien-si-thi-dua-toan-quoc", ("ca_nhan", "4.5")),
        ("tap-the-lao-dong-tien-tien", ("tap_the", "0.8")),
        ("tap-the-lao-dong-xuat-sac", ("tap_the", "1.5")),
        ("xa-phuong-tieu-bieu", ("tap_the", "2.0")),
        ("thon-to-dan-pho-van-hoa", ("tap_the", "1.5")),
    ],
)
def test_emulation_title_multipliers(code, bonus):
    kind, value = bonus
    assert award_type_on(code, TODAY).multiplier_for(kind) == D(value)


def test_gia_dinh_van_hoa_has_no_bonus():
    row = award_type_on("gia-dinh-van-hoa", TODAY)
    assert (row.bonus_individual, row.bonus_collective, row.bonus_household) == (None, None, None)


@pytest.mark.parametrize(
    ("code", "threshold"),
    [
        ("chien-si-thi-dua-cap-tinh", "90"),
        ("chien-si-thi-dua-toan-quoc", "90"),
        ("anh-hung-lao-dong", "90"),
        ("anh-hung-luc-luong-vu-trang-nhan-dan", "90"),
        ("chien-si-thi-dua-co-so", "80"),
        ("co-thi-dua-ubnd-tinh", "80"),
        ("co-thi-dua-chinh-phu", "80"),
    ],
)
def test_vote_thresholds(code, threshold):
    row = award_type_on(code, TODAY)
    assert row.requires_council_vote is True
    assert row.vote_threshold_pct == D(threshold)


def test_no_vote_for_the_rest():
    voted = set(AwardType.objects.filter(requires_council_vote=True).values_list("code", flat=True))
    assert voted == {
        "chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-toan-quoc", "anh-hung-lao-dong",
        "anh-hung-luc-luong-vu-trang-nhan-dan", "chien-si-thi-dua-co-so", "co-thi-dua-ubnd-tinh",
        "co-thi-dua-chinh-phu",
    }
    assert not AwardType.objects.filter(requires_council_vote=False).exclude(vote_threshold_pct=None).exists()


def test_xa_phuong_tieu_bieu_renamed_on_1_july_2025():
    assert award_type_on("xa-phuong-tieu-bieu", day(2025, 6, 30)).name == "Xã, phường, thị trấn tiêu biểu"
    assert award_type_on("xa-phuong-tieu-bieu", day(2025, 7, 1)).name == "Xã, phường, đặc khu tiêu biểu"
    assert [v.valid_from for v in versions_of("xa-phuong-tieu-bieu")] == [day(2025, 7, 1), day(2017, 7, 31)]


def test_single_version_rows_start_with_catalogue():
    for row in AwardType.objects.exclude(code__in=TWO_VERSION_CODES):
        assert (row.valid_from, row.valid_to) == (day(2017, 7, 31), None), row.code


def test_uncertainty_is_noted():
    assert "[M]" in award_type_on("tap-the-lao-dong-xuat-sac", TODAY).note
    assert "chưa đối chiếu NĐ 91/2017/NĐ-CP và NĐ 98/2023/NĐ-CP" in award_type_on("giay-khen", TODAY).note
    assert award_type_on("co-thi-dua-ubnd-tinh", TODAY).legal_citation == (
        "Luật TĐKT 2022 Điều 26; NĐ 152/2025/NĐ-CP Điều 50"
    )


def test_sort_order_puts_families_in_order():
    rows = list(award_types_on(TODAY))
    families = [row.family for row in rows]
    first_index = {family: families.index(family) for family in AwardFamily.values}
    assert sorted(first_index, key=first_index.get) == list(AwardFamily.values)
    assert rows[0].code == "chien-si-thi-dua-toan-quoc"
    assert rows[-1].code == "giay-khen"


# --- base salary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "amount"),
    [
        (day(2018, 7, 1), 1_390_000),
        (day(2019, 6, 30), 1_390_000),
        (day(2019, 7, 1), 1_490_000),
        (day(2023, 7, 1), 1_800_000),
        (day(2024, 6, 30), 1_800_000),
        (day(2024, 7, 1), 2_340_000),
        (TODAY, 2_340_000),
    ],
)
def test_base_salary_on(on, amount):
    assert base_salary_on(on) == amount


def test_base_salary_before_first_row_is_an_error():
    with pytest.raises(CatalogueError):
        base_salary_on(day(2018, 6, 30))


def test_no_unverified_2026_salary():
    assert list(BaseSalary.objects.order_by("valid_from").values_list("amount", flat=True)) == [
        1_390_000, 1_490_000, 1_800_000, 2_340_000,
    ]


# --- legal documents -----------------------------------------------------------------------------


def test_legal_bases_2020():
    bases = list(legal_bases_on(day(2020, 6, 1)))
    assert [doc.number for doc in bases] == ["77/2015/QH13", "15/2003/QH11", "47/2005/QH11", "39/2013/QH13",
                                             "91/2017/NĐ-CP", "30/2014/QĐ-UBND"]
    assert [doc.basis_text for doc in bases[1:4]] == [
        "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;",
    ]


def test_legal_bases_2020_after_amending_law():
    assert [doc.number for doc in legal_bases_on(day(2021, 1, 1))] == [
        "77/2015/QH13", "47/2019/QH14", "15/2003/QH11", "47/2005/QH11", "39/2013/QH13", "91/2017/NĐ-CP",
        "30/2014/QĐ-UBND",
    ]


def test_legal_bases_2024():
    assert [doc.number for doc in legal_bases_on(day(2024, 6, 1))] == [
        "77/2015/QH13", "47/2019/QH14", "06/2022/QH15", "98/2023/NĐ-CP",
    ]


def test_legal_bases_2025_after_nd152():
    bases = list(legal_bases_on(day(2025, 8, 1)))
    assert [doc.number for doc in bases] == ["72/2025/QH15", "06/2022/QH15", "152/2025/NĐ-CP"]
    assert [doc.basis_text for doc in bases] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
        "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
        "điều của Luật Thi đua, khen thưởng;",
    ]


def test_basis_lines_end_with_semicolon_and_others_are_not_bases():
    for doc in LegalDocument.objects.exclude(basis_text=""):
        assert doc.basis_text.startswith("Căn cứ ") and doc.basis_text.endswith(";"), doc.number
    assert set(LegalDocument.objects.filter(basis_text="").values_list("number", flat=True)) == {
        "02/2023/TT-BNV", "30/2020/NĐ-CP", "73/2024/NĐ-CP",
    }


def test_replacement_chain():
    def successor(number):
        replaced_by = LegalDocument.objects.get(number=number).replaced_by
        return replaced_by.number if replaced_by else None

    assert successor("15/2003/QH11") == "06/2022/QH15"
    assert successor("91/2017/NĐ-CP") == "98/2023/NĐ-CP"
    assert successor("98/2023/NĐ-CP") == "152/2025/NĐ-CP"
    assert successor("77/2015/QH13") == "65/2025/QH15"
    assert successor("65/2025/QH15") == "72/2025/QH15"
    assert successor("152/2025/NĐ-CP") is None


def test_nd152_document():
    doc = LegalDocument.objects.get(number="152/2025/NĐ-CP")
    assert doc.kind == LegalDocumentKind.DECREE
    assert doc.issuer == "Chính phủ"
    assert (doc.issued_on, doc.valid_from, doc.valid_to) == (day(2025, 6, 14), day(2025, 7, 1), None)
    assert doc.title == (
        "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn "
        "thi hành một số điều của Luật Thi đua, khen thưởng"
    )
    nd98 = LegalDocument.objects.get(number="98/2023/NĐ-CP")
    assert (nd98.issued_on, nd98.valid_from, nd98.valid_to) == (day(2023, 12, 31), day(2024, 1, 1), day(2025, 6, 30))


# --- versioning services -------------------------------------------------------------------------


def test_add_award_type_version_closes_the_old_one():
    current = award_type_on("lao-dong-tien-tien", TODAY)
    new = add_award_type_version(current, day(2027, 3, 1), bonus_individual=D("0.40"), note="Thử nghiệm")
    current.refresh_from_db()
    assert current.valid_to == day(2027, 2, 28)
    assert current.bonus_individual == D("0.30")
    assert (new.valid_from, new.valid_to, new.bonus_individual, new.note) == (
        day(2027, 3, 1), None, D("0.40"), "Thử nghiệm",
    )
    assert new.name == "Lao động tiên tiến"
    assert award_type_on("lao-dong-tien-tien", day(2027, 2, 28)).pk == current.pk
    assert award_type_on("lao-dong-tien-tien", day(2027, 3, 1)).pk == new.pk


def test_add_award_type_version_refuses_a_date_not_after_the_start():
    current = award_type_on("lao-dong-tien-tien", TODAY)
    with pytest.raises(CatalogueError):
        add_award_type_version(current, current.valid_from, bonus_individual=D("0.40"))
    with pytest.raises(CatalogueError):
        add_award_type_version(current, day(2010, 1, 1))
    assert versions_of("lao-dong-tien-tien").count() == 1


def test_full_clean_refuses_an_overlapping_version():
    current = award_type_on("giay-khen", TODAY)
    clash = AwardType(
        code="giay-khen", name="Giấy khen", family=current.family, authority=current.authority,
        for_individual=True, valid_from=day(2010, 1, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        clash.full_clean()
    assert "valid_from" in excinfo.value.error_dict


# --- the migration itself ------------------------------------------------------------------------


def test_forward_function_is_idempotent():
    counts = (AwardType.objects.count(), LegalDocument.objects.count(), BaseSalary.objects.count())
    _load_module().load_catalogue(django_apps, SimpleNamespace(connection=connection))
    assert (AwardType.objects.count(), LegalDocument.objects.count(), BaseSalary.objects.count()) == counts
    assert award_type_on("bang-khen-chu-tich-ubnd-tinh", TODAY).bonus_individual == D("1.50")
    assert LegalDocument.objects.get(number="98/2023/NĐ-CP").replaced_by.number == "152/2025/NĐ-CP"


def test_forward_function_restores_an_edited_row():
    AwardType.objects.filter(code="giay-khen").update(bonus_individual=D("9.99"))
    LegalDocument.objects.filter(number="91/2017/NĐ-CP").update(replaced_by=None)
    _load_module().load_catalogue(django_apps, SimpleNamespace(connection=connection))
    assert award_type_on("giay-khen", TODAY).bonus_individual == D("0.30")
    assert LegalDocument.objects.get(number="91/2017/NĐ-CP").replaced_by.number == "98/2023/NĐ-CP"


def test_migration_depends_on_initial():
    assert _load_module().Migration.dependencies == [("awards", "0001_initial")]


def test_amending_laws_are_cited_from_the_day_they_came_into_force():
    """16/VBHN-VPQH (13/12/2013): Luật 47/2005/QH11 in force 27/6/2005, Luật 39/2013/QH13 on 01/6/2014."""
    assert list(LegalDocument.objects.filter(number__in=["47/2005/QH11", "39/2013/QH13"]).order_by("number")
                .values_list("number", "issued_on", "valid_from", "valid_to")) == [
        ("39/2013/QH13", day(2013, 11, 16), day(2014, 6, 1), day(2023, 12, 31)),
        ("47/2005/QH11", day(2005, 6, 14), day(2005, 6, 27), day(2023, 12, 31)),
    ]
    cited = {day_: [doc.number for doc in legal_bases_on(day_) if doc.number.endswith(("QH11", "QH13"))]
             for day_ in (day(2005, 6, 26), day(2005, 6, 27), day(2014, 5, 31), day(2014, 6, 1))}
    assert cited == {
        day(2005, 6, 26): ["15/2003/QH11"],
        day(2005, 6, 27): ["15/2003/QH11", "47/2005/QH11"],
        day(2014, 5, 31): ["15/2003/QH11", "47/2005/QH11"],
        day(2014, 6, 1): ["15/2003/QH11", "47/2005/QH11", "39/2013/QH13"],
    }
