"""Council sessions: agenda, one live vote per member (a database constraint), changed and voided votes
kept, written votes of absent members, tallies over ALL members at the edges, minutes PDF."""

from __future__ import annotations

import datetime
import re
import subprocess
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from awards.council import services as council
from awards.council import tally
from awards.enums import CouncilResult, DossierState, VoteChoice
from awards.models import CouncilMinutesSequence, CouncilSession, Vote
from tests import pdf_tools
from tests.factories import PersonFactory, UserFactory, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db
YES, NO = VoteChoice.YES, VoteChoice.NO


@pytest.fixture
def members(db):
    return [UserFactory(full_name=f"Thành viên {i:02d}", roles=[Role.COUNCIL_MEMBER]) for i in range(19)]


@pytest.fixture
def cstd_tinh(unit_a, officer_a):
    """A reviewed dossier with one Chiến sĩ thi đua cấp tỉnh nomination (threshold 90 %)."""
    person = PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a, position="Trưởng phòng Kế hoạch tổng hợp")
    return make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                        verdict="eligible", recipient=person)


@pytest.fixture
def session(staff, members, cstd_tinh):
    session = council.create_session("Phiên họp xét khen thưởng tổng kết năm 2020", datetime.date(2021, 1, 20),
                                     "Trụ sở UBND tỉnh", members, staff)
    council.add_to_agenda(session, list(cstd_tinh.nominations.all()), staff)
    return preside(session, staff)


def preside(session, staff):
    """The first member chairs; a Ban Thi đua - Khen thưởng officer (not a member) keeps the minutes."""
    return council.set_presiding(session, staff, chair=session.members.order_by("full_name").first(),
                                 chair_position="Phó Chủ tịch UBND tỉnh, Phó Chủ tịch Hội đồng",
                                 secretary_name="Lăng Văn Hưng",
                                 secretary_position="Chuyên viên Ban Thi đua - Khen thưởng, Sở Nội vụ")


def vote_n(session, members, yes: int, no: int = 0):
    item = session.items.get()
    for member in members[:yes]:
        council.cast_vote(item, member, YES)
    for member in members[yes:yes + no]:
        council.cast_vote(item, member, NO)
    return item


def test_adding_to_the_agenda_moves_the_dossier(session, cstd_tinh):
    cstd_tinh.refresh_from_db()
    assert cstd_tinh.state == DossierState.IN_COUNCIL
    assert list(cstd_tinh.history.values_list("action", flat=True)) == ["send_to_council"]


def test_17_of_19_fails_a_90_percent_rule(session, members, staff, cstd_tinh):
    item = vote_n(session, members, 17, 2)
    council.close_session(session, staff)
    item.refresh_from_db()
    assert (item.yes_count, item.no_count, item.member_count, item.threshold_pct, item.passed) == (
        17, 2, 19, Decimal("90.00"), False)
    assert tally.share(17, 19) == Decimal("89.47")
    assert cstd_tinh.nominations.get().council_result == CouncilResult.FAILED


def test_18_of_19_passes(session, members, staff, cstd_tinh):
    item = vote_n(session, members, 18, 1)
    council.close_session(session, staff)
    item.refresh_from_db()
    assert (item.yes_count, item.passed) == (18, True)
    cstd_tinh.refresh_from_db()
    assert cstd_tinh.nominations.get().council_result == CouncilResult.PASSED
    assert cstd_tinh.state == DossierState.AWAITING_DECISION


def test_absent_members_count_in_the_denominator(session, members, staff):
    item = vote_n(session, members, 17)  # two members never vote
    council.close_session(session, staff)
    item.refresh_from_db()
    assert (item.yes_count, item.no_count, item.member_count, item.passed) == (17, 0, 19, False)


def test_written_votes_of_absent_members_are_recorded_by_staff(session, members, staff):
    item = vote_n(session, members, 17)
    council.cast_vote(item, members[17], YES, actor=staff)
    vote = Vote.objects.get(item=item, member=members[17])
    assert (vote.written, vote.recorded_by) == (True, staff)
    council.close_session(session, staff)
    item.refresh_from_db()
    assert (item.yes_count, item.passed) == (18, True)


