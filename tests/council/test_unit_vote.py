"""A unit's own Hội đồng Thi đua - Khen thưởng votes on its round (Chiến sĩ thi đua cơ sở: 80 % of all members): the
body's officer records the meeting, each nomination passes or fails over all members, the round moves to "Chờ quyết
định" once, and the decision's căn cứ cites the meeting."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.catalogue.in_force import award_type_on
from awards.council import services as council
from awards.council.services import CouncilError
from awards.council.unit_vote import record_unit_vote
from awards.decisions import services as decisions
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import DossierTransition, Nomination, UnitCouncilVote
from tests.dossiers.round_support import CSTDCS, D, round_of, teacher

pytestmark = pytest.mark.django_db
MEETING = {"held_on": D(2025, 1, 8), "member_count": 15, "present_count": 13, "chair_name": "Trần Văn Hải",
           "secretary_name": "Lường Thị Hoa"}


@pytest.fixture
def reviewed(unit_a, officer_a, education):
    """The Sở's own list, reviewed: two CSTĐCS (vote needed) and one LĐTT (no vote)."""
    dossier = round_of(unit_a, officer_a, education, code=CSTDCS, person=teacher(unit_a, "Lương Thị Trang"),
                       state="reviewed", verdict="eligible")
    cstdcs = dossier.nominations.get().award_type
    Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=teacher(unit_a, "Hoàng Văn Nam"),
                              award_type=cstdcs, verdict="eligible", position=2)
    Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=teacher(unit_a, "Vi Văn Tám"),
                              award_type=award_type_on("lao-dong-tien-tien", D(2024, 12, 31)), verdict="eligible",
                              position=3)
    return dossier


def ids(dossier) -> dict[str, int]:
    return {n.person.full_name: n.pk for n in dossier.nominations.select_related("person")}


def test_twelve_of_fifteen_pass_eighty_percent_and_eleven_do_not(reviewed, officer_a):
    people = ids(reviewed)
    vote = record_unit_vote(reviewed, officer_a, **MEETING,
                            yes_counts={people["Lương Thị Trang"]: 12, people["Hoàng Văn Nam"]: 11})
    assert [(line.nomination.person.full_name, line.yes_count, line.threshold_pct, line.passed)
            for line in vote.lines.order_by("nomination__position")] == [
        ("Lương Thị Trang", 12, 80, True), ("Hoàng Văn Nam", 11, 80, False)]
    assert dict(reviewed.nominations.values_list("person__full_name", "council_result")) == {
        "Lương Thị Trang": "passed", "Hoàng Văn Nam": "failed", "Vi Văn Tám": ""}
    reviewed.refresh_from_db()
    assert reviewed.state == DossierState.AWAITING_DECISION
    assert DossierTransition.objects.filter(dossier=reviewed).values_list("action", "note").get() == (
        "record_vote", "Họp Hội đồng ngày 08/01/2025: 1/2 đề nghị đạt tỷ lệ phiếu.")
    assert sorted(n.recipient_name for n in decisions.ready_nominations(reviewed.body)) == [
        "Lương Thị Trang", "Vi Văn Tám"]


