"""Deciding bodies: the province's body made by migration 0012, a unit's bodies, signers and căn cứ, and who may
decide which award on a date (``catalogue.powers.may_decide``), one test per exit path."""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import connection

from awards.catalogue import bodies, in_force, powers
from awards.catalogue.in_force import award_type_on
from awards.models import DecidingPower, IssuingBody, LegalDocument, Signer, province_body
from tests.factories import UnitFactory, make_body, make_commune_body
from units.models import Unit, UnitKind

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def education(unit_a):
    return make_body(unit_a)


def test_migration_made_the_province_body():
    body = province_body()
    assert body.unit is None  # the test database has no unit tree when migrations run
    assert (body.kind, body.authority, body.head_title, body.short_title, body.issuer_lines, body.parent_name,
            body.authority_line, body.symbol, body.place, body.signature_title, body.deputy_title,
            body.fund_name, body.valid_from, body.valid_to) == (
        "tinh", "chu_tich_ubnd_tinh", "Chủ tịch UBND tỉnh Lạng Sơn", "Chủ tịch UBND tỉnh",
        ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], "", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "QĐ-UBND", "Lạng Sơn",
        "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Quỹ Thi đua, khen thưởng tỉnh", D(2004, 7, 1), None)


def test_migration_forward_attaches_a_new_province_body_to_the_root_of_an_existing_tree():
    module = importlib.import_module("awards.migrations.0012_province_body_and_powers")
    LegalDocument.objects.filter(body__isnull=False).delete()  # the province's Quy chế (migration 0019)
    IssuingBody.objects.all().delete()
    root = UnitFactory(code="ubnd-tinh", name="Ủy ban nhân dân tỉnh Lạng Sơn", kind=UnitKind.PROVINCE)
    UnitFactory(code="ubnd-tinh-cu", name="Ủy ban nhân dân tỉnh (cũ)", kind=UnitKind.PROVINCE, parent=root)
    module.forward(django_apps, SimpleNamespace(connection=connection))
    assert (province_body().unit, IssuingBody.objects.count()) == (root, 1)


def test_migration_forward_is_idempotent():
    module = importlib.import_module("awards.migrations.0012_province_body_and_powers")
    counts = (IssuingBody.objects.count(), Unit.objects.count(), DecidingPower.objects.count())
    module.forward(django_apps, SimpleNamespace(connection=connection))
    assert (IssuingBody.objects.count(), Unit.objects.count(), DecidingPower.objects.count()) == counts


def test_a_signer_or_decision_saved_without_a_body_belongs_to_the_province():
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=D(2020, 1, 1))
    assert signer.body == province_body()


def test_bodies_of_a_unit_on_a_date(unit_a):
    old = make_body(unit_a, valid_to=D(2025, 2, 28))
    new = make_body(unit_a, valid_from=D(2025, 3, 1), head_title="Giám đốc Sở Giáo dục và Đào tạo (sau sáp nhập)")
    assert list(bodies.bodies_of(unit_a, D(2024, 5, 1))) == [old]
    assert bodies.body_of(unit_a, D(2025, 3, 1)) == new
    assert bodies.body_of(UnitFactory(), D(2025, 3, 1)) is None


def test_signers_of_a_body_are_effective_dated_and_the_head_comes_first(education):
    deputy = Signer.objects.create(body=education, full_name="Nông Thị Hạnh", position="Phó Giám đốc",
                                   capacity="kt_chu_tich", valid_from=D(2020, 1, 1))
    head = Signer.objects.create(body=education, full_name="Trần Văn Hải", position="Giám đốc", capacity="chu_tich",
                                 valid_from=D(2020, 1, 1), valid_to=D(2022, 12, 31))
    Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                          valid_from=D(2020, 1, 1))
    assert list(bodies.signers_of(education, D(2021, 6, 1))) == [head, deputy]
    assert list(bodies.signers_of(education, D(2023, 6, 1))) == [deputy]
    assert bodies.signer_on(education, D(2021, 6, 1), "kt_chu_tich") == deputy