def test_a_member_cannot_record_someone_elses_vote(session, members):
    item = session.items.get()
    with pytest.raises(council.CouncilError) as excinfo:
        council.cast_vote(item, members[1], YES, actor=members[0])
    assert excinfo.value.message == (
        "Chỉ thành viên tự bỏ phiếu; phiếu bằng văn bản do Ban Thi đua - Khen thưởng ghi nhận.")


def test_only_session_members_vote(session):
    outsider = UserFactory(roles=[Role.COUNCIL_MEMBER], full_name="Người ngoài")
    with pytest.raises(council.CouncilError) as excinfo:
        council.cast_vote(session.items.get(), outsider, YES)
    assert excinfo.value.message == "Người ngoài không phải thành viên của phiên họp này."


def test_changing_a_vote_voids_the_old_one_with_a_reason(session, members):
    item = session.items.get()
    council.cast_vote(item, members[0], NO)
    council.cast_vote(item, members[0], YES)
    rows = list(Vote.objects.filter(item=item, member=members[0]).order_by("pk").values_list(
        "choice", "voided", "void_reason"))
    assert rows == [("no", True, council.CHANGED_MIND), ("yes", False, "")]


def test_the_database_refuses_a_second_live_vote(session, members, staff):
    item = session.items.get()
    council.cast_vote(item, members[0], YES)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(item=item, member=members[0], choice=NO, recorded_by=members[0])


def test_voiding_needs_a_reason_and_never_deletes(session, members, staff):
    item = session.items.get()
    vote = council.cast_vote(item, members[0], YES)
    with pytest.raises(council.CouncilError) as excinfo:
        council.void_vote(vote, "  ", staff)
    assert excinfo.value.message == "Hủy phiếu phải ghi rõ lý do."
    council.void_vote(vote, "Phiếu ghi nhầm thành viên", staff)
    vote.refresh_from_db()
    assert (vote.voided, vote.void_reason, vote.voided_by) == (True, "Phiếu ghi nhầm thành viên", staff)
    assert Vote.objects.filter(item=item).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.filter(pk=vote.pk).update(voided=True, void_reason="")


def test_no_vote_after_closing_and_closing_twice_is_refused(session, members, staff):
    council.close_session(session, staff)
    with pytest.raises(council.CouncilError) as excinfo:
        council.cast_vote(session.items.get(), members[0], YES)
    assert excinfo.value.message == "Phiên họp đã kết thúc; không thay đổi được nữa."
    with pytest.raises(council.CouncilError):
        council.close_session(session, staff)


def test_flag_threshold_is_80_percent(unit_a, officer_a, staff, members):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", state=DossierState.REVIEWED,
                           verdict="eligible")
    session = council.create_session("Xét Cờ thi đua", datetime.date(2021, 1, 20), "", members[:10], staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    preside(session, staff)
    item = vote_n(session, members, 8, 2)
    council.close_session(session, staff)
    item.refresh_from_db()
    assert (item.threshold_pct, item.passed) == (Decimal("80.00"), True)


def test_nominations_without_a_vote_requirement_cannot_be_added(unit_a, officer_a, staff, members):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.REVIEWED, verdict="eligible")  # Bằng khen
    session = council.create_session("Phiên", datetime.date(2021, 1, 20), "", members[:3], staff)
    with pytest.raises(council.CouncilError) as excinfo:
        council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    assert excinfo.value.message.startswith("Không đưa được vào chương trình: Sở Giáo dục và Đào tạo")


def test_only_council_members_can_sit(staff, officer_a):
    with pytest.raises(council.CouncilError) as excinfo:
        council.create_session("Phiên", datetime.date(2021, 1, 20), "", [officer_a], staff)
    assert excinfo.value.message == "Không phải thành viên Hội đồng: Lường Thị Hoa."


