"""Decisions: numbering, counts, bonus amounts, drafting rules, publishing writes exactly the award
record (all or nothing), cancelling and revoking, central decisions, documents rendered once."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards.catalogue import in_force
from awards.decisions import central
from awards.decisions import services as decisions
from awards.documents import rendering, wording
from awards.documents import services as documents
from awards.documents import tasks as documents_tasks
from awards.enums import CentralOutcome, DossierState
from awards.models import (
    Award,
    Decision,
    DecisionDocument,
    DecisionLine,
    DecisionState,
    DocumentStatus,
    Nomination,
    Signer,
    province_body,
)
from tests.factories import PersonFactory, UnitFactory, issue_decision, make_dossier, with_board_submission
from units.models import Household

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def signer(db):
    return Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                 valid_from=D(2020, 1, 1))


@pytest.fixture
def approved(unit_a, officer_a):
    """Two collectives and two individuals approved for Bằng khen of the province (2020)."""
    school = UnitFactory(name="Trường THPT Việt Bắc", parent=unit_a)
    first = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")
    second = make_dossier(school, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")
    people = [PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a, gender="nam", position="Trưởng phòng"),
              PersonFactory(full_name="Hà Thị Lư", unit=unit_a, gender="nu", position="Giáo viên")]
    for person in people:
        Nomination.objects.create(dossier=first, recipient_kind="ca_nhan", person=person,
                                  award_type=first.nominations.first().award_type, verdict="eligible")
    return list(Nomination.objects.filter(dossier__in=[first, second]))


def test_counts_phrase_is_zero_padded_in_the_usual_order():
    assert wording.counts_phrase(["ca_nhan"] * 4 + ["tap_the"] * 5) == "cho 05 tập thể và 04 cá nhân"
    assert wording.counts_phrase(["tap_the"] * 27 + ["ca_nhan"] * 24 + ["ho_gia_dinh"] * 2) == (
        "cho 27 tập thể, 24 cá nhân và 02 hộ gia đình")
    assert wording.counts_phrase(["tap_the"] * 32) == "cho 32 tập thể"


@pytest.mark.parametrize(("day", "kind", "rounding", "amount"), [
    (D(2026, 11, 23), "ca_nhan", "up_10000", 3_510_000),
    (D(2026, 11, 23), "tap_the", "up_10000", 7_020_000),
    (D(2026, 11, 23), "ho_gia_dinh", "none", 5_265_000),
    (D(2026, 11, 23), "ho_gia_dinh", "up_10000", 5_270_000),
    (D(2021, 2, 6), "ca_nhan", "up_10000", 1_490_000),
    (D(2021, 2, 6), "tap_the", "up_1000", 2_980_000),
])
def test_bonus_is_multiplier_times_base_salary_of_the_day(day, kind, rounding, amount):
    award = in_force.award_type_on("bang-khen-chu-tich-ubnd-tinh", day)
    assert decisions.bonus_for(award, kind, in_force.base_salary_on(day), rounding) == amount


def test_flag_bonus_is_eight_times_base():
    flag = in_force.award_type_on("co-thi-dua-ubnd-tinh", D(2026, 11, 23))
    assert decisions.bonus_for(flag, "tap_the", 2_340_000, "none") == 18_720_000
    assert decisions.bonus_for(flag, "ca_nhan", 2_340_000, "none") is None


def test_draft_numbers_follow_the_sequence_and_a_cancelled_number_is_not_reused(approved, staff, signer):
    day = D(2021, 2, 6)
    first = decisions.draft_decision(approved[:1], staff, day, signer, "đã có thành tích xuất sắc năm 2020")
    second = decisions.draft_decision(approved[1:2], staff, day, signer, "đã có thành tích xuất sắc năm 2020")
    assert (first.code, second.code) == ("01/QĐ-UBND", "02/QĐ-UBND")
    decisions.cancel_draft(second, "Ghép vào quyết định khác", staff)
    third = decisions.draft_decision(approved[1:2], staff, day, signer, "đã có thành tích xuất sắc năm 2020")
    assert third.number == 3
    second.refresh_from_db()
    assert (second.state, second.number, second.closed_reason) == (DecisionState.CANCELLED, 2,
                                                                  "Ghép vào quyết định khác")
    assert decisions.allocate_number(province_body(), 2022) == 1


def test_draft_prefills_texts_and_bonus(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "đã có thành tích xuất sắc năm 2020")
    assert decision.subject == "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert decision.legal_bases.splitlines()[:2] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;",
    ] or decision.legal_bases.count("Căn cứ") >= 3
    assert "Nghị định số 91/2017/NĐ-CP" in decision.legal_bases
    # The decision answers the Sở Nội vụ's tờ trình, written in when it is printed; the units' are not cited.
    assert decision.proposals == ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày "
                                  "{ngay_to_trinh}.")
    assert decision.recipients.splitlines()[0] == "Như Điều 3;"
    assert wording.article_one(decision) == (
        "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 02 cá nhân, đã có thành tích xuất sắc "
        "năm 2020 (có danh sách kèm theo).")
    assert decision.base_salary == 1_490_000
    lines = list(decision.lines.values_list("recipient_kind", "recipient_name", "honorific", "bonus_amount"))
    assert lines == [
        ("tap_the", "Sở Giáo dục và Đào tạo", "", 2_980_000),
        ("tap_the", "Trường THPT Việt Bắc", "", 2_980_000),
        ("ca_nhan", "Hoàng Mạnh Cương", "Ông", 1_490_000),
        ("ca_nhan", "Hà Thị Lư", "Bà", 1_490_000),
    ]
    assert wording.bonus_article(decision) == (
        "Kèm theo Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, mỗi tập thể được thưởng 2.980.000 đồng; mỗi cá nhân "
        "được thưởng 1.490.000 đồng (mức lương cơ sở 1.490.000 đồng). Kinh phí khen thưởng chi từ Quỹ Thi đua, "
        "khen thưởng tỉnh.")


def test_the_decision_page_reads_the_board_submission_or_blanks_never_a_placeholder(approved, staff, signer,
                                                                                     client):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "đã có thành tích xuất sắc năm 2020")
    client.force_login(staff)

    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    # the preview shows blanks to fill; the placeholders stay only in the draft's text form (the template edited)
    assert page.count("{so_to_trinh}") == 1 and "{so_to_trinh}</textarea>" not in page
    assert ('<p class="fst-italic">Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số \u2003\u2003/TTr-SNV ngày \u2003/\u2003/2021.</p>'
            in page)

    with_board_submission(decision, "245/TTr-SNV", D(2021, 2, 3))
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert '<p class="fst-italic">Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 245/TTr-SNV ngày 03/02/2021.</p>' in page


def test_only_ready_nominations_of_one_award_type(approved, unit_a, officer_a, staff, signer, officer_b):
    pending = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED, verdict="eligible")
    with pytest.raises(decisions.DecisionError) as excinfo:
        decisions.draft_decision(list(pending.nominations.all()), staff, D(2021, 2, 6), signer, "x")
    assert excinfo.value.message == "Chưa đưa được vào quyết định: Sở Giáo dục và Đào tạo."
    flag = make_dossier(unit_a, officer_a, code="tap-the-lao-dong-xuat-sac", state=DossierState.AWAITING_DECISION,
                        verdict="eligible")
    with pytest.raises(decisions.DecisionError) as excinfo:
        decisions.draft_decision([approved[0], flag.nominations.get()], staff, D(2021, 2, 6), signer, "x")
    assert excinfo.value.message == "Mỗi quyết định chỉ tặng một danh hiệu, hình thức."
    with pytest.raises(decisions.DecisionError):
        decisions.draft_decision(approved, officer_b, D(2021, 2, 6), signer, "x")


def test_a_nomination_is_in_at_most_one_live_decision(approved, staff, signer):
    decision = decisions.draft_decision(approved[:1], staff, D(2021, 2, 6), signer, "x")
    with pytest.raises(decisions.DecisionError):
        decisions.draft_decision(approved[:1], staff, D(2021, 2, 6), signer, "x")
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionLine.objects.create(decision=decision, nomination=approved[0], recipient_kind="tap_the",
                                    recipient_name="trùng")


def test_publishing_writes_exactly_the_award_rows(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "đã có thành tích xuất sắc năm 2020")
    assert issue_decision(with_board_submission(decision), staff) == 4
    rows = list(Award.objects.order_by("pk").values_list(
        "source", "recipient_kind", "recipient_name", "award_code", "year", "achievement_year", "occasion",
        "decision_number", "decided_on", "issuer", "bonus_amount", "revoked"))
    code = decision.code
    common = ("bang-khen-chu-tich-ubnd-tinh", 2021, 2020, "cong_trang", code, D(2021, 2, 6),
              "Chủ tịch UBND tỉnh Lạng Sơn")
    assert rows == [
        ("province", "tap_the", "Sở Giáo dục và Đào tạo", *common, 2_980_000, False),
        ("province", "tap_the", "Trường THPT Việt Bắc", *common, 2_980_000, False),
        ("province", "ca_nhan", "Hoàng Mạnh Cương", *common, 1_490_000, False),
        ("province", "ca_nhan", "Hà Thị Lư", *common, 1_490_000, False),
    ]
    states = set(Nomination.objects.filter(pk__in=[n.pk for n in approved]).values_list("dossier__state", flat=True))
    assert states == {DossierState.DECIDED}
    with pytest.raises(decisions.DecisionError):
        issue_decision(with_board_submission(decision), staff)
    assert Award.objects.count() == 4


def test_publishing_fails_whole_when_one_row_cannot_be_written(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    already = approved[3]
    Award.objects.create(source="history", nomination=already, award_type=already.award_type,
                         award_code=already.award_type.code, recipient_kind="ca_nhan", recipient_name="x", year=2021,
                         achievement_year=2020, occasion="cong_trang", authority="chu_tich_ubnd_tinh",
                         decision_number="1/QĐ-UBND", decided_on=D(2021, 1, 1), issuer="x")
    with pytest.raises(decisions.DecisionError) as excinfo:
        issue_decision(with_board_submission(decision), staff)
    assert excinfo.value.message.startswith("Có người, tập thể trong quyết định đã được ghi khen thưởng")
    decision.refresh_from_db()
    assert decision.state == DecisionState.DRAFT
    assert Award.objects.filter(decision=decision).count() == 0
    assert set(Nomination.objects.filter(pk__in=[n.pk for n in approved]).values_list("dossier__state", flat=True)) \
        == {DossierState.AWAITING_DECISION}


def test_revocation_marks_awards_and_keeps_them(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    with pytest.raises(decisions.DecisionError):
        decisions.revoke(decision, "Sai đối tượng", staff)
    issue_decision(with_board_submission(decision), staff)
    with pytest.raises(decisions.DecisionError) as excinfo:
        decisions.revoke(decision, "  ", staff)
    assert excinfo.value.message == "Cần ghi lý do thu hồi quyết định."
    assert decisions.revoke(decision, "Phát hiện kê khai thành tích không trung thực", staff) == 4
    assert list(Award.objects.order_by().values_list("revoked", "revoke_reason").distinct()) == [
        (True, "Phát hiện kê khai thành tích không trung thực")]
    decision.refresh_from_db()
    assert decision.state == DecisionState.REVOKED


def test_central_decisions_join_the_award_record(unit_a, officer_a, staff):
    medal = make_dossier(unit_a, officer_a, code="huan-chuong-lao-dong-hang-ba", authority="chu_tich_nuoc",
                         state=DossierState.AWAITING_DECISION, verdict="eligible")
    central.forward_dossier(medal, "1849/TTr-UBND", D(2020, 9, 30), staff)
    central.record_central_decision(medal.nominations.get(), CentralOutcome.AWARDED, "2177/QĐ-CTN",
                                     D(2020, 12, 28), staff)
    award = Award.objects.get()
    assert (award.source, award.award_code, award.decision_number, award.issuer, award.year, award.recipient_name) \
        == ("central", "huan-chuong-lao-dong-hang-ba", "2177/QĐ-CTN", "Chủ tịch nước", 2020, "Sở Giáo dục và Đào tạo")


def test_household_bonus_and_portal_sentence(unit_a, officer_a, staff, signer):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                           occasion="chuyen_de", year=2019)
    award = dossier.nominations.get().award_type
    household = Household.objects.create(name="Gia đình ông Vi Thanh Liêm", head_name="Vi Thanh Liêm",
                                         address="Thôn Bản Đoóc, xã Hiệp Hạ")
    Nomination.objects.create(dossier=dossier, recipient_kind="ho_gia_dinh", household=household, award_type=award,
                              verdict="eligible")
    decision = decisions.draft_decision(list(dossier.nominations.all()), staff, D(2019, 10, 31), signer,
                                        "đã có thành tích xuất sắc trong phong trào thi đua đặc biệt")
    bonus = dict(decision.lines.values_list("recipient_kind", "bonus_amount"))
    assert bonus == {"tap_the": 2_980_000, "ho_gia_dinh": 2_235_000}  # 1.5 x 1,490,000, not rounded by default
    assert wording.portal_sentence(decision, 1, 0, 1) == (
        f"Quyết định số {decision.code} của Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể và 01 hộ gia đình, "
        "vì: Đã có thành tích xuất sắc trong phong trào thi đua đặc biệt.")


# --- documents ------------------------------------------------------------------------------------------

def test_document_request_is_reused_until_the_content_changes(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    first = documents.request_document(decision, "decision")
    assert documents.request_document(decision, "decision").pk == first.pk
    Decision.objects.filter(pk=decision.pk).update(content_version=2)
    decision.refresh_from_db()
    second = documents.request_document(decision, "decision")
    assert (first.version, second.version) == (1, 2)
    assert DecisionDocument.objects.filter(decision=decision).count() == 2


def test_a_finished_or_claimed_document_is_not_rendered_again(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    document = DecisionDocument.objects.create(decision=decision, kind="decision", version=1, content_key="k",
                                               status=DocumentStatus.DONE, sha256="a" * 64)
    assert rendering.render(document.pk) == "skipped"
    DecisionDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.RENDERING)
    assert rendering.render(document.pk) == "skipped"
    document.refresh_from_db()
    assert (document.status, document.sha256, document.attempts) == (DocumentStatus.RENDERING, "a" * 64, 0)


def test_stuck_renders_are_put_back(approved, staff, signer):
    decision = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    now = timezone.now()
    stuck = DecisionDocument.objects.create(decision=decision, kind="decision", version=1, content_key="k",
                                            status=DocumentStatus.RENDERING, started_at=now - datetime.timedelta(minutes=30))
    fresh = DecisionDocument.objects.create(decision=decision, kind="certificates", version=1, content_key="k",
                                            status=DocumentStatus.RENDERING, started_at=now)
    DecisionDocument.objects.filter(pk__in=[stuck.pk, fresh.pk]).update(created_at=now)
    assert documents_tasks.requeue_stuck(now) == [stuck.pk]
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert (stuck.status, fresh.status) == (DocumentStatus.PENDING, DocumentStatus.RENDERING)


def test_multiplier_data_unchanged():
    assert in_force.award_type_on("bang-khen-chu-tich-ubnd-tinh", D(2026, 11, 23)).bonus_individual == Decimal("1.50")


def test_the_same_recipient_cannot_be_decided_twice_through_two_dossiers(unit_a, officer_a, staff, signer):
    person = PersonFactory(full_name="Lương Thị Bình", unit=unit_a, gender="nu")
    first = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible", recipient=person)
    second = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible", recipient=person)
    decision = decisions.draft_decision(list(first.nominations.all()), staff, D(2021, 2, 6), signer, "x")
    issue_decision(with_board_submission(decision), staff)
    with pytest.raises(decisions.DecisionError) as excinfo:
        decisions.draft_decision(list(second.nominations.all()), staff, D(2021, 2, 6), signer, "x")
    assert excinfo.value.message == ("Đã có quyết định (hoặc dự thảo) khen thưởng cùng danh hiệu, hình thức, cùng năm "
                                     "cho: Lương Thị Bình.")


@pytest.mark.parametrize("persona", ["officer_a", "council_member", "leader"])
def test_only_the_board_publishes_cancels_or_revokes(request, persona, approved, staff, signer):
    """The services refuse anyone but the Board's staff (found by the decision property test: an officer's
    publish used to fail deep in the dossier workflow instead of with the decision's own message)."""
    outsider = request.getfixturevalue(persona)
    draft = decisions.draft_decision(approved, staff, D(2021, 2, 6), signer, "x")
    refusal = "Chỉ cán bộ Ban Thi đua - Khen thưởng mới thay đổi được quyết định."
    for attempt in (lambda: issue_decision(draft, outsider), lambda: decisions.cancel_draft(draft, "y", outsider)):
        with pytest.raises(decisions.DecisionError) as excinfo:
            attempt()
        assert excinfo.value.message == refusal
    draft.refresh_from_db()
    assert (draft.state, Award.objects.count()) == (DecisionState.DRAFT, 0)
    issue_decision(with_board_submission(draft), staff)
    with pytest.raises(decisions.DecisionError) as excinfo:
        decisions.revoke(draft, "Sai đối tượng", outsider)
    assert excinfo.value.message == refusal
    assert list(Award.objects.order_by().values_list("revoked", flat=True).distinct()) == [False]
