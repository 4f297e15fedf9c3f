"""Decisions of a unit's own body: its number series, its header and căn cứ, its signers, the powers it holds, the
Award rows it writes (which count in the eligibility ladders like the province's) and the archive export."""

from __future__ import annotations

import csv
import datetime

import pytest
from django.core.management import call_command

from awards.decisions import services as decisions
from awards.models import Award, IssuingBody, LegalDocument, Signer, province_body
from awards.record.eligibility.engine import evaluate
from awards.reports.selectors import by_body_kind
from tests.factories import (
    PersonFactory,
    UserFactory,
    make_body,
    make_commune_body,
    make_dossier,
    with_board_submission,
)
from units.models import Role

pytestmark = pytest.mark.django_db
D = datetime.date
REASON = "đã hoàn thành tốt nhiệm vụ năm 2024"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def education(unit_a):
    body = make_body(unit_a)
    LegalDocument.objects.create(
        number="05/QĐ-SGDĐT", kind="quyet_dinh", title="Quy chế thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
        issuer="Sở Giáo dục và Đào tạo", issued_on=D(2024, 3, 1), valid_from=D(2024, 3, 1), body=body,
        basis_text="Căn cứ Quyết định số 05/QĐ-SGDĐT ngày 01 tháng 3 năm 2024 của Giám đốc Sở Giáo dục và Đào tạo "
                   "ban hành Quy chế thi đua, khen thưởng của Sở;", basis_order=50)
    return body


@pytest.fixture
def director(education):
    return Signer.objects.create(body=education, full_name="Trần Văn Hải", position="Giám đốc Sở Giáo dục và Đào tạo",
                                 capacity="chu_tich", valid_from=D(2020, 1, 1))


def ldtt(unit, creator, body, year=2024, name="Lương Thị Trang", code="lao-dong-tien-tien"):
    """One approved nomination of ``unit``'s round addressed to ``body``, waiting for the body's decision."""
    person = PersonFactory(full_name=name, unit=unit, position="Giáo viên")
    dossier = make_dossier(unit, creator, code=code, body=body, state="awaiting_decision", verdict="eligible",
                           recipient=person, year=year)
    return list(dossier.nominations.all())


def commune_officer(body):
    """The commune's TĐKT officer: he drafts its decisions and, with no leadership account in the commune, publishes
    them."""
    return UserFactory(full_name=f"Cán bộ {body.unit.name}", unit=body.unit, roles=[Role.UNIT_OFFICER])


def test_a_sở_decision_takes_its_number_header_and_căn_cứ_from_its_body(unit_a, officer_a, staff, education,
                                                                         director):
    decision = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                        REASON, body=education)
    assert (decision.code, decision.body, decision.authority, decision.parent_line, decision.issuer_line1,
            decision.issuer_line2, decision.authority_line, decision.place, decision.signature_title,
            decision.deputy_title, decision.fund_name) == (
        "01/QĐ-SGDĐT", education, "thu_truong_don_vi", "UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "",
        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Lạng Sơn", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
        "Quỹ Thi đua, khen thưởng của Sở Giáo dục và Đào tạo")
    assert decision.legal_bases.splitlines() == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 05/QĐ-SGDĐT ngày 01 tháng 3 năm 2024 của Giám đốc Sở Giáo dục và Đào tạo ban hành "
        "Quy chế thi đua, khen thưởng của Sở;",
    ]
    assert (decision.executors, decision.recipients.splitlines()) == (
        "Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1",
        ["Như Điều 3;", "Lưu: VT."])


def test_each_body_numbers_its_own_series(unit_a, officer_a, officer_b, unit_b, staff, education, director):
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    province_dossier = make_dossier(unit_b, officer_b, state="awaiting_decision", verdict="eligible", year=2024)
    first = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                     REASON, body=education)
    province = decisions.draft_decision(list(province_dossier.nominations.all()), staff, D(2025, 1, 21), chair,
                                        REASON)
    second = decisions.draft_decision(ldtt(unit_a, officer_a, education, name="Hoàng Văn Nam"), officer_a,
                                      D(2025, 1, 22), director, REASON, body=education)
    assert [d.code for d in (first, province, second)] == ["01/QĐ-SGDĐT", "01/QĐ-UBND", "02/QĐ-SGDĐT"]
    assert province.body == province_body()


def test_editing_the_body_later_leaves_the_decision_as_drafted(unit_a, officer_a, education, director):
    decision = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                        REASON, body=education)
    IssuingBody.objects.filter(pk=education.pk).update(symbol="QĐ-SGD", authority_line="GIÁM ĐỐC SỞ GD&ĐT")
    decision.refresh_from_db()
    assert (decision.code, decision.authority_line) == ("01/QĐ-SGDĐT", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")


def test_a_body_may_not_draft_an_award_it_does_not_decide(unit_a, officer_a, education, director):
    nominations = ldtt(unit_a, officer_a, education, code="bang-khen-chu-tich-ubnd-tinh")
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.draft_decision(nominations, officer_a, D(2025, 1, 20), director, REASON, body=education)
    assert refused.value.message == (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh không thuộc thẩm quyền của Giám đốc Sở Giáo dục và Đào tạo "
        "ngày 20/01/2025: thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh (Luật Thi đua, khen thưởng 2022 Điều 79).")


def test_a_signer_of_another_body_may_not_sign(unit_a, officer_a, education):
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), chair, REASON,
                                 body=education)
    assert refused.value.message == "Hồ Tiến Thiệu không ký quyết định của Giám đốc Sở Giáo dục và Đào tạo."


