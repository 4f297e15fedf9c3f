"""The wording of decisions (issue 14), read from the rendered PDF: the Sở Nội vụ's tờ trình as the proposer, heads
named by their real titles, title decisions "công nhận danh hiệu “…” năm …", the Cờ thi đua, money at the decision
date (NĐ 152/2025 Điều 59: no transitional rule), no rounding unless chosen, the annex's own numbering, collectives
with their parent, numbers never broken, households without a district after 01/7/2025, and the effective-dated
wording staff edit in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from awards.catalogue import in_force
from awards.catalogue.bodies import head_title_of
from awards.decisions.services import bonus_for, draft_decision
from awards.documents import decision_pdf
from awards.dossiers.annex import household_address
from awards.enums import RecipientKind
from awards.models import Decision, DocumentWording, Nomination, Rounding, Signer, WordingKind
from tests import pdf_tools
from tests.factories import PersonFactory, UnitFactory, make_dossier, with_board_submission
from units.models import Gender, UnitKind

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def chair(db):
    return Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                 valid_from=D(2020, 1, 1))


def decide(nominations, staff, chair, day, reason="đã có thành tích xuất sắc năm 2024", **options):
    return with_board_submission(draft_decision(nominations, staff, day, chair, reason, **options),
                                 number="245/TTr-SNV", day=day - datetime.timedelta(days=5))


def words(decision) -> str:
    return pdf_tools.flat(pdf_tools.text(decision_pdf.render(decision, "decision")[0]))


def test_bang_khen_money_follows_the_decision_date(unit_a, officer_a, staff, chair):
    """A 2024 achievement decided on 20/8/2025 pays NĐ 152's 1,5 / 3,0 (3.510.000 / 7.020.000); decided on 30/6/2025
    it pays NĐ 98's 1,0 / 2,0 (2.340.000 / 4.680.000)."""
    person = PersonFactory(full_name="Hoàng Mạnh Cương", gender=Gender.MALE, unit=unit_a, position="Chuyên viên")
    before = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2024)
    after = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2024, recipient=person)
    award = before.nominations.get().award_type
    Nomination.objects.create(dossier=before, recipient_kind=RecipientKind.INDIVIDUAL, person=PersonFactory(
        unit=unit_a, full_name="Hà Thị Lư", gender=Gender.FEMALE), award_type=award, verdict="eligible", position=2)
    old = decide(list(before.nominations.all()), staff, chair, D(2025, 6, 30))
    assert dict(old.lines.values_list("recipient_kind", "bonus_amount")) == {"tap_the": 4_680_000,
                                                                              "ca_nhan": 2_340_000}
    assert "Căn cứ Nghị định số 98/2023/NĐ-CP" in old.legal_bases
    Nomination.objects.create(dossier=after, recipient_kind=RecipientKind.COLLECTIVE, award_type=award,
                              unit=UnitFactory(code="phong-kh", name="Phòng Kế hoạch", parent=unit_a),
                              verdict="eligible", position=2)
    new = decide(list(after.nominations.all()), staff, chair, D(2025, 8, 20))
    assert dict(new.lines.values_list("recipient_kind", "bonus_amount")) == {"tap_the": 7_020_000,
                                                                              "ca_nhan": 3_510_000}
    text = words(new)
    assert ("Điều 2. Kèm theo Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, mỗi tập thể được thưởng 7.020.000 đồng; "
            "mỗi cá nhân được thưởng 3.510.000 đồng (mức lương cơ sở 2.340.000 đồng).") in text
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in text
    assert "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 245/TTr-SNV ngày 15/8/2025." not in text
    assert "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 245/TTr-SNV ngày 15/08/2025." in text


def test_rounding_is_an_option_not_the_default(unit_a, officer_a, staff, chair):
    """0,3 × 2.340.000 = 702.000 as is; rounded up to the ten thousand only when the decision asks."""
    ldtt = in_force.award_type_on("lao-dong-tien-tien", D(2026, 1, 20))
    assert bonus_for(ldtt, RecipientKind.INDIVIDUAL, 2_340_000, Rounding.NONE) == 702_000
    assert bonus_for(ldtt, RecipientKind.INDIVIDUAL, 2_340_000, Rounding.UP_10000) == 710_000
    dossier = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2025)
    rounded = decide(list(dossier.nominations.all()), staff, chair, D(2026, 1, 20), rounding=Rounding.UP_10000)
    assert rounded.rounding == Rounding.UP_10000
    assert Decision._meta.get_field("rounding").default == Rounding.NONE


