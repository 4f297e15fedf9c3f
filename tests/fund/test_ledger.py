"""The fund's ledger (issue 20): commitments from published decisions, reversal and recovery flags on revocation,
payments (partial, over the due, on a revoked line, a voucher twice), allocations and the cited limits, corrections
as new entries, the balance on a day."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from awards.decisions import services as decisions
from awards.fund import commitments, ledger, payments
from awards.fund.ledger import FundError, NeedsConfirmation
from awards.models import EntryKind, Fund, FundEntry, FundLine, FundRule, LineStatus, province_body
from tests.factories import issue_decision, make_draft_decision
from tests.fund.conftest import publish_for

D = datetime.date
pytestmark = pytest.mark.django_db


def lines_of(decision):
    return list(FundLine.objects.filter(decision=decision).order_by("position"))


def test_publishing_commits_each_line_to_the_province_fund_of_the_year(two_units_decision):
    fund = Fund.objects.get()
    assert (fund.body, fund.year) == (province_body(), 2021)
    assert [(line.recipient_name, line.receiving_unit.name, line.amount, line.status)
            for line in lines_of(two_units_decision)] == [
        ("Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", Decimal(2_980_000), LineStatus.OPEN),
        ("Sở Y tế", "Sở Y tế", Decimal(2_980_000), LineStatus.OPEN),
        ("Lương Thị Trang", "Sở Giáo dục và Đào tạo", Decimal(1_490_000), LineStatus.OPEN),
    ]
    assert list(FundEntry.objects.values_list("kind", "amount", "day", "document_number")) == [
        (EntryKind.COMMITMENT, Decimal(2_980_000), D(2021, 2, 6), "01/QĐ-UBND"),
        (EntryKind.COMMITMENT, Decimal(2_980_000), D(2021, 2, 6), "01/QĐ-UBND"),
        (EntryKind.COMMITMENT, Decimal(1_490_000), D(2021, 2, 6), "01/QĐ-UBND"),
    ]
    assert ledger.figures(fund).committed == sum(line.bonus_amount for line in two_units_decision.lines.all())


def test_committing_again_commits_nothing_more(two_units_decision):
    assert commitments.commit_decision(two_units_decision) == 0
    assert FundEntry.objects.count() == 3


def test_a_decision_without_bonus_commits_nothing(unit_a, officer_a, staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    type(decision).objects.filter(pk=decision.pk).update(bonus_enabled=False)
    decision.refresh_from_db()
    issue_decision(decision, staff)
    assert not Fund.objects.exists()


def test_a_draft_commits_nothing(unit_a, officer_a, staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    assert commitments.commit_decision(decision) == 0
    assert not FundLine.objects.exists()


def test_a_unit_decision_commits_to_the_units_own_fund(unit_a, officer_a, education, director):
    from tests.decisions.test_body_decisions import REASON, ldtt

    decision = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                        REASON, body=education)
    issue_decision(decision, officer_a)
    line = FundLine.objects.get()
    assert (line.fund.body, line.fund.year, line.amount) == (education, 2025, Decimal(702_000))


def test_payment_in_part_then_the_rest(two_units_decision, staff):
    first, second, _third = lines_of(two_units_decision)
    fund = first.fund
    payments.record_payment(fund, "PC-01", D(2021, 3, 1), [(first, Decimal(1_000_000)), (second, None)], staff)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.paid, first.due, first.status) == (Decimal(1_000_000), Decimal(1_980_000), LineStatus.OPEN)
    assert (second.paid, second.due, second.status) == (Decimal(2_980_000), Decimal(0), LineStatus.PAID)
    payments.record_payment(fund, "PC-02", D(2021, 3, 5), [(first, None)], staff)
    first.refresh_from_db()
    assert (first.paid, first.status) == (Decimal(2_980_000), LineStatus.PAID)
    figures = ledger.figures(fund)
    assert (figures.committed, figures.paid, figures.due) == (Decimal(7_450_000), Decimal(5_960_000),
                                                              Decimal(1_490_000))


def test_a_payment_above_what_is_due_is_refused(two_units_decision, staff):
    first = lines_of(two_units_decision)[0]
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, Decimal(3_000_000))], staff)
    assert str(refused.value) == ("Sở Giáo dục và Đào tạo: số chi 3.000.000 đồng lớn hơn số còn phải chi "
                                  "2.980.000 đồng.")
    assert not FundEntry.objects.filter(kind=EntryKind.PAYMENT).exists()
    assert not first.fund.vouchers.exists()  # the voucher is rolled back with the refusal


def test_a_paid_line_cannot_be_paid_again(two_units_decision, staff):
    first = lines_of(two_units_decision)[0]
    payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, "PC-02", D(2021, 3, 2), [(first, None)], staff)
    assert str(refused.value) == "Sở Giáo dục và Đào tạo: tiền thưởng đã chi đủ."


def test_the_same_voucher_twice_is_refused(two_units_decision, staff):
    first, second, _third = lines_of(two_units_decision)
    payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, " PC-01 ", D(2021, 3, 2), [(second, None)], staff)
    assert str(refused.value) == "Chứng từ số PC-01 đã được ghi ngày 01/03/2021; không ghi lại."
    second.refresh_from_db()
    assert second.paid == 0


def test_a_concurrent_payment_of_the_same_line_loses(two_units_decision, staff):
    """Another clerk pays the line between our read and our write: the conditional UPDATE finds it paid."""
    first = lines_of(two_units_decision)[0]
    stale = FundLine.objects.get(pk=first.pk)  # read before the other payment
    payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    FundLine.objects.filter(pk=first.pk).update(status=LineStatus.OPEN)  # as if the status row were not yet written
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, "PC-02", D(2021, 3, 1), [(stale, Decimal(2_980_000))], staff)
    assert str(refused.value) == "Sở Giáo dục và Đào tạo: tiền thưởng đã chi đủ."
    assert FundEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


@pytest.mark.parametrize(("number", "day", "message"), [
    ("", D(2021, 3, 1), "Cần ghi số chứng từ chi."),
    ("PC-01", D(2022, 1, 3), "Ngày chứng từ phải thuộc năm 2021 của quỹ."),
    ("PC-01", D(2021, 2, 1), "Ngày chứng từ trước ngày quyết định 01/QĐ-UBND."),
])
def test_a_payment_names_a_voucher_dated_in_the_year_after_the_decision(two_units_decision, staff, number, day,
                                                                        message):
    first = lines_of(two_units_decision)[0]
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, number, day, [(first, None)], staff)
    assert str(refused.value) == message


def test_a_payment_dated_after_today_is_refused(two_units_decision, staff):
    first = lines_of(two_units_decision)[0]
    with time_machine.travel(datetime.datetime(2021, 3, 10, 9, 0, tzinfo=datetime.UTC), tick=False):
        with pytest.raises(FundError) as refused:
            payments.record_payment(first.fund, "PC-09", D(2021, 3, 11), [(first, None)], staff)
        assert str(refused.value) == "Ngày chứng từ 11/03/2021 chưa đến: chỉ ghi khoản đã chi."
        assert payments.record_payment(first.fund, "PC-09", D(2021, 3, 10), [(first, None)], staff).number == "PC-09"
    assert FundEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


@pytest.mark.parametrize(("amount", "message"), [
    (Decimal("0"), "Số tiền phải lớn hơn 0."), (Decimal("-5"), "Số tiền phải lớn hơn 0."),
    (Decimal("10.5"), "Số tiền phải là số đồng nguyên."),
])
def test_a_payment_amount_is_whole_and_positive(two_units_decision, staff, amount, message):
    first = lines_of(two_units_decision)[0]
    with pytest.raises(FundError) as refused:
        payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, amount)], staff)
    assert str(refused.value) == message


def test_revoking_reverses_unpaid_lines_and_flags_paid_ones(two_units_decision, staff):
    first, second, third = lines_of(two_units_decision)
    fund = first.fund
    payments.record_payment(fund, "PC-01", D(2021, 3, 1), [(first, None), (third, Decimal(490_000))], staff)
    decisions.revoke(two_units_decision, "Kê khai thành tích không đúng", staff)
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert [(line.status, line.paid, line.to_recover, line.due) for line in (first, second, third)] == [
        (LineStatus.RECOVERY, Decimal(2_980_000), Decimal(2_980_000), 0),
        (LineStatus.REVERSED, Decimal(0), Decimal(0), 0),
        (LineStatus.RECOVERY, Decimal(490_000), Decimal(490_000), 0),
    ]
    reversals = FundEntry.objects.filter(kind=EntryKind.REVERSAL).order_by("pk")
    assert [(entry.line_id, entry.amount, entry.corrects.kind) for entry in reversals] == [
        (second.pk, Decimal(2_980_000), EntryKind.COMMITMENT), (third.pk, Decimal(1_000_000), EntryKind.COMMITMENT)]
    figures = ledger.figures(fund)
    assert (figures.committed, figures.paid, figures.due) == (Decimal(3_470_000), Decimal(3_470_000), 0)
    # the paid entries are untouched: never silently changed
    assert list(FundEntry.objects.filter(kind=EntryKind.PAYMENT).values_list("amount", flat=True)) == [
        Decimal(2_980_000), Decimal(490_000)]
    with pytest.raises(FundError) as refused:
        payments.record_payment(fund, "PC-02", D(2021, 4, 1), [(second, None)], staff)
    assert str(refused.value) == "Sở Y tế: quyết định 01/QĐ-UBND đã bị thu hồi, không chi tiền thưởng."


def test_money_recovered_returns_to_the_fund(two_units_decision, staff):
    first = lines_of(two_units_decision)[0]
    fund = first.fund
    payments.record_payment(fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    decisions.revoke(two_units_decision, "Kê khai thành tích không đúng", staff)
    before = ledger.figures(fund).balance
    with pytest.raises(FundError) as refused:
        payments.record_recovery(first, Decimal(3_000_000), D(2021, 6, 1), "PT-01", staff)
    assert str(refused.value) == ("Sở Giáo dục và Đào tạo: số thu hồi 3.000.000 đồng lớn hơn số phải thu hồi "
                                  "2.980.000 đồng.")
    payments.record_recovery(first, Decimal(2_980_000), D(2021, 6, 1), "PT-01", staff)
    first.refresh_from_db()
    assert (first.status, first.to_recover) == (LineStatus.RECOVERED, Decimal(0))
    assert ledger.figures(fund).balance == before + Decimal(2_980_000)
    with pytest.raises(FundError) as refused:
        payments.record_recovery(first, Decimal(1), D(2021, 6, 2), "PT-02", staff)
    assert str(refused.value) == "Sở Giáo dục và Đào tạo: không có tiền thưởng phải thu hồi."


def test_a_payment_is_corrected_by_an_opposite_entry(two_units_decision, staff):
    first = lines_of(two_units_decision)[0]
    voucher = payments.record_payment(first.fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    paid = voucher.entries.get()
    correction = payments.correct_payment(paid, "Ghi nhầm người nhận", staff)
    first.refresh_from_db()
    assert (correction.amount, correction.corrects, first.paid, first.status) == (
        Decimal(-2_980_000), paid, 0, LineStatus.OPEN)
    assert ledger.figures(first.fund).paid == 0
    with pytest.raises(FundError) as refused:
        payments.correct_payment(paid, "Lần nữa", staff)
    assert str(refused.value) == "Khoản chi này đã được điều chỉnh."


def test_the_ledger_is_append_only(two_units_decision):
    entry = FundEntry.objects.first()
    entry.amount = 1
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()


# The citation of the rule in force in 2021 (migration 0031_fund_rules_sources; docs/legal-sources.md).
C91 = ("Nghị định số 91/2017/NĐ-CP ngày 31/7/2017, Điều 65 khoản 1 (nguồn và mức trích quỹ); tỷ lệ 20% theo Thông "
       "tư 71/2011/TT-BTC Điều 4 khoản 2 điểm c")


# --- allocations, limits, balance on a day ---------------------------------------------------------

@pytest.fixture
def fund(db):
    return ledger.fund_for(province_body(), 2021)


def test_an_allocation_names_its_document(fund, staff):
    with pytest.raises(FundError) as refused:
        ledger.add_entry(fund, EntryKind.ESTIMATE, 500_000_000, D(2021, 1, 5), staff)
    assert str(refused.value) == "Cần ghi số văn bản giao dự toán hoặc bổ sung kinh phí."


def test_an_entry_is_dated_in_the_funds_year(fund, staff):
    with pytest.raises(FundError) as refused:
        ledger.add_entry(fund, EntryKind.ESTIMATE, 1, D(2020, 12, 31), staff, document_number="1/QĐ-UBND")
    assert str(refused.value) == "Ngày ghi sổ phải thuộc năm 2021 của quỹ."


def test_an_allocation_over_the_formation_limit_asks_for_confirmation(fund, staff):
    FundRule.objects.filter(valid_from=D(2017, 7, 31)).update(formation_max_percent=Decimal(20),
                                                              formation_base_label="tổng quỹ tiền lương")
    ledger.set_opening(fund, 0, "", formation_base=1_000_000_000)
    fund.refresh_from_db()
    ledger.add_entry(fund, EntryKind.ESTIMATE, 150_000_000, D(2021, 1, 5), staff, document_number="01/QĐ-UBND")
    with pytest.raises(NeedsConfirmation) as asked:
        ledger.add_entry(fund, EntryKind.SUPPLEMENT, 60_000_000, D(2021, 9, 5), staff, document_number="2/QĐ")
    assert str(asked.value) == (
        "Tổng kinh phí trích lập năm 2021 sẽ là 210.000.000 đồng, vượt mức tối đa 200.000.000 đồng (20% của tổng quỹ "
        f"tiền lương 1.000.000.000 đồng theo {C91}) là 10.000.000 đồng.")
    entry = ledger.add_entry(fund, EntryKind.SUPPLEMENT, 60_000_000, D(2021, 9, 5), staff, document_number="2/QĐ",
                             confirm=True)
    assert entry.confirmed_over_limit
    assert ledger.figures(fund).allocated == Decimal(210_000_000)


def test_campaign_spending_over_the_share_asks_for_confirmation(fund, staff):
    ledger.add_entry(fund, EntryKind.ESTIMATE, 100_000_000, D(2021, 1, 5), staff, document_number="01/QĐ-UBND")
    ledger.add_entry(fund, EntryKind.CAMPAIGN, 15_000_000, D(2021, 3, 1), staff, note="Hội nghị phát động")
    with pytest.raises(NeedsConfirmation) as asked:
        ledger.add_entry(fund, EntryKind.CAMPAIGN, 6_000_000, D(2021, 4, 1), staff)
    assert str(asked.value) == (
        "Chi tổ chức, chỉ đạo phong trào thi đua năm 2021 sẽ là 21.000.000 đồng, vượt 20% tổng quỹ (100.000.000 "
        f"đồng) theo {C91}: tối đa 20.000.000 đồng, vượt 1.000.000 đồng.")


def test_an_allocation_is_corrected_by_an_opposite_entry(fund, staff):
    entry = ledger.add_entry(fund, EntryKind.ESTIMATE, 100_000_000, D(2021, 1, 5), staff, document_number="01")
    correction = ledger.correct_entry(entry, "Nhập sai số", staff)
    assert (correction.amount, correction.corrects, ledger.figures(fund).allocated) == (
        Decimal(-100_000_000), entry, 0)
    with pytest.raises(FundError) as refused:
        ledger.correct_entry(entry, "Lần nữa", staff)
    assert str(refused.value) == "Bút toán này đã được điều chỉnh."
    with pytest.raises(FundError):
        ledger.correct_entry(correction, "Điều chỉnh của điều chỉnh", staff)


def test_the_opening_balance_is_fixed_once_the_year_has_entries(fund, staff):
    ledger.set_opening(fund, 12_000_000, "Số dư năm 2020 chuyển sang")
    ledger.add_entry(fund, EntryKind.ESTIMATE, 100_000_000, D(2021, 1, 5), staff, document_number="01")
    with pytest.raises(FundError) as refused:
        ledger.set_opening(fund, 13_000_000, "")
    assert str(refused.value) == ("Quỹ đã có bút toán: không sửa số dư đầu năm; ghi một khoản bổ sung hoặc "
                                  "điều chỉnh.")


def test_the_balance_on_any_day(two_units_decision, staff):
    fund = Fund.objects.get()
    ledger.set_opening(fund, 12_000_000, "Số dư năm 2020 chuyển sang")
    fund.refresh_from_db()
    ledger.add_entry(fund, EntryKind.ESTIMATE, 100_000_000, D(2021, 1, 5), staff, document_number="01/QĐ-UBND")
    first = lines_of(two_units_decision)[0]
    payments.record_payment(fund, "PC-01", D(2021, 3, 1), [(first, None)], staff)
    ledger.add_entry(fund, EntryKind.SUPPLEMENT, 20_000_000, D(2021, 9, 1), staff, document_number="09/QĐ-UBND")
    assert ledger.figures(fund, D(2021, 1, 4)).balance == Decimal(12_000_000)
    assert ledger.figures(fund, D(2021, 2, 6)).balance == Decimal(112_000_000)
    assert ledger.figures(fund, D(2021, 3, 1)).balance == Decimal(109_020_000)
    on_dec = ledger.figures(fund, D(2021, 12, 31))
    assert (on_dec.balance, on_dec.due, on_dec.available) == (Decimal(129_020_000), Decimal(4_470_000),
                                                             Decimal(124_550_000))


def test_a_later_year_has_its_own_fund(unit_a, officer_a, staff):
    publish_for(staff, [(unit_a, officer_a, None)], day=D(2021, 2, 6))
    publish_for(staff, [(unit_a, officer_a, "Hoàng Văn Nam")], day=D(2022, 3, 1))
    assert list(Fund.objects.order_by("year").values_list("year", flat=True)) == [2021, 2022]


def test_a_collective_proposed_by_another_unit_receives_its_own_bonus(unit_a, officer_a, unit_b, staff):
    """A cụm's leader proposes a member unit: the member is paid; a person is paid through the unit proposing him."""
    from awards.models import Nomination
    from tests.factories import PersonFactory, make_dossier, with_board_submission

    dossier = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible")
    Nomination.objects.filter(dossier=dossier).update(unit=unit_b)
    person = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible",
                          recipient=PersonFactory(full_name="Hoàng Văn Nam", unit=unit_b))
    signer = two_signer()
    decision = with_board_submission(decisions.draft_decision(
        [*dossier.nominations.all(), *person.nominations.all()], staff, D(2021, 2, 6), signer, "x"))
    issue_decision(decision, staff)
    assert sorted((line.recipient_name, line.receiving_unit.name) for line in lines_of(decision)) == [
        ("Hoàng Văn Nam", "Sở Giáo dục và Đào tạo"), ("Sở Y tế", "Sở Y tế")]


def two_signer():
    from awards.models import Signer

    return Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                 valid_from=D(2020, 1, 1))