def test_legal_bases_of_a_unit_are_the_national_texts_and_its_own_quy_che(education):
    LegalDocument.objects.create(
        number="05/QĐ-SGDĐT", kind="quyet_dinh", title="Quy chế thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
        issuer="Sở Giáo dục và Đào tạo", issued_on=D(2024, 3, 1), valid_from=D(2024, 3, 1), body=education,
        basis_text="Căn cứ Quyết định số 05/QĐ-SGDĐT ngày 01 tháng 3 năm 2024 của Giám đốc Sở Giáo dục và Đào tạo "
                   "ban hành Quy chế thi đua, khen thưởng;", basis_order=50)
    LegalDocument.objects.create(
        number="20/2024/QĐ-UBND", kind="quyet_dinh", title="Quy chế công tác thi đua, khen thưởng tỉnh Lạng Sơn",
        issuer="UBND tỉnh Lạng Sơn", issued_on=D(2024, 4, 1), valid_from=D(2024, 4, 1),
        basis_text="Căn cứ Quyết định số 20/2024/QĐ-UBND của UBND tỉnh;", basis_order=40)
    day = D(2025, 8, 1)
    assert [d.number for d in in_force.legal_bases_on(day, education)] == [
        "72/2025/QH15", "06/2022/QH15", "152/2025/NĐ-CP", "05/QĐ-SGDĐT"]
    assert [d.number for d in in_force.legal_bases_on(day)] == [
        "72/2025/QH15", "06/2022/QH15", "152/2025/NĐ-CP", "20/2024/QĐ-UBND"]
    assert list(in_force.legal_bases_on(day, province_body())) == list(in_force.legal_bases_on(day))


# --- may_decide: one test per exit path ------------------------------------------------------------------------

def test_a_body_out_of_force_decides_nothing():
    commune = make_commune_body()
    allowed, reason = powers.may_decide(commune, award_type_on("lao-dong-tien-tien", D(2025, 12, 31)),
                                        D(2025, 8, 1))
    assert (allowed, reason) == (False, "Chủ tịch UBND xã Đề Thám không ban hành quyết định khen thưởng ngày "
                                        "01/08/2025 (hiệu lực từ 01/07/2004 đến 30/06/2025).")


def test_a_sở_decides_lao_dong_tien_tien_under_the_2022_law(education):
    assert powers.may_decide(education, award_type_on("lao-dong-tien-tien", D(2024, 12, 31)), D(2025, 1, 20)) == (
        True, "Lao động tiên tiến thuộc thẩm quyền của Giám đốc Sở Giáo dục và Đào tạo "
              "(Luật Thi đua, khen thưởng 2022 Điều 80 khoản 1).")


def test_a_sở_may_not_give_the_bằng_khen_of_the_province(education):
    award = award_type_on("bang-khen-chu-tich-ubnd-tinh", D(2025, 12, 31))
    assert powers.may_decide(education, award, D(2025, 12, 31)) == (
        False, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh không thuộc thẩm quyền của Giám đốc Sở Giáo dục và Đào "
               "tạo ngày 31/12/2025: thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh (Luật Thi đua, khen thưởng 2022 "
               "Điều 79).")


def test_in_2020_a_commune_decides_lao_dong_tien_tien_and_its_giay_khen_but_not_cstdcs():
    commune = make_commune_body()
    day = D(2020, 1, 15)
    assert powers.may_decide(commune, award_type_on("lao-dong-tien-tien", D(2019, 12, 31)), day) == (
        True, "Lao động tiên tiến thuộc thẩm quyền của Chủ tịch UBND xã Đề Thám "
              "(NĐ 91/2017/NĐ-CP Điều 43 khoản 2 điểm a).")
    assert powers.may_decide(commune, award_type_on("giay-khen-chu-tich-ubnd-xa", D(2019, 12, 31)), day)[0] is True
    assert powers.may_decide(commune, award_type_on("chien-si-thi-dua-co-so", D(2019, 12, 31)), day) == (
        False, "Chiến sĩ thi đua cơ sở không thuộc thẩm quyền của Chủ tịch UBND xã Đề Thám ngày 15/01/2020: thuộc "
               "thẩm quyền Thủ trưởng cơ quan, đơn vị, doanh nghiệp, Chủ tịch Ủy ban nhân dân cấp huyện "
               "(Luật Thi đua, khen thưởng 2003 Điều 80 khoản 1).")


def test_from_july_2025_a_commune_decides_chien_si_thi_dua_co_so():
    commune = make_commune_body("Thất Khê", valid_from=D(2025, 7, 1), valid_to=None)
    assert powers.may_decide(commune, award_type_on("chien-si-thi-dua-co-so", D(2025, 12, 31)), D(2025, 12, 20)) == (
        True, "Chiến sĩ thi đua cơ sở thuộc thẩm quyền của Chủ tịch UBND xã Thất Khê "
              "(Luật Thi đua, khen thưởng 2022 Điều 80; NĐ 129/2025/NĐ-CP Điều 59).")