def test_title_decision_and_flag(unit_a, unit_b, officer_a, officer_b, staff, chair):
    titled = [make_dossier(unit, officer, code="tap-the-lao-dong-xuat-sac", state="awaiting_decision",
                           verdict="eligible", year=2025) for unit, officer in ((unit_a, officer_a), (unit_b, officer_b))]
    decision = decide([n for d in titled for n in d.nominations.all()], staff, chair, D(2026, 2, 10),
                      reason="đã hoàn thành xuất sắc nhiệm vụ năm 2025")
    assert decision.subject == "Về việc công nhận danh hiệu “Tập thể lao động xuất sắc” năm 2025"
    text = words(decision)
    assert ("Điều 1. Công nhận danh hiệu “Tập thể lao động xuất sắc” năm 2025 cho 02 tập thể, đã hoàn thành xuất "
            "sắc nhiệm vụ năm 2025 (có danh sách kèm theo).") in text
    assert "Điều 2. Kèm theo danh hiệu “Tập thể lao động xuất sắc”, mỗi tập thể được thưởng" in text
    flags = [make_dossier(unit, officer, code="co-thi-dua-ubnd-tinh", state="awaiting_decision", verdict="eligible",
                          year=2025) for unit, officer in ((unit_a, officer_a), (unit_b, officer_b))]
    for dossier in flags:
        dossier.nominations.update(council_result="passed")
    flag = decide([n for d in flags for n in d.nominations.all()], staff, chair, D(2026, 2, 10),
                  reason="đã hoàn thành xuất sắc toàn diện nhiệm vụ, dẫn đầu phong trào thi đua năm 2025")
    assert flag.subject == "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh năm 2025"
    assert ("Điều 1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể, đã hoàn thành xuất sắc toàn diện "
            "nhiệm vụ, dẫn đầu phong trào thi đua năm 2025 (có danh sách kèm theo).") in words(flag)


def test_heads_are_named_by_their_titles_or_together(db):
    day = D(2024, 3, 1)
    cases = {
        "Huyện Bình Gia": (UnitKind.DISTRICT, "Chủ tịch UBND huyện Bình Gia"),
        "Cục Thuế tỉnh": (UnitKind.CENTRAL_AGENCY, "Cục trưởng Cục Thuế tỉnh"),
        "Trường THPT Việt Bắc": (UnitKind.PUBLIC_SERVICE, "Hiệu trưởng Trường THPT Việt Bắc"),
        "Sở Y tế": (UnitKind.DEPARTMENT, "Giám đốc Sở Y tế"),
        "Thanh tra tỉnh": (UnitKind.DEPARTMENT, "Chánh Thanh tra tỉnh"),
        "Xã Đề Thám": (UnitKind.COMMUNE, "Chủ tịch UBND xã Đề Thám"),
        "Nhóm nghiên cứu số 3": (UnitKind.DIVISION, ""),
    }
    for index, (name, (kind, title)) in enumerate(cases.items()):
        assert head_title_of(UnitFactory(code=f"u{index}", name=name, kind=kind), day) == title, name
    from awards.documents.wording import heads_phrase
    assert heads_phrase(["Giám đốc Sở Y tế", "Giám đốc Sở Y tế"]) == "Giám đốc Sở Y tế"
    assert heads_phrase(["Giám đốc Sở Y tế", ""]) == "Thủ trưởng các cơ quan, đơn vị có liên quan"
    assert heads_phrase([f"Giám đốc Sở {i}" for i in range(5)]) == "Thủ trưởng các cơ quan, đơn vị có liên quan"