def test_minutes_pdf_names_the_result(session, members, staff, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    vote_n(session, members, 18, 1)
    with django_capture_on_commit_callbacks(execute=True):
        council.close_session(session, staff)
    session.refresh_from_db()
    path = tmp_path / session.minutes_pdf.name
    text = pdf_tools.text(path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # NĐ 30/2020 header: the Số of the Hội đồng's series and the place-date on one row.
    assert lines[0].startswith("UBND TỈNH LẠNG SƠN") and lines[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[1].startswith("HỘI ĐỒNG") and lines[1].endswith("Độc lập - Tự do - Hạnh phúc")
    assert lines[2] == "THI ĐUA - KHEN THƯỞNG"
    assert lines[3].startswith("Số: 01/BB-HĐTĐKT") and lines[3].endswith("Lạng Sơn, ngày 20 tháng 01 năm 2021")
    words = pdf_tools.flat(text)
    assert "BIÊN BẢN" in lines
    assert "Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị khen thưởng" in lines
    assert ("Chủ tọa: Thành viên 00, Phó Chủ tịch UBND tỉnh, Phó Chủ tịch Hội đồng. Thư ký: Lăng Văn Hưng, Chuyên "
            "viên Ban Thi đua - Khen thưởng, Sở Nội vụ.") in words
    assert "Thành phần: tổng số 19 thành viên Hội đồng" in words
    assert ("Ngày 20/01/2021, tại Trụ sở UBND tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh Lạng Sơn họp xét khen thưởng "
            "tổng kết năm 2020.") in words
    assert "Hoàng Mạnh Cương" in text and "18/19" in text and "94,74" in text and "Đạt" in text
    # The signature block: the thư ký on the left, the chủ tọa on the right, each with the name under it.
    title_row = next(i for i, line in enumerate(lines) if line.startswith("THƯ KÝ"))
    assert lines[title_row].split() == ["THƯ", "KÝ", "CHỦ", "TỌA"]
    assert lines[title_row + 1].split() == ["Lăng", "Văn", "Hưng", "Thành", "viên", "00"]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("Liberation-Serif" in name for name in names), names
    meta = pdf_tools.info(path)
    assert meta["Title"] == "Biên bản số 01/BB-HĐTĐKT ngày 20/01/2021"
    assert meta["Author"] == "Hội đồng Thi đua - Khen thưởng tỉnh Lạng Sơn"
    assert meta["Subject"] == ("Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị khen thưởng: Phiên họp xét khen "
                               "thưởng tổng kết năm 2020")
    assert meta["Keywords"] == "01/BB-HĐTĐKT"
    assert meta["CreationDate"] == "2021-01-20T00:00:00+07"
    assert pdf_tools.pdfa_part(path) == ("2", "B")


# --- chủ tọa, thư ký and the Hội đồng's series of biên bản -------------------------------------------------


def test_closing_needs_a_chair_and_a_secretary(staff, members, cstd_tinh):
    session = council.create_session("Phiên họp", datetime.date(2021, 1, 20), "", members, staff)
    council.add_to_agenda(session, list(cstd_tinh.nominations.all()), staff)
    with pytest.raises(council.CouncilError) as excinfo:
        council.close_session(session, staff)
    assert excinfo.value.message == ("Chưa kết thúc được phiên họp: chưa có chủ tọa và thư ký (chọn trong thành viên "
                                     "Hội đồng hoặc ghi họ tên).")
    council.set_presiding(session, staff, chair=members[0])
    with pytest.raises(council.CouncilError) as excinfo:
        council.close_session(session, staff)
    assert excinfo.value.message == ("Chưa kết thúc được phiên họp: chưa có thư ký (chọn trong thành viên Hội đồng "
                                     "hoặc ghi họ tên).")
    session.refresh_from_db()
    assert (session.status, session.closed_at, session.minutes_number) == ("open", None, None)
    cstd_tinh.refresh_from_db()
    assert cstd_tinh.state == DossierState.IN_COUNCIL
    assert not CouncilMinutesSequence.objects.exists()  # a refused closing takes no number


def test_chair_and_secretary_are_members_of_the_session_or_typed(staff, members, officer_a):
    session = council.create_session("Phiên họp", datetime.date(2021, 1, 20), "", members[:3], staff)
    with pytest.raises(council.CouncilError) as excinfo:
        council.set_presiding(session, staff, chair=members[5], secretary_name="Lăng Văn Hưng")
    assert excinfo.value.message == "Thành viên 05 không phải thành viên của phiên họp này."
    with pytest.raises(council.CouncilError) as excinfo:
        council.set_presiding(session, staff, chair=members[0], secretary=members[0])
    assert excinfo.value.message == "Chủ tọa và thư ký phải là hai người khác nhau."
    with pytest.raises(council.CouncilError):
        council.set_presiding(session, officer_a, chair=members[0], secretary=members[1])
    session = council.set_presiding(session, staff, chair=members[0], chair_name="ignored",
                                    secretary_name="  Lăng   Văn Hưng ")
    assert (session.chair_display, session.chair_name, session.secretary_display) == (
        "Thành viên 00", "", "Lăng Văn Hưng")


def test_minutes_are_numbered_per_year_without_gaps(staff, members, unit_a, officer_a):
    def closed(day):
        dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                               verdict="eligible")
        session = council.create_session(f"Phiên {day}", day, "", members[:3], staff)
        council.add_to_agenda(session, list(dossier.nominations.all()), staff)
        council.set_presiding(session, staff, chair=members[0], secretary=members[1])
        return council.close_session(session, staff)

    codes = [closed(day).minutes_code for day in (datetime.date(2021, 1, 20), datetime.date(2021, 6, 3),
                                                 datetime.date(2022, 1, 14), datetime.date(2021, 12, 28))]
    assert codes == ["01/BB-HĐTĐKT", "02/BB-HĐTĐKT", "01/BB-HĐTĐKT", "03/BB-HĐTĐKT"]
    assert dict(CouncilMinutesSequence.objects.values_list("year", "last_number")) == {2021: 3, 2022: 1}
    assert list(CouncilSession.objects.order_by("held_on").values_list("minutes_year", "minutes_number")) == [
        (2021, 1), (2021, 2), (2021, 3), (2022, 1)]


def test_a_long_agenda_never_splits_a_row_and_repeats_the_header(staff, members, unit_a, officer_a, tmp_path):
    """40 nominees with long positions: every row (number, name, position, unit) stays on one page, the header
    row is printed on every page, and the table is set at 13 pt like the body (NĐ 30/2020: 13-14 pt)."""
    from awards.council import minutes

    session = council.create_session("Phiên họp xét khen thưởng tổng kết năm 2020", datetime.date(2021, 1, 20),
                                     "Trụ sở UBND tỉnh", members, staff)
    for n in range(1, 41):
        person = PersonFactory(full_name=f"Người đề nghị số {n:02d}", unit=unit_a,
                               position=f"Phó Trưởng phòng Kế hoạch, Tài chính và Tổ chức cán bộ số {n:02d}")
        dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                               verdict="eligible", recipient=person)
        council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    for item in session.items.all():
        for member in members[:18]:
            council.cast_vote(item, member, YES)
    preside(session, staff)
    council.close_session(session, staff)
    data = minutes.render(session)
    layouts = pdf_tools.pages(data)
    pages = [pdf_tools.flat(page) for page in layouts]
    assert len(pages) >= 3
    for n in range(1, 41):
        holding = [i for i, page in enumerate(pages) if f"Người đề nghị số {n:02d}" in page]
        assert len(holding) == 1, n
        page = pages[holding[0]]
        assert f"cán bộ số {n:02d}" in page, n  # the wrapped position stays with the name
    table_pages = [page for page in layouts if "Người đề nghị số" in page]
    assert all(re.search(r"^\s*STT\s+Tập thể, cá nhân được đề", page, re.M) for page in table_pages)
    sizes = {size for word, size, _x, _y in pdf_tools.words(data, 2) if word.startswith("Người")}
    assert sizes and all(12.9 <= size <= 14.1 for size in sizes), sizes
    body = {size for word, size, _x, _y in pdf_tools.words(data, 1) if word == "Thành"}
    assert body and all(13.9 <= size <= 14.1 for size in body), body