def test_the_decision_cites_the_unit_councils_meeting(reviewed, officer_a, director):
    people = ids(reviewed)
    record_unit_vote(reviewed, officer_a, **MEETING, yes_counts={people["Lương Thị Trang"]: 15,
                                                                 people["Hoàng Văn Nam"]: 14})
    ready = [n for n in decisions.ready_nominations(reviewed.body) if n.award_type.code == CSTDCS]
    decision = decisions.draft_decision(ready, officer_a, D(2025, 1, 20), director, "đã có thành tích",
                                        body=reviewed.body)
    assert decision.legal_bases.splitlines()[-1] == (
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo ngày 08 tháng 01 năm 2025;")


@pytest.mark.parametrize("change, message", [
    ({"present_count": 16}, "Số thành viên có mặt phải từ 0 đến 15."),
    ({"member_count": 0, "present_count": 0}, "Hội đồng phải có ít nhất một thành viên."),
    ({"chair_name": " "}, "Ghi họ tên người chủ trì và thư ký cuộc họp."),
    ({"held_on": datetime.date.today() + datetime.timedelta(days=1)}, "Ngày họp không được sau hôm nay."),
])
def test_a_meeting_typed_wrong_is_refused_and_nothing_is_recorded(reviewed, officer_a, change, message):
    people = ids(reviewed)
    with pytest.raises(CouncilError) as refused:
        record_unit_vote(reviewed, officer_a, **{**MEETING, **change},
                         yes_counts={people["Lương Thị Trang"]: 0, people["Hoàng Văn Nam"]: 0})
    assert refused.value.message == message
    reviewed.refresh_from_db()
    assert (reviewed.state, UnitCouncilVote.objects.count()) == (DossierState.REVIEWED, 0)


def test_yes_counts_must_name_exactly_the_nominations_voted_on_within_the_members(reviewed, officer_a):
    people = ids(reviewed)
    with pytest.raises(CouncilError) as missing:
        record_unit_vote(reviewed, officer_a, **MEETING, yes_counts={people["Lương Thị Trang"]: 12})
    assert missing.value.message == "Cần ghi số phiếu đồng ý của đúng 2 đề nghị phải bỏ phiếu."
    with pytest.raises(CouncilError) as too_many:
        record_unit_vote(reviewed, officer_a, **MEETING, yes_counts={people["Lương Thị Trang"]: 16,
                                                                     people["Hoàng Văn Nam"]: 3})
    assert too_many.value.message == (
        "Lương Thị Trang: số phiếu đồng ý phải từ 0 đến 15 (số thành viên Hội đồng).")


def test_only_the_body_s_officer_records_the_vote(reviewed, staff, officer_b, health):
    people = ids(reviewed)
    for outsider in (staff, officer_b):
        with pytest.raises(workflow.NotAllowed):
            record_unit_vote(reviewed, outsider, **MEETING, yes_counts={pk: 15 for pk in people.values()})
    assert UnitCouncilVote.objects.count() == 0


def test_the_vote_is_recorded_once(reviewed, officer_a):
    people = ids(reviewed)
    counts = {people["Lương Thị Trang"]: 15, people["Hoàng Văn Nam"]: 15}
    record_unit_vote(reviewed, officer_a, **MEETING, yes_counts=counts)
    with pytest.raises(workflow.NotAllowed) as again:
        record_unit_vote(reviewed, officer_a, **MEETING, yes_counts=counts)
    assert again.value.message == (
        'Không thực hiện được "Ghi kết quả họp Hội đồng Thi đua - Khen thưởng" khi hồ sơ đang "Chờ quyết định".')
    assert UnitCouncilVote.objects.count() == 1


def test_the_page_records_the_meeting_and_shows_it_on_the_round(client_for, reviewed):
    people = ids(reviewed)
    client = client_for("officer_a")
    url = reverse("awards:round_vote", args=[reviewed.reference])
    page = client.get(url).content.decode()
    assert "Kết quả họp Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo" in page
    assert page.count('name="yes_') == 2
    response = client.post(url, {"held_on": "2025-01-08", "member_count": "15", "present_count": "13",
                                 "chair_name": "Trần Văn Hải", "secretary_name": "Lường Thị Hoa",
                                 f"yes_{people['Lương Thị Trang']}": "13", f"yes_{people['Hoàng Văn Nam']}": "9"})
    assert response.status_code == 302
    detail = client.get(reverse("awards:dossier", args=[reviewed.reference])).content.decode()
    assert "13/15" in detail and "9/15" in detail and "13/15 thành viên có mặt" in detail
    assert client.get(url).status_code == 403  # moved on: nothing to record twice


def test_a_round_never_reaches_the_province_council_s_agenda(reviewed, staff, council_member):
    session = council.create_session("Phiên họp tháng 01/2025", D(2025, 1, 9), "", [council_member], staff)
    nomination = reviewed.nominations.get(person__full_name="Lương Thị Trang")
    assert council.candidates() == []
    with pytest.raises(CouncilError) as refused:
        council.add_to_agenda(session, [nomination], staff)
    assert refused.value.message.startswith("Không đưa được vào chương trình: Lương Thị Trang")
    reviewed.refresh_from_db()
    assert reviewed.state == DossierState.REVIEWED