def test_a_district_decides_until_30_june_2025_only():
    district = make_body(UnitFactory(name="Huyện Bình Gia", kind=UnitKind.DISTRICT), kind="huyen",
                         head_title="Chủ tịch UBND huyện Bình Gia", valid_from=D(2004, 7, 1))
    award = award_type_on("tap-the-lao-dong-tien-tien", D(2024, 12, 31))
    assert powers.may_decide(district, award, D(2025, 6, 30))[0] is True
    assert powers.may_decide(district, award, D(2025, 7, 1)) == (
        False, "Tập thể lao động tiên tiến không thuộc thẩm quyền của Chủ tịch UBND huyện Bình Gia ngày 01/07/2025: "
               "thuộc thẩm quyền Thủ trưởng cơ quan, đơn vị, doanh nghiệp (Luật Thi đua, khen thưởng 2022 Điều 80 "
               "khoản 1; Luật Thi đua, khen thưởng 2022 Điều 80 khoản 4); Chủ tịch Ủy ban nhân dân cấp xã "
               "(Luật Thi đua, khen thưởng 2022 Điều 80; NĐ 129/2025/NĐ-CP Điều 59).")


def test_an_award_decided_above_the_province_names_its_authority(education):
    award = award_type_on("huan-chuong-lao-dong-hang-ba", D(2025, 12, 31))
    assert powers.may_decide(province_body(), award, D(2025, 12, 31)) == (
        False, "Huân chương Lao động hạng Ba không thuộc thẩm quyền của Chủ tịch UBND tỉnh Lạng Sơn ngày 31/12/2025: "
               "thuộc thẩm quyền Chủ tịch nước.")


def test_the_province_still_decides_its_own_awards():
    award = award_type_on("bang-khen-chu-tich-ubnd-tinh", D(2020, 12, 31))
    assert powers.may_decide(province_body(), award, D(2021, 2, 6)) == (
        True, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh thuộc thẩm quyền của Chủ tịch UBND tỉnh Lạng Sơn "
              "(Luật Thi đua, khen thưởng 2003 Điều 79).")


def test_award_codes_a_commune_decides_before_and_after_the_reform():
    commune = make_commune_body()
    assert powers.award_codes_for(commune, D(2020, 1, 15)) == {"lao-dong-tien-tien", "giay-khen-chu-tich-ubnd-xa"}
    assert powers.award_codes_for(commune, D(2025, 7, 1)) == {
        "lao-dong-tien-tien", "giay-khen-chu-tich-ubnd-xa", "gia-dinh-van-hoa", "chien-si-thi-dua-co-so",
        "tap-the-lao-dong-tien-tien", "thon-to-dan-pho-van-hoa"}


def test_giay_khen_of_the_commune_chair_is_its_own_award_with_its_own_rate():
    before, after = award_type_on("giay-khen-chu-tich-ubnd-xa", D(2020, 6, 1)), award_type_on(
        "giay-khen-chu-tich-ubnd-xa", D(2025, 8, 1))
    unit_head = award_type_on("giay-khen", D(2020, 6, 1))
    assert (str(before.bonus_individual), str(before.bonus_collective), before.bonus_household) == ("0.15", "0.30", None)
    assert (str(after.bonus_individual), str(after.bonus_collective), str(after.bonus_household)) == (
        "0.30", "0.60", "0.45")
    assert (before.authority, unit_head.authority, str(unit_head.bonus_individual)) == (
        "chu_tich_ubnd_xa", "thu_truong_don_vi", "0.30")


def test_staff_edit_bodies_in_the_admin(client, staff, unit_b):
    client.force_login(staff)
    form = {
        "unit": unit_b.pk, "kind": "so_ban_nganh", "head_title": "Giám đốc Sở Y tế", "short_head_title": "",
        "valid_from": "01/01/2024", "valid_to": "", "parent_name": "UBND TỈNH LẠNG SƠN", "issuer_name": "SỞ Y TẾ",
        "symbol": "QĐ-SYT", "place": "Lạng Sơn", "authority_line": "GIÁM ĐỐC SỞ Y TẾ", "signature_title": "GIÁM ĐỐC",
        "deputy_title": "PHÓ GIÁM ĐỐC", "fund_name": "Quỹ Thi đua, khen thưởng của Sở Y tế", "note": "",
    }
    response = client.post("/admin/awards/issuingbody/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    body = IssuingBody.objects.get(unit=unit_b)
    assert (body.authority, body.symbol, body.issuer_lines) == ("thu_truong_don_vi", "QĐ-SYT", ["SỞ Y TẾ"])


def test_officers_never_reach_the_bodies_admin(client, officer_a):
    client.force_login(officer_a)
    response = client.get("/admin/awards/issuingbody/")
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/admin/login/")


def test_a_power_may_not_overlap_another_of_the_same_award_and_kind_of_body():
    power = DecidingPower(award_code="lao-dong-tien-tien", body_kind="xa_phuong", valid_from=D(2025, 1, 1),
                          legal_citation="Thử")
    with pytest.raises(ValidationError) as refused:
        power.full_clean()
    assert refused.value.message_dict == {"valid_from": [
        "Khoảng hiệu lực trùng với một dòng thẩm quyền khác của cùng mã và cùng loại cơ quan."]}
