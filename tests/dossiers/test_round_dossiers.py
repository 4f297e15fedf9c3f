"""A dossier addressed to the head of a unit (a unit's own round): whom the form offers, the award types the body
may decide that year (form and Excel import, with the reason and citation when not), completeness, titles the
body already gave flagged like duplicates, and "start from last year's list"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from awards.catalogue.in_force import award_type_on
from awards.dossiers import services
from awards.dossiers.importing.save import import_nominees
from awards.dossiers.rounds import copy_previous_year, prior_awards
from awards.models import Award, Dossier, Nomination
from tests.dossiers.round_support import CSTDCS, LDTT, D, round_of, teacher
from tests.dossiers.test_excel_import import line, upload, xlsx
from tests.factories import UnitFactory, UserFactory, make_body, make_commune_body, make_dossier
from units.models import Role, UnitKind

pytestmark = pytest.mark.django_db


def options(html: str) -> list[str]:
    """The texts of the "Trình ai quyết định" options."""
    select = re.search(r'<select name="authority".*?</select>', html, re.S).group(0)
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)]


def new_dossier(client, authority: str, year: int = 2024, **extra):
    return client.post(reverse("awards:dossier_create"), {
        "title": "Danh sách đề nghị Lao động tiên tiến", "occasion": "cong_trang", "year": str(year),
        "authority": authority, "submission_number": "", "submission_date": "", **extra})


# --- whom a dossier is addressed to -----------------------------------------------------------------------------

def test_the_form_offers_the_heads_of_the_officers_unit_and_of_the_units_above_it(client_for, school, school_officer,
                                                                                  education):
    make_body(school, kind="su_nghiep", head_title="Hiệu trưởng Trường THPT Việt Bắc", symbol="QĐ-THPTVB")
    page = client_for("school_officer").get(reverse("awards:dossier_create")).content.decode()
    assert options(page) == ["Chủ tịch Ủy ban nhân dân tỉnh", "Thủ tướng Chính phủ", "Chủ tịch nước",
                             "Hiệu trưởng Trường THPT Việt Bắc", "Giám đốc Sở Giáo dục và Đào tạo"]


def test_a_unit_with_no_deciding_body_is_offered_the_province_and_above_only(client_for, education):
    page = client_for("officer_b").get(reverse("awards:dossier_create")).content.decode()
    assert options(page) == ["Chủ tịch Ủy ban nhân dân tỉnh", "Thủ tướng Chính phủ", "Chủ tịch nước"]


def test_a_round_is_addressed_to_the_body(client_for, school, school_officer, education):
    response = new_dossier(client_for("school_officer"), f"body-{education.pk}")
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert (dossier.unit, dossier.body, dossier.authority, dossier.is_round) == (
        school, education, "thu_truong_don_vi", True)


def test_a_province_dossier_has_no_body(client_for, education):
    new_dossier(client_for("officer_a"), "chu_tich_ubnd_tinh")
    assert Dossier.objects.values_list("authority", "body").get() == ("chu_tich_ubnd_tinh", None)


def test_a_body_of_another_unit_cannot_be_posted(client_for, education, unit_b):
    response = new_dossier(client_for("officer_b"), f"body-{education.pk}")
    assert response.context["form"].errors["authority"] == [
        f"Hãy chọn một lựa chọn hợp lệ. body-{education.pk} không phải là một trong các lựa chọn khả thi."]
    assert not Dossier.objects.exists()


def test_a_body_that_has_ended_is_refused_for_a_later_year(client):
    commune = make_commune_body()
    client.force_login(_officer_of(commune.unit))
    response = new_dossier(client, f"body-{commune.pk}", year=2025)
    assert response.context["form"].errors["authority"] == [
        "Chủ tịch UBND xã Đề Thám không ban hành quyết định khen thưởng cho năm 2025 (hiệu lực từ 01/07/2004 đến "
        "30/06/2025)."]


def _officer_of(unit):
    return UserFactory(unit=unit, roles=[Role.UNIT_OFFICER])


# --- what a round may propose ------------------------------------------------------------------------------------

def offered(dossier) -> list[str]:
    return list(services.offered_award_types(dossier).order_by("sort_order").values_list("code", flat=True))


def test_a_sở_round_offers_the_four_base_titles(unit_a, officer_a, education):
    dossier = round_of(unit_a, officer_a, education, year=2020)
    assert offered(dossier) == [CSTDCS, LDTT, "tap-the-lao-dong-tien-tien", "giay-khen"]


def test_a_commune_round_of_2020_offers_what_the_commune_decided_then():
    commune = make_commune_body()
    dossier = round_of(commune.unit, _officer_of(commune.unit), commune, year=2020)
    assert offered(dossier) == [LDTT, "giay-khen-chu-tich-ubnd-xa"]


def test_a_commune_formed_in_2025_decides_cstdcs_its_collectives_and_its_villages_too():
    unit = UnitFactory(code="xa-that-khe", name="Xã Thất Khê", kind=UnitKind.COMMUNE, valid_from=D(2025, 7, 1))
    commune = make_body(unit, kind="xa_phuong", head_title="Chủ tịch UBND xã Thất Khê", symbol="QĐ-UBND",
                        valid_from=D(2025, 7, 1))
    dossier = round_of(unit, _officer_of(unit), commune, year=2025)
    assert offered(dossier) == [CSTDCS, LDTT, "tap-the-lao-dong-tien-tien", "thon-to-dan-pho-van-hoa",
                                "gia-dinh-van-hoa", "giay-khen-chu-tich-ubnd-xa"]


def test_the_nomination_form_offers_the_same_award_types(client_for, unit_a, officer_a, education):
    dossier = round_of(unit_a, officer_a, education, year=2020)
    page = client_for("officer_a").get(reverse("awards:award_options", args=[dossier.reference]),
                                       {"recipient_kind": "ca_nhan"}).content.decode()
    assert re.findall(r"<option[^>]*>([^<]+)</option>", page)[1:] == [
        "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen"]


def test_a_round_is_complete_only_with_the_body_s_titles(unit_a, officer_a, education):
    dossier = round_of(unit_a, officer_a, education, code="bang-khen-chu-tich-ubnd-tinh", year=2024)
    assert services.completeness_problems(dossier)[-1] == (
        "1 đề nghị không thuộc thẩm quyền của Giám đốc Sở Giáo dục và Đào tạo năm 2024.")
    assert services.completeness_problems(round_of(unit_a, officer_a, education, year=2024)) == []


# --- the Excel import ------------------------------------------------------------------------------------------

def test_the_import_accepts_the_base_titles_in_a_sở_round(unit_a, officer_a, education):
    dossier = Dossier.objects.create(unit=unit_a, body=education, authority="thu_truong_don_vi", year=2024,
                                     title="Danh sách năm học 2023 - 2024", occasion="cong_trang", created_by=officer_a)
    rows = [
        line("Lương Thị Trang", "Lao động tiên tiến", "Cá nhân", gender="Nữ", birth="05/03/1985"),
        line("Hoàng Văn Nam", "Chiến sĩ thi đua cơ sở", "Cá nhân", gender="Nam", birth="12/08/1979"),
        line("Sở Giáo dục và Đào tạo", "Tập thể lao động tiên tiến", "Tập thể"),
        line("Phòng Giáo dục trung học", "Giấy khen", "Tập thể"),
    ]
    report = import_nominees(dossier, upload(xlsx(rows)), officer_a)
    assert (report.error_texts, report.created, report.skipped) == ([], 4, 0)
    assert list(dossier.nominations.values_list("award_type__code", flat=True)) == [
        LDTT, CSTDCS, "tap-the-lao-dong-tien-tien", "giay-khen"]
    again = import_nominees(dossier, upload(xlsx(rows)), officer_a)
    assert (again.created, again.skipped, dossier.nominations.count()) == (0, 4, 4)


def test_the_import_refuses_what_a_commune_did_not_decide_with_the_reason_and_the_citation():
    commune = make_commune_body()
    officer = _officer_of(commune.unit)
    dossier = Dossier.objects.create(unit=commune.unit, body=commune, authority="chu_tich_ubnd_xa", year=2020,
                                     title="Danh sách năm 2020", occasion="cong_trang", created_by=officer)
    rows = [line("Hoàng Thị Thu", "Lao động tiên tiến", "Cá nhân", gender="Nữ"),
            line("Nông Văn Hùng", "Chiến sĩ thi đua cơ sở", "Cá nhân", gender="Nam")]
    report = import_nominees(dossier, upload(xlsx(rows)), officer)
    assert report.error_texts == [
        'Dòng 4, cột "Danh hiệu/Hình thức khen thưởng": Chiến sĩ thi đua cơ sở không thuộc thẩm quyền của Chủ tịch '
        "UBND xã Đề Thám ngày 31/12/2020: thuộc thẩm quyền Thủ trưởng cơ quan, đơn vị, doanh nghiệp, Chủ tịch Ủy ban "
        "nhân dân cấp huyện (Luật Thi đua, khen thưởng 2003 Điều 80 khoản 1)."]
    assert Nomination.objects.count() == 0


def test_a_province_dossier_still_refuses_the_base_titles(unit_a, officer_a, education):
    dossier = make_dossier(unit_a, officer_a)
    report = import_nominees(dossier, upload(xlsx([line("Lương Thị Trang", "Lao động tiên tiến", "Cá nhân",
                                                        gender="Nữ")])), officer_a)
    assert report.error_texts == [
        'Dòng 3, cột "Danh hiệu/Hình thức khen thưởng": "Lao động tiên tiến" thuộc thẩm quyền Thủ trưởng cơ quan, '
        "đơn vị, doanh nghiệp, không thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh của hồ sơ này."]


# --- titles already given, flagged like duplicates -----------------------------------------------------------------

def give(person, body, year: int, code: str = LDTT, number: str = "07/QĐ-SGDĐT") -> Award:
    return Award.objects.create(
        source="province", body=body, award_type=award_type_on(code, D(year, 12, 31)), award_code=code,
        recipient_kind="ca_nhan", person=person, recipient_name=person.full_name, year=year + 1,
        achievement_year=year, occasion="cong_trang", authority=body.authority, decision_number=number,
        decided_on=D(year + 1, 1, 15), issuer=body.head_title)


def test_a_title_the_body_already_gave_that_year_is_flagged(client_for, unit_a, officer_a, education):
    trang = teacher(unit_a)
    given = give(trang, education, 2024)
    give(trang, education, 2023, number="03/QĐ-SGDĐT")  # another year: not this round's
    dossier = round_of(unit_a, officer_a, education, person=trang, year=2024)
    nomination = dossier.nominations.get()
    assert prior_awards([nomination]) == {nomination.pk: [given]}
    page = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    flag = re.search(r'data-testid="prior-award">(.*?)</div>', page, re.S).group(1)
    assert re.sub(r"\s+", " ", flag).strip() == "Đã được tặng: 07/QĐ-SGDĐT ngày 15/01/2025"


def test_the_same_title_from_another_body_or_revoked_is_not_flagged(unit_a, officer_a, unit_b, education):
    trang = teacher(unit_a)
    give(trang, make_body(unit_b, symbol="QĐ-SYT"), 2024, number="02/QĐ-SYT")
    Award.objects.filter(pk=give(trang, education, 2024).pk).update(revoked=True)
    nomination = round_of(unit_a, officer_a, education, person=trang, year=2024).nominations.get()
    assert prior_awards([nomination]) == {}


def test_another_live_nomination_to_the_same_body_is_flagged_as_a_duplicate(client_for, unit_a, officer_a, school,
                                                                          school_officer, education):
    trang = teacher(school)
    mine = round_of(unit_a, officer_a, education, person=trang, year=2024)
    theirs = round_of(school, school_officer, education, person=trang, year=2024, state="submitted")
    page = client_for("officer_a").get(reverse("awards:dossier", args=[mine.reference])).content.decode()
    flag = re.search(r'data-testid="duplicate">(.*?)</div>', page, re.S).group(1)
    assert re.sub(r"\s+", " ", flag).strip() == f"Trùng đề nghị: {theirs.reference} (THPT Việt Bắc)"


# --- start from last year's list -----------------------------------------------------------------------------------

def test_a_new_round_starts_from_last_years_list(client_for, unit_a, officer_a, unit_b, education):
    last = round_of(unit_a, officer_a, education, person=teacher(unit_a, "Lương Thị Trang"), year=2023)
    for position, (name, code) in enumerate([("Hoàng Văn Nam", CSTDCS), ("Vi Văn Tám", LDTT)], start=2):
        Nomination.objects.create(dossier=last, recipient_kind="ca_nhan", person=teacher(unit_a, name),
                                  award_type=award_type_on(code, D(2023, 12, 31)), position=position, achievement="x")
    moved = Nomination.objects.get(person__full_name="Vi Văn Tám")
    moved.person.unit = unit_b  # transferred to another unit since: not his list any more
    moved.person.save()
    withdrawn = round_of(unit_a, officer_a, education, person=teacher(unit_a, "Đỗ Thị Rút"), year=2023,
                         state="withdrawn")
    response = new_dossier(client_for("officer_a"), f"body-{education.pk}", year=2024, copy_previous="on")
    dossier = Dossier.objects.exclude(pk__in=[last.pk, withdrawn.pk]).get()
    assert response.status_code == 302
    assert list(dossier.nominations.order_by("position").values_list(
        "person__full_name", "award_type__code", "achievement", "verdict", "position")) == [
        ("Lương Thị Trang", LDTT, "", "pending", 1), ("Hoàng Văn Nam", CSTDCS, "", "pending", 2)]
    assert copy_previous_year(dossier, officer_a) == (0, 1)  # again: nothing new, the transferred one still out


def test_starting_from_last_years_list_needs_a_body(client_for, education):
    response = new_dossier(client_for("officer_a"), "chu_tich_ubnd_tinh", copy_previous="on")
    assert response.context["form"].errors["copy_previous"] == [
        "Chỉ bắt đầu từ danh sách năm trước khi trình thủ trưởng đơn vị."]
