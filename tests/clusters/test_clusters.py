"""A cluster's year: scores within the criteria's maxima, computed totals, ranking with the configured and
the legal tie-breaks, quota-driven proposals as one dossier in the normal workflow, permissions, states and
concurrent changes, and the two PDFs."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards.core.state_machine import Conflict, NotAllowed
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Attachment
from tests import pdf_tools
from tests.factories import ClusterFactory, UnitFactory, UserFactory
from units.clusters import access, closing, proposals, ranking, scoring
from units.clusters import pdf as cluster_pdf
from units.models import (
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearState,
    ClusterYearTransition,
    Role,
    TieBreak,
)

pytestmark = pytest.mark.django_db
D = Decimal
CRITERIA = [
    scoring.CriterionSpec("1", "Thực hiện nhiệm vụ chính trị, chỉ tiêu kinh tế - xã hội", D(40), "A. Nhiệm vụ"),
    scoring.CriterionSpec("2", "Tổ chức phong trào thi đua, công tác khen thưởng", D(30), "B. Thi đua"),
    scoring.CriterionSpec("3", "Xây dựng Đảng, chính quyền, đoàn thể vững mạnh", D(30), "C. Xây dựng tổ chức"),
]


@pytest.fixture
def cluster_year(unit_a, unit_b, officer_a, officer_b, staff):
    """A cụm of nine: unit A (trưởng cụm, officer_a), unit B (a member, officer_b) and seven others."""
    cluster = ClusterFactory(name="Cụm thi đua các huyện nội địa")
    units = [unit_a, unit_b, *[UnitFactory(name=f"Huyện thử nghiệm {n}", sort_order=n) for n in range(1, 8)]]
    unit_a.sort_order, unit_b.sort_order = 0, 0
    for unit in units:
        ClusterMembership.objects.create(cluster=cluster, unit=unit, year=2020)
    cy = ClusterYear.objects.create(cluster=cluster, year=2020, leader=unit_a, deputy=unit_b, flag_quota=1,
                                    merit_quota=2, submission_number="05/TTr-CTĐ",
                                    submission_date=datetime.date(2021, 1, 12))
    scoring.set_criteria(cy, CRITERIA, staff, cy.version)
    scoring.start_self_scoring(cy, staff, cy.version)
    return cy


def members(cy):
    return list(access.memberships(cy))


def criteria(cy):
    return list(cy.criteria.all())


def check_all(cy, actor, totals: dict[int, tuple]) -> None:
    """The leader scores every member: ``totals`` maps a membership id to its three points (default 30/20/20)."""
    c1, c2, c3 = criteria(cy)
    points = {}
    for m in members(cy):
        a, b, c = totals.get(m.pk, (30, 20, 20))
        points.update({(m.pk, c1.pk): a, (m.pk, c2.pk): b, (m.pk, c3.pk): c})
    scoring.save_checked_scores(cy, actor, points, cy.version)
    scoring.finish_check(cy, actor, cy.version)


def rank(cy, actor, votes: dict[int, int] | None = None, voters: int = 9):
    votes = {m.pk: (votes or {}).get(m.pk, 0) for m in members(cy)}
    return ranking.record_ranking(cy, actor, votes, datetime.date(2021, 1, 8), "Hội trường UBND huyện Hữu Lũng",
                                   "Đại diện lãnh đạo 09 đơn vị thành viên", voters, cy.version)


def descending(cy) -> dict[int, tuple]:
    """Distinct totals: the n-th member scores 90 - n."""
    return {m.pk: (30, 20, 40 - n - 20 if n < 20 else 0) for n, m in enumerate(members(cy))}


# --- scores -----------------------------------------------------------------------------------------


def test_self_score_above_the_maximum_is_refused_and_nothing_is_saved(cluster_year, officer_b):
    c1, c2, _c3 = criteria(cluster_year)
    with pytest.raises(NotAllowed, match="vượt điểm tối đa 40"):
        scoring.save_self_scores(cluster_year, officer_b, {c1.pk: ("40.5", ""), c2.pk: ("10", "")},
                                  cluster_year.version)
    assert not ClusterScore.objects.exists()


def test_negative_self_score_is_refused(cluster_year, officer_b):
    c1 = criteria(cluster_year)[0]
    with pytest.raises(NotAllowed, match="không được âm"):
        scoring.save_self_scores(cluster_year, officer_b, {c1.pk: ("-1", "")}, cluster_year.version)


def test_database_refuses_negative_points(cluster_year):
    membership, c1 = members(cluster_year)[0], criteria(cluster_year)[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterScore.objects.create(membership=membership, criterion=c1, self_points=D(-1))


def test_model_clean_refuses_points_above_the_maximum(cluster_year):
    score = ClusterScore(membership=members(cluster_year)[0], criterion=criteria(cluster_year)[0],
                         checked_points=D("41"))
    with pytest.raises(ValidationError) as error:
        score.full_clean()
    assert "checked_points" in error.value.message_dict


def test_checked_score_above_the_maximum_names_the_unit(cluster_year, officer_a, unit_b):
    membership = next(m for m in members(cluster_year) if m.unit == unit_b)
    c3 = criteria(cluster_year)[2]
    with pytest.raises(NotAllowed, match=r"Sở Y tế: Tiêu chí 3: điểm 31 vượt điểm tối đa 30\."):
        scoring.save_checked_scores(cluster_year, officer_a, {(membership.pk, c3.pk): "31"}, cluster_year.version)


def test_totals_are_computed_from_the_scores(cluster_year, officer_b, unit_b, client_for):
    c1, c2, c3 = criteria(cluster_year)
    client = client_for("officer_b")
    url = reverse("units:cluster_self_score", args=[cluster_year.cluster_id, 2020])
    response = client.post(url, {"version": cluster_year.version, f"points-{c1.pk}": "38,5", f"points-{c2.pk}": "27",
                                 f"points-{c3.pk}": "29.25", f"evidence-{c1.pk}": "Báo cáo số 12/BC-UBND",
                                 "women_percent": "72", "self_total": "100"})
    assert response.status_code == 302
    membership = ClusterMembership.objects.get(unit=unit_b, year=2020)
    assert membership.self_total == D("94.75")  # typed "self_total" is ignored
    assert membership.women_percent == D("72.00")
    assert membership.checked_total is None  # not checked yet
    assert ClusterScore.objects.get(membership=membership, criterion=c1).evidence == "Báo cáo số 12/BC-UBND"


def test_checked_total_appears_once_every_criterion_is_checked(cluster_year, officer_a):
    m = members(cluster_year)[0]
    c1, c2, c3 = criteria(cluster_year)
    scoring.save_checked_scores(cluster_year, officer_a, {(m.pk, c1.pk): "35", (m.pk, c2.pk): "25"},
                                 cluster_year.version)
    assert ClusterMembership.objects.get(pk=m.pk).checked_total is None
    scoring.save_checked_scores(cluster_year, officer_a, {(m.pk, c3.pk): "22.5"}, cluster_year.version)
    assert ClusterMembership.objects.get(pk=m.pk).checked_total == D("82.50")


def test_a_refused_self_score_form_keeps_what_was_typed(cluster_year, client_for):
    c1 = criteria(cluster_year)[0]
    url = reverse("units:cluster_self_score", args=[cluster_year.cluster_id, 2020])
    response = client_for("officer_b").post(url, {"version": cluster_year.version, f"points-{c1.pk}": "45",
                                                  f"evidence-{c1.pk}": "Minh chứng đã gõ"})
    assert response.status_code == 200
    assert response.context["error"] == "Tiêu chí 1: điểm 45 vượt điểm tối đa 40."
    assert 'value="45"' in response.content.decode() and "Minh chứng đã gõ" in response.content.decode()


def test_finish_check_needs_every_score(cluster_year, officer_a):
    with pytest.raises(NotAllowed, match="Chưa chấm đủ các tiêu chí cho"):
        scoring.finish_check(cluster_year, officer_a, cluster_year.version)


# --- ranking ----------------------------------------------------------------------------------------


def row(name, total, criterion=0, votes=0, women=False):
    membership = ClusterMembership(unit=UnitFactory.build(name=name))
    return ranking.RankRow(membership, D(total), D(criterion), votes, women)


def order(rows, rule=TieBreak.CRITERION_THEN_VOTES):
    return [(r.unit.name, r.rank) for r in ranking.rank_rows(rows, rule)]


def test_ranking_by_checked_total():
    assert order([row("A", 80), row("B", 90), row("C", 85)]) == [("B", 1), ("C", 2), ("A", 3)]


def test_tie_on_total_broken_by_the_configured_criterion_then_votes():
    rows = [row("A", 90, criterion=30, votes=9), row("B", 90, criterion=35, votes=1), row("C", 90, 30, votes=5)]
    assert order(rows) == [("B", 1), ("A", 2), ("C", 3)]


def test_rule_votes_first_then_criterion():
    rows = [row("A", 90, criterion=30, votes=9), row("B", 90, criterion=35, votes=1), row("C", 90, 31, votes=9)]
    assert order(rows, TieBreak.VOTES_THEN_CRITERION) == [("C", 1), ("A", 2), ("B", 3)]


def test_at_equal_merit_a_collective_with_70_percent_women_is_preferred():
    rows = [row("A", 90, 30, 5, women=False), row("B", 90, 30, 5, women=True)]
    assert order(rows) == [("B", 1), ("A", 2)]


def test_complete_tie_shares_the_rank():
    rows = [row("A", 95), row("B", 90, 30, 5), row("C", 90, 30, 5), row("D", 80)]
    assert [r for _n, r in order(rows)] == [1, 2, 2, 4]


def test_women_share_threshold_is_70_percent(cluster_year, officer_a, staff):
    ms = members(cluster_year)
    ClusterMembership.objects.filter(pk=ms[3].pk).update(women_percent=D("69.99"))
    ClusterMembership.objects.filter(pk=ms[4].pk).update(women_percent=D("70"))
    check_all(cluster_year, officer_a, {})  # everyone 70 points
    rows = rank(cluster_year, officer_a, {m.pk: 3 for m in ms})
    assert rows[0].unit == ms[4].unit and rows[0].rank == 1
    assert {r.rank for r in rows[1:]} == {2}


def test_ranking_uses_the_configured_criterion_from_the_checked_scores(cluster_year, officer_a, staff):
    ms = members(cluster_year)
    _c1, _c2, c3 = criteria(cluster_year)
    ranking.update_settings(cluster_year, staff, cluster_year.version, flag_quota=1, merit_quota=2,
                             tie_break=TieBreak.CRITERION_THEN_VOTES, tie_break_criterion=c3,
                             submission_number="05/TTr-CTĐ", submission_date=None)
    # ms[5] and ms[6] both total 80; ms[6] scores more on criterion 3
    check_all(cluster_year, officer_a, {ms[5].pk: (40, 20, 20), ms[6].pk: (30, 20, 30)})
    rows = rank(cluster_year, officer_a, {ms[5].pk: 9})
    assert [r.unit for r in rows[:2]] == [ms[6].unit, ms[5].unit]
    assert ClusterMembership.objects.get(pk=ms[6].pk).rank == 1


# --- proposals ----------------------------------------------------------------------------------------


def ranked_year(cy, officer_a):
    check_all(cy, officer_a, descending(cy))
    rank(cy, officer_a, {m.pk: 9 - n for n, m in enumerate(members(cy))})
    return cy


def test_quota_one_flag_two_merits_makes_one_dossier_with_three_nominations(cluster_year, officer_a, unit_a,
                                                                            settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cy = ranked_year(cluster_year, officer_a)
    ms = members(cy)
    dossier = proposals.generate_proposals(cy, officer_a, cy.version)
    assert (dossier.unit, dossier.created_by, dossier.state, dossier.year, dossier.occasion) == (
        unit_a, officer_a, DossierState.DRAFT, 2020, "cong_trang")
    assert dossier.title == "Đề nghị khen thưởng tổng kết Cụm thi đua các huyện nội địa năm 2020"
    assert (dossier.submission_number, dossier.submission_date) == ("05/TTr-CTĐ", datetime.date(2021, 1, 12))
    nominations = list(dossier.nominations.order_by("position").values_list("unit", "award_type__code",
                                                                           "recipient_kind"))
    assert nominations == [
        (ms[0].unit_id, "co-thi-dua-ubnd-tinh", "tap_the"),
        (ms[1].unit_id, "bang-khen-chu-tich-ubnd-tinh", "tap_the"),
        (ms[2].unit_id, "bang-khen-chu-tich-ubnd-tinh", "tap_the"),
    ]
    assert dossier.nominations.first().achievement == "Dẫn đầu Cụm thi đua các huyện nội địa năm 2020."
    assert sorted(dossier.attachments.values_list("kind", flat=True)) == ["bien_ban", "to_trinh"]
    assert ClusterYear.objects.get(pk=cy.pk).dossier == dossier


def test_the_cluster_dossier_follows_the_normal_workflow(cluster_year, officer_a, officer_b, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cy = ranked_year(cluster_year, officer_a)
    dossier = proposals.generate_proposals(cy, officer_a, cy.version)
    allowed, reason = workflow.can(officer_a, "submit", dossier)
    assert not allowed and reason == "Thiếu tài liệu: Báo cáo thành tích."
    Attachment.objects.create(dossier=dossier, kind="bao_cao", file=ContentFile(b"%PDF-1.4 x", name="bc.pdf"),
                              original_name="bc.pdf", content_type="application/pdf", size=10, sha256="0" * 64,
                              uploaded_by=officer_a)
    assert workflow.can(officer_b, "submit", dossier)[0] is False
    dossier = workflow.transition(dossier, "submit", officer_a)
    assert dossier.state == DossierState.SUBMITTED


def test_staff_generating_makes_the_dossier_of_the_leader_unit(cluster_year, officer_a, staff, unit_a, settings,
                                                               tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cy = ranked_year(cluster_year, officer_a)
    dossier = proposals.generate_proposals(cy, staff, cy.version, attach_documents=False)
    assert (dossier.unit, dossier.created_by) == (unit_a, officer_a)


def test_tie_across_the_quota_boundary_is_refused(cluster_year, officer_a):
    ms = members(cluster_year)
    totals = descending(cluster_year)
    totals[ms[3].pk] = totals[ms[2].pk]  # ranks 3 and 4 equal in everything
    check_all(cluster_year, officer_a, totals)
    rank(cluster_year, officer_a, {ms[2].pk: 4, ms[3].pk: 4})
    with pytest.raises(NotAllowed, match="bằng nhau ở ranh giới chỉ tiêu"):
        proposals.generate_proposals(cluster_year, officer_a, cluster_year.version)


def test_generating_twice_is_refused(cluster_year, officer_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cy = ranked_year(cluster_year, officer_a)
    proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)
    with pytest.raises(NotAllowed, match="đã được lập"):
        proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)


# --- permissions ------------------------------------------------------------------------------------


def test_a_member_officer_cannot_check_scores(cluster_year, officer_b):
    with pytest.raises(NotAllowed, match="Chỉ cán bộ thi đua của Sở Giáo dục và Đào tạo"):
        scoring.save_checked_scores(cluster_year, officer_b, {}, cluster_year.version)


def test_an_officer_self_scores_only_for_its_own_unit(cluster_year, officer_b, unit_b):
    c1 = criteria(cluster_year)[0]
    scoring.save_self_scores(cluster_year, officer_b, {c1.pk: ("30", "")}, cluster_year.version)
    assert list(ClusterScore.objects.values_list("membership__unit", flat=True)) == [unit_b.pk]


def test_staff_do_not_self_score(cluster_year, staff):
    assert access.can_self_score(staff, cluster_year) == (
        False, "Chỉ cán bộ thi đua của đơn vị thành viên mới tự chấm điểm cho đơn vị mình.")


@pytest.mark.parametrize("persona, overview, check_page, self_page", [
    ("officer_a", 200, 200, 200),  # the trưởng cụm's officer (its unit is a member too)
    ("officer_b", 200, 403, 200),  # a member's officer
    ("staff", 200, 200, 403),
    ("leader", 200, 403, 403),
    ("outsider", 404, 404, 404),  # an officer of a unit outside the cluster
])
def test_pages_by_persona(cluster_year, client_for, persona, overview, check_page, self_page, request):
    if persona == "outsider":
        from django.test import Client

        client = Client()
        client.force_login(UserFactory(unit=UnitFactory(), roles=[Role.UNIT_OFFICER]))
    else:
        request.getfixturevalue(persona)
        client = client_for(persona)
    args = [cluster_year.cluster_id, 2020]
    assert client.get(reverse("units:cluster_year", args=args)).status_code == overview
    assert client.get(reverse("units:cluster_check", args=args)).status_code == check_page
    assert client.get(reverse("units:cluster_self_score", args=args)).status_code == self_page


def test_a_member_officer_posting_close_gets_403(cluster_year, client_for, officer_a):
    ranked_year(cluster_year, officer_a)
    url = reverse("units:cluster_action", args=[cluster_year.cluster_id, 2020, "close"])
    assert client_for("officer_b").post(url, {"version": cluster_year.version}).status_code == 403
    assert ClusterYear.objects.get(pk=cluster_year.pk).state == ClusterYearState.RANKED


# --- states and concurrency --------------------------------------------------------------------------


def test_closing_requires_the_proposals(cluster_year, officer_a):
    ranked_year(cluster_year, officer_a)
    with pytest.raises(NotAllowed, match="Chưa lập hồ sơ đề nghị"):
        closing.close(cluster_year, officer_a, cluster_year.version)


def test_close_then_close_again_and_rerank_are_refused(cluster_year, officer_a, unit_a, unit_b):
    cy = ranked_year(cluster_year, officer_a)
    proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)
    ms = members(cy)
    closing.elect(cy, officer_a, ms[2].unit, ms[3].unit, "Giao ước thi đua năm 2021 giữa 09 đơn vị.",
                   [m.unit for m in ms], cy.version)
    following = closing.close(cy, officer_a, cy.version)
    assert ClusterYear.objects.get(pk=cy.pk).state == ClusterYearState.CLOSED
    assert (following.year, following.leader, following.deputy) == (2021, ms[2].unit, ms[3].unit)
    assert ClusterMembership.objects.filter(cluster=cy.cluster, year=2021).count() == 9
    with pytest.raises(NotAllowed, match="đã kết thúc"):
        closing.close(cy, officer_a, cy.version)
    with pytest.raises(NotAllowed, match="Đã kết thúc năm"):
        rank(cy, officer_a)


def test_reranking_after_generating_is_refused(cluster_year, officer_a):
    cy = ranked_year(cluster_year, officer_a)
    rank(cy, officer_a)  # before generating: allowed
    proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)
    with pytest.raises(NotAllowed, match="không xếp hạng lại được"):
        rank(cy, officer_a)


def test_steps_out_of_order_are_refused(cluster_year, officer_a):
    with pytest.raises(NotAllowed, match="Các đơn vị đang tự chấm điểm"):
        rank(cluster_year, officer_a)


def test_concurrent_modification_is_reported_and_nothing_is_saved(cluster_year, officer_a, officer_b):
    seen = cluster_year.version
    c1 = criteria(cluster_year)[0]
    scoring.save_self_scores(cluster_year, officer_b, {c1.pk: ("30", "")}, seen)  # someone else saves first
    stale = ClusterYear.objects.get(pk=cluster_year.pk)
    m = members(cluster_year)[0]
    with pytest.raises(Conflict, match="vừa được người khác thay đổi"):
        scoring.save_checked_scores(stale, officer_a, {(m.pk, c1.pk): "20"}, seen)
    assert not ClusterScore.objects.filter(checked_points__isnull=False).exists()


def test_a_stale_close_button_reports_the_conflict(cluster_year, officer_a, client_for):
    cy = ranked_year(cluster_year, officer_a)
    proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)
    url = reverse("units:cluster_action", args=[cy.cluster_id, 2020, "close"])
    response = client_for("officer_a").post(url, {"version": cy.version - 1}, follow=True)
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert ClusterYear.objects.get(pk=cy.pk).state == ClusterYearState.RANKED


# --- history -----------------------------------------------------------------------------------------


def history(cy) -> list[tuple]:
    return list(ClusterYearTransition.objects.filter(cluster_year=cy).order_by("pk").values_list(
        "action", "from_state", "to_state", "actor__username", "note"))


def test_every_state_move_is_recorded_with_who_and_from_what(cluster_year, officer_a, staff, settings, tmp_path):
    """The fixture opened self-scoring as staff; the trưởng cụm's officer checks, ranks twice, generates the
    proposals and elects (no state change, no row); staff close the year."""
    settings.MEDIA_ROOT = tmp_path
    cy = ranked_year(cluster_year, officer_a)
    rank(cy, officer_a)
    proposals.generate_proposals(cy, officer_a, cy.version, attach_documents=False)
    ms = members(cy)
    closing.elect(cy, officer_a, ms[2].unit, ms[3].unit, "Giao ước", [m.unit for m in ms], cy.version)
    closing.close(cy, staff, cy.version)
    S = ClusterYearState
    assert history(cy) == [
        ("start_self_scoring", S.OPEN, S.SELF_SCORING, "staff", ""),
        ("finish_check", S.SELF_SCORING, S.CHECKED, "officer_a", ""),
        ("record_ranking", S.CHECKED, S.RANKED, "officer_a", ""),
        ("record_ranking", S.RANKED, S.RANKED, "officer_a", ""),
        ("close", S.RANKED, S.CLOSED, "staff", ""),
    ]
    closed = ClusterYear.objects.get(pk=cy.pk)
    assert closed.closed_at == ClusterYearTransition.objects.get(cluster_year=cy, action="close").at


def test_refused_and_stale_moves_leave_no_row(cluster_year, officer_a, officer_b):
    with pytest.raises(NotAllowed, match="Chưa chấm đủ các tiêu chí cho"):
        scoring.finish_check(cluster_year, officer_a, cluster_year.version)
    with pytest.raises(NotAllowed, match="Chỉ cán bộ thi đua của Sở Giáo dục và Đào tạo"):
        scoring.finish_check(cluster_year, officer_b, cluster_year.version)
    check_all(cluster_year, officer_a, {})
    with pytest.raises(Conflict, match="vừa được người khác thay đổi"):
        ranking.record_ranking(cluster_year, officer_a, {m.pk: 0 for m in members(cluster_year)},
                               datetime.date(2021, 1, 8), "Hữu Lũng", "09 đơn vị", 9, cluster_year.version - 1)
    assert [row[0] for row in history(cluster_year)] == ["start_self_scoring", "finish_check"]


def test_the_start_button_records_its_user(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    scoring.set_criteria(cy, CRITERIA, officer_a, cy.version)
    url = reverse("units:cluster_action", args=[cluster.pk, 2021, "start"])
    assert client_for("officer_a").post(url, {"version": cy.version}).status_code == 302
    assert history(cy) == [("start_self_scoring", ClusterYearState.OPEN, ClusterYearState.SELF_SCORING,
                            "officer_a", "")]


# --- PDFs -------------------------------------------------------------------------------------------


def pdf_text(data: bytes, tmp_path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_minutes_pdf_has_the_vietnamese_text(cluster_year, officer_a, unit_b, tmp_path):
    cy = ranked_year(cluster_year, officer_a)
    ms = members(cy)
    closing.elect(cy, officer_a, unit_b, ms[2].unit, "Thi đua hoàn thành xuất sắc nhiệm vụ năm 2021.",
                   [m.unit for m in ms], cy.version)
    text = " ".join(pdf_text(cluster_pdf.render_minutes(cy), tmp_path).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BIÊN BẢN" in text
    assert "Họp tổng kết phong trào thi đua năm 2020, suy tôn đơn vị dẫn đầu Cụm thi đua các huyện nội địa" in text
    assert "Lạng Sơn, ngày 08 tháng 01 năm 2021" in text
    assert f"Hội nghị thống nhất suy tôn {ms[0].unit.name} dẫn đầu Cụm thi đua các huyện nội địa năm 2020" in text
    assert "bầu Sở Y tế làm trưởng cụm" in text
    assert "Thi đua hoàn thành xuất sắc nhiệm vụ năm 2021." in text


def test_submission_pdf_has_the_vietnamese_text(cluster_year, officer_a, tmp_path):
    cy = ranked_year(cluster_year, officer_a)
    ms = members(cy)
    text = " ".join(pdf_text(cluster_pdf.render_submission(cy), tmp_path).split())
    assert "TỜ TRÌNH" in text and "Số: 05/TTr-CTĐ" in text
    assert "Về việc đề nghị khen thưởng tổng kết Cụm thi đua các huyện nội địa năm 2020" in text
    assert "1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể" in text
    assert "2. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể" in text
    assert f"- {ms[1].unit.name} (xếp thứ 2" in text
    assert "TRƯỞNG CỤM" in text
    # The law in force on the tờ trình's date (12/01/2021): the 2003 law and its 2005 and 2013 amending laws, one
    # căn cứ each, not the 2022 one.
    assert ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Căn cứ Luật sửa đổi, bổ sung một số điều "
            "của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005; Căn cứ Luật sửa đổi, bổ sung một số điều của "
            "Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;") in text
    assert "Căn cứ Nghị định số 91/2017/NĐ-CP" in text
    assert "năm 2022" not in text


def test_cluster_papers_are_pdfa_with_their_records_metadata(cluster_year, officer_a):
    cy = ranked_year(cluster_year, officer_a)
    minutes, submission = cluster_pdf.render_minutes(cy), cluster_pdf.render_submission(cy)
    meta = pdf_tools.info(minutes)
    assert meta["Title"] == "Biên bản họp Cụm thi đua các huyện nội địa năm 2020 ngày 08/01/2021"
    assert meta["Author"] == "Cụm thi đua các huyện nội địa"
    assert meta["Subject"] == ("Họp tổng kết phong trào thi đua năm 2020, suy tôn đơn vị dẫn đầu Cụm thi đua các "
                               "huyện nội địa")
    assert meta["Keywords"] == "Cụm thi đua các huyện nội địa, 2020"
    assert meta["CreationDate"] == "2021-01-08T00:00:00+07"
    meta = pdf_tools.info(submission)
    assert meta["Title"] == "Tờ trình số 05/TTr-CTĐ ngày 12/01/2021"
    assert meta["Author"] == "Sở Giáo dục và Đào tạo"
    assert meta["Subject"] == "Về việc đề nghị khen thưởng tổng kết Cụm thi đua các huyện nội địa năm 2020"
    assert meta["Keywords"] == "05/TTr-CTĐ"
    assert meta["CreationDate"] == "2021-01-12T00:00:00+07"
    assert pdf_tools.pdfa_part(minutes) == pdf_tools.pdfa_part(submission) == ("2", "B")


def test_submission_cites_the_law_in_force_on_its_date(cluster_year):
    cluster_year.submission_date = datetime.date(2025, 12, 10)
    bases = cluster_pdf.context(cluster_year)["bases"]
    assert bases == ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                     "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
                     "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
                     "điều của Luật Thi đua, khen thưởng;"]


def test_pdf_download_pages(cluster_year, officer_a, client_for):
    args = [cluster_year.cluster_id, 2020]
    assert client_for("officer_b").get(reverse("units:cluster_minutes_pdf", args=args)).status_code == 404
    ranked_year(cluster_year, officer_a)
    response = client_for("officer_b").get(reverse("units:cluster_submission_pdf", args=args))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- pages ------------------------------------------------------------------------------------------


def test_settings_page_replaces_the_table_while_open(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    data = {"version": cy.version, "criteria": "1 | A | Nhiệm vụ chính trị | 60\n2 | B | Phong trào thi đua | 40",
            "flag_quota": "1", "merit_quota": "2", "tie_break": TieBreak.VOTES_THEN_CRITERION,
            "tie_break_criterion": "2", "submission_number": "09/TTr-CTĐ", "submission_date": "2022-01-10"}
    assert client_for("officer_a").post(url, data).status_code == 302
    cy.refresh_from_db()
    assert [(c.number, c.text, c.max_points) for c in cy.criteria.all()] == [
        ("1", "Nhiệm vụ chính trị", D(60)), ("2", "Phong trào thi đua", D(40))]
    assert (cy.merit_quota, cy.tie_break, cy.tie_break_criterion.number, cy.submission_number) == (
        2, "votes_criterion", "2", "09/TTr-CTĐ")


def test_settings_page_refuses_a_bad_line_and_keeps_the_text(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    data = {"version": cy.version, "criteria": "1 | A | Nhiệm vụ chính trị | sáu mươi", "flag_quota": "1",
            "merit_quota": "1", "tie_break": "criterion_votes", "tie_break_criterion": "", "submission_number": "",
            "submission_date": ""}
    response = client_for("officer_a").post(url, data)
    assert response.status_code == 200
    assert response.context["error"] == "Dòng 1: điểm tối đa không hợp lệ."
    assert ">Nhiệm vụ chính trị</textarea>" in response.content.decode()  # kept, now as a row of the table
    assert 'name="c_points" value="sáu mươi"' in response.content.decode()
    assert not cy.criteria.exists()


def test_ranking_page_records_votes_and_ranks(cluster_year, officer_a, client_for):
    check_all(cluster_year, officer_a, {})  # all equal: the votes decide
    ms = members(cluster_year)
    data = {"version": ClusterYear.objects.get(pk=cluster_year.pk).version, "meeting_date": "2021-01-08",
            "meeting_place": "Hữu Lũng", "attendance": "09 đơn vị", "voters": "9",
            **{f"votes-{m.pk}": str(n) for n, m in enumerate(ms)}}
    url = reverse("units:cluster_ranking", args=[cluster_year.cluster_id, 2020])
    assert client_for("officer_a").post(url, data).status_code == 302
    assert ClusterMembership.objects.get(pk=ms[-1].pk).rank == 1
    assert ClusterYear.objects.get(pk=cluster_year.pk).state == ClusterYearState.RANKED


def test_election_refuses_the_same_unit_twice(cluster_year, officer_a, unit_b, client_for):
    ranked_year(cluster_year, officer_a)
    url = reverse("units:cluster_election", args=[cluster_year.cluster_id, 2020])
    response = client_for("officer_a").post(url, {"version": ClusterYear.objects.get(pk=cluster_year.pk).version,
                                                  "next_leader": unit_b.pk, "next_deputy": unit_b.pk,
                                                  "covenant": "Giao ước"})
    assert response.status_code == 200
    assert response.context["error"] == "Trưởng cụm và phó cụm phải là hai đơn vị khác nhau."


def test_two_members_saving_at_once_do_not_conflict(cluster_year, officer_a, officer_b):
    seen = cluster_year.version
    c1 = criteria(cluster_year)[0]
    scoring.save_self_scores(ClusterYear.objects.get(pk=cluster_year.pk), officer_b, {c1.pk: ("30", "")}, seen)
    scoring.save_self_scores(ClusterYear.objects.get(pk=cluster_year.pk), officer_a, {c1.pk: ("31", "")}, seen)
    assert sorted(ClusterScore.objects.values_list("self_points", flat=True)) == [D(30), D(31)]


def test_self_scores_after_the_check_are_refused(cluster_year, officer_a, officer_b):
    stale = ClusterYear.objects.get(pk=cluster_year.pk)
    check_all(cluster_year, officer_a, {})
    with pytest.raises(NotAllowed, match="Chỉ tự chấm điểm khi"):
        scoring.save_self_scores(ClusterYear.objects.get(pk=cluster_year.pk), officer_b,
                                  {criteria(cluster_year)[0].pk: ("30", "")}, stale.version)
    with pytest.raises(Conflict, match="điểm tự chấm chưa được lưu"):
        scoring.save_self_scores(stale, officer_b, {criteria(cluster_year)[0].pk: ("30", "")}, stale.version)


def test_evidence_file_is_checked_stored_and_served_to_viewers_only(cluster_year, officer_b, unit_b, client_for,
                                                                    settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    settings.MEDIA_ROOT = tmp_path
    c1 = criteria(cluster_year)[0]
    url = reverse("units:cluster_self_score", args=[cluster_year.cluster_id, 2020])
    client = client_for("officer_b")
    refused = client.post(url, {"version": cluster_year.version, f"points-{c1.pk}": "30",
                                f"file-{c1.pk}": SimpleUploadedFile("bao-cao.pdf", b"not really a pdf")})
    assert refused.status_code == 200 and refused.context["error"].startswith("Tiêu chí 1: ")
    assert 'value="30"' in refused.content.decode() and not ClusterScore.objects.exists()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert client.post(url, {"version": cluster_year.version, f"points-{c1.pk}": "30",
                             f"file-{c1.pk}": SimpleUploadedFile("Báo cáo tổng kết.pdf", pdf)}).status_code == 302
    score = ClusterScore.objects.get(membership__unit=unit_b, criterion=c1)
    assert (score.evidence_name, score.evidence_type) == ("Báo cáo tổng kết.pdf", "application/pdf")
    assert score.evidence_file.name.startswith("clusters/evidence/") and "Báo" not in score.evidence_file.name
    download = reverse("units:cluster_evidence", args=[cluster_year.cluster_id, 2020, score.pk])
    assert b"".join(client_for("officer_a").get(download).streaming_content) == pdf  # the trưởng cụm checks it
    outsider = Client()
    outsider.force_login(UserFactory(unit=UnitFactory(), roles=[Role.UNIT_OFFICER]))
    assert outsider.get(download).status_code == 404


def _settings_data(cy, **rows):
    return {"version": cy.version, "flag_quota": "1", "merit_quota": "1", "tie_break": "criterion_votes",
            "tie_break_criterion": "", "submission_number": "", "submission_date": "", **rows}


def test_criteria_are_entered_as_rows(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    page = client_for("officer_a").get(url).content.decode()
    assert page.count('name="c_number"') == 3 and "data-criteria-add" in page and "Chép từ năm trước" in page
    data = _settings_data(cy, c_number=["1", "", "2"], c_group=["A", "", "B"],
                          c_text=["Nhiệm vụ chính trị | trọng tâm", "", "Phong trào thi đua"],
                          c_points=["60", "", "40,5"])
    assert client_for("officer_a").post(url, data).status_code == 302
    assert [(c.number, c.group, c.text, c.max_points) for c in cy.criteria.all()] == [
        ("1", "A", "Nhiệm vụ chính trị | trọng tâm", D(60)), ("2", "B", "Phong trào thi đua", D("40.5"))]
    page = client_for("officer_a").get(url).content.decode()
    assert page.count('name="c_number"') == 5 and 'value="40.5"' in page


def test_a_bad_row_is_refused_and_the_rows_are_kept(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    data = _settings_data(cy, c_number=["1", "2"], c_group=["A", ""], c_text=["Nhiệm vụ chính trị", ""],
                          c_points=["60", "40"])
    response = client_for("officer_a").post(url, data)
    assert response.context["error"] == "Dòng 2: cần ghi số thứ tự, nội dung và điểm tối đa."
    assert ">Nhiệm vụ chính trị</textarea>" in response.content.decode()
    assert not cy.criteria.exists()


def test_criteria_are_copied_from_last_year_without_saving(unit_a, officer_a, unit_b, officer_b, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2020)
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    last = ClusterYear.objects.create(cluster=cluster, year=2020, leader=unit_a)
    last.criteria.create(number="1", group="A", text="Nhiệm vụ chính trị", max_points=D(70), position=1)
    last.criteria.create(number="2", group="B", text="Phong trào thi đua", max_points=D(30), position=2)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    response = client_for("officer_a").post(url, _settings_data(cy, copy_previous="1", c_number=[""],
                                                                c_group=[""], c_text=[""], c_points=[""]))
    html = response.content.decode()
    assert response.status_code == 200 and response.context["copied"] == 2020
    assert "Đã chép bảng tiêu chí năm 2020 vào bảng dưới: kiểm tra, sửa nếu cần rồi bấm" in html
    assert ">Phong trào thi đua</textarea>" in html and 'value="30"' in html
    assert not cy.criteria.exists()
    other = ClusterYear.objects.create(cluster=ClusterFactory(), year=2021, leader=unit_b)
    ClusterMembership.objects.create(cluster=other.cluster, unit=unit_b, year=2021)
    response = client_for("officer_b").post(
        reverse("units:cluster_year_settings", args=[other.cluster.pk, 2021]), _settings_data(other, copy_previous="1"))
    assert response.context["error"] == "Các năm trước của cụm, khối chưa có bảng tiêu chí để chép."