def test_annex_own_numbering_parent_and_unbroken_numbers(unit_a, officer_a, staff, chair):
    culture = UnitFactory(code="so-vhttdl", name="Sở Văn hóa, Thể thao và Du lịch", kind=UnitKind.DEPARTMENT)
    office = UnitFactory(code="phong-qlvh", name="Phòng Quản lý Văn hóa", kind=UnitKind.DIVISION, parent=culture)
    dossier = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2024)
    award = dossier.nominations.get().award_type
    Nomination.objects.create(dossier=dossier, recipient_kind=RecipientKind.COLLECTIVE, unit=office,
                              award_type=award, verdict="eligible", position=2)
    Nomination.objects.create(dossier=dossier, recipient_kind=RecipientKind.INDIVIDUAL, award_type=award,
                              verdict="eligible", position=3, person=PersonFactory(
                                  full_name="Trương Quang Sáng", gender=Gender.MALE, unit=culture,
                                  position="Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"))
    decision = decide(list(dossier.nominations.all()), staff, chair, D(2025, 3, 3))
    decision.proposals += "\nTheo Tờ trình số 124/ TTr-SGDĐT ngày 01/3/2025 của Sở Giáo dục và Đào tạo, số 124/ TTr-SGDĐT."
    decision.save()
    data, pages = decision_pdf.render(decision, "decision")
    texts = pdf_tools.pages(data)
    first = next(i for i, page in enumerate(texts) if "DANH SÁCH" in page)
    assert texts[first].split()[0] == "1"  # the annex's first page is its page 1
    annex = pdf_tools.flat(pdf_tools.text(data, first + 1, pages, raw=True))
    assert "Phòng Quản lý Văn hóa, Sở Văn hóa, Thể thao và Du lịch" in annex
    assert "Ông Trương Quang Sáng, Phó Giám đốc Sở Văn hóa, Thể" in annex
    assert "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch, Sở Văn hóa" not in annex
    raw = pdf_tools.text(data)
    assert raw.count("124/TTr-SGDĐT") == 2 and "124/ TTr" not in raw and "124/\n" not in raw


def test_nobreak_filter_escapes_and_joins():
    out = Template("{% load vn %}{{ value|nobreak }}").render(Context({"value": "<b>số 124/ TTr-SGDĐT</b>"}))
    assert out == '&lt;b&gt;số <span class="nb">124/TTr-SGDĐT</span>&lt;/b&gt;'


def test_household_address_on_the_day():
    address = "Thôn Khòn Pát, xã Tân Văn, huyện Bình Gia"
    # inside the annex line ("Gia đình ông …, thôn Khòn Pát, …"): the common nouns in lower case (NĐ 30/2020 Phụ lục II)
    assert household_address(address, D(2025, 6, 30)) == "thôn Khòn Pát, xã Tân Văn, huyện Bình Gia"
    assert household_address(address, D(2025, 7, 1)) == "thôn Khòn Pát, xã Tân Văn"


def test_wording_versions_are_effective_dated_and_checked(db):
    seeded = DocumentWording.objects.get(kind=WordingKind.PROVINCE_TITLE)
    assert seeded.valid_to is None and "{danh_hieu}" in seeded.subject
    clash = DocumentWording(kind=WordingKind.PROVINCE_TITLE, valid_from=D(2027, 1, 1), subject="Về việc {danh_hieu}",
                            article_one="x", proposal="x", executors="x")
    with pytest.raises(ValidationError) as refused:
        clash.full_clean()
    assert refused.value.message_dict["valid_from"] == [
        "Khoảng thời gian áp dụng trùng với một mẫu khác cùng loại quyết định; hãy cho mẫu cũ kết thúc trước ngày bắt "
        "đầu của mẫu mới."]
    seeded.valid_to = D(2026, 12, 31)
    seeded.save()
    clash.subject = "Về việc {ten_danh_hieu}"
    with pytest.raises(ValidationError) as refused:
        clash.full_clean()
    assert refused.value.message_dict["subject"][0].startswith(
        "Không có trường {ten_danh_hieu}. Các trường dùng được: {danh_hieu}, {nam}, {so_luong}")
    clash.subject = "Về việc công nhận danh hiệu “{danh_hieu}” (mẫu 2027)"
    clash.full_clean()
    clash.save()
    from awards.documents.wording import wording_on
    assert wording_on(WordingKind.PROVINCE_TITLE, D(2027, 3, 1))["subject"] == clash.subject
    assert wording_on(WordingKind.PROVINCE_TITLE, D(2026, 3, 1))["subject"] == seeded.subject


def test_admin_lists_and_edits_wordings(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/awards/documentwording/").status_code == 200
    row = DocumentWording.objects.get(kind=WordingKind.PROVINCE_FORM)
    page = client.get(f"/admin/awards/documentwording/{row.pk}/change/").content.decode()
    assert "{so_to_trinh}" in page
    response = client.post(f"/admin/awards/documentwording/{row.pk}/change/", {
        "kind": row.kind, "valid_from": "2004-07-01", "subject": "Về việc {khong_co}", "article_one": row.article_one,
        "proposal": row.proposal, "executors": row.executors, "legal_citation": ""})
    assert "Không có trường {khong_co}." in response.content.decode()