def test_a_unit_body_decides_only_dossiers_of_its_own_units(unit_a, officer_a, unit_b, officer_b, education,
                                                           director):
    other = ldtt(unit_b, officer_b, make_body(unit_b, symbol="QĐ-SYT"), name="Hà Thị Lư")
    assert list(decisions.ready_nominations(education)) == []
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.draft_decision(other, officer_a, D(2025, 1, 20), director, REASON, body=education)
    assert refused.value.message == "Chưa đưa được vào quyết định: Hà Thị Lư."


def test_publishing_writes_awards_of_the_body(unit_a, officer_a, education, director):
    decision = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                        REASON, body=education)
    assert decisions.publish(decision, officer_a) == 1
    award = Award.objects.get(decision=decision)
    assert (award.body, award.issuer, award.decision_number, award.authority, award.award_code,
            award.bonus_amount) == (
        education, "Giám đốc Sở Giáo dục và Đào tạo", "01/QĐ-SGDĐT", "thu_truong_don_vi", "lao-dong-tien-tien",
        702_000)  # 0,3 x 2.340.000, not rounded by default


def test_a_communes_lao_dong_tien_tien_counts_in_the_cstdcs_ladder():
    commune = make_commune_body()
    officer = commune_officer(commune)
    chair = Signer.objects.create(body=commune, full_name="Nông Văn Hùng", position="Chủ tịch UBND xã Đề Thám",
                                  capacity="chu_tich", valid_from=D(2016, 6, 1))
    nominations = ldtt(commune.unit, officer, commune, year=2019, name="Hoàng Thị Thu")
    decision = decisions.draft_decision(nominations, officer, D(2020, 1, 15), chair,
                                        "đã hoàn thành tốt nhiệm vụ năm 2019", body=commune)
    decisions.publish(decision, officer)
    award = Award.objects.get(decision=decision)
    assert (decision.code, award.award_code, award.body, award.issuer, award.bonus_amount) == (
        "01/QĐ-UBND", "lao-dong-tien-tien", commune, "Chủ tịch UBND xã Đề Thám", 447_000)
    result = evaluate(award.person, "chien-si-thi-dua-co-so", 2019, on=D(2020, 1, 20))
    title = next(c for c in result.criteria if c.code == "lao_dong_tien_tien")
    assert title.status == "met", (title.status, title.evidence, title.detail)


def test_export_writes_the_decisions_of_every_body(tmp_path):
    communes = [make_commune_body("Đề Thám"), make_commune_body("Hiệp Hạ")]
    for index, commune in enumerate(communes):
        chair = Signer.objects.create(body=commune, full_name=f"Chủ tịch {index}", position="Chủ tịch UBND xã",
                                      capacity="chu_tich", valid_from=D(2016, 6, 1))
        officer = commune_officer(commune)
        nominations = ldtt(commune.unit, officer, commune, year=2019, name=f"Người {index}")
        decisions.publish(decisions.draft_decision(nominations, officer, D(2020, 1, 15), chair, "đã hoàn thành tốt "
                                                   "nhiệm vụ năm 2019", body=commune), officer)
    call_command("export_decisions", str(tmp_path / "all"), "--year", "2020")
    with open(tmp_path / "all" / "index.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    assert [(row[0], row[8]) for row in rows] == [
        ("01/QĐ-UBND", f"{communes[0].unit.code}-01-QD-UBND-2020.pdf"),
        ("01/QĐ-UBND", f"{communes[1].unit.code}-01-QD-UBND-2020.pdf"),
    ]
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(
        ["index.csv", rows[0][8], rows[1][8]])
    call_command("export_decisions", str(tmp_path / "one"), "--body", communes[1].unit.code)
    with open(tmp_path / "one" / "index.csv", encoding="utf-8-sig") as handle:
        assert [row[8] for row in list(csv.reader(handle))[1:]] == [rows[1][8]]


def test_awards_are_counted_by_kind_of_body(unit_a, officer_a, unit_b, officer_b, staff, education, director):
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    province_dossier = make_dossier(unit_b, officer_b, state="awaiting_decision", verdict="eligible", year=2024)
    decisions.publish(with_board_submission(decisions.draft_decision(
        list(province_dossier.nominations.all()), staff, D(2025, 1, 21), chair, REASON)), staff)
    nominations = ldtt(unit_a, officer_a, education) + ldtt(unit_a, officer_a, education, name="Hoàng Văn Nam")
    decisions.publish(decisions.draft_decision(nominations, officer_a, D(2025, 1, 20), director, REASON,
                                               body=education), officer_a)
    assert by_body_kind(2025) == [("Tỉnh (Chủ tịch UBND tỉnh)", 1), ("Sở, ban, ngành", 2)]
    assert by_body_kind(2025, unit_id=unit_a.pk) == [("Sở, ban, ngành", 2)]
