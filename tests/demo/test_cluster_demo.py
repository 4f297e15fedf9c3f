"""The demo's 2020 cluster years: complete (scores, ranking, proposals, decided awards) and the source of the
9 Cờ thi đua and 29 Bằng khen "được bình xét trong các cụm thi đua"; the province still counts 36 and 29."""

from __future__ import annotations

from decimal import Decimal

import pytest

from awards.models import Award
from units.clusters import ranking
from units.models import ClusterMembership, ClusterScore, ClusterYear, ClusterYearState

pytestmark = pytest.mark.django_db


def test_every_2020_cluster_year_is_complete_and_closed(demo_data):
    years = ClusterYear.objects.filter(year=2020).select_related("cluster", "dossier", "leader")
    assert years.count() == 9
    for cy in years:
        members = ClusterMembership.objects.filter(cluster=cy.cluster, year=2020)
        assert cy.state == ClusterYearState.CLOSED and cy.closed_at is not None
        assert cy.criteria.count() == 5 and sum(c.max_points for c in cy.criteria.all()) == Decimal(100)
        assert ClusterScore.objects.filter(membership__in=members, checked_points__isnull=False).count() == \
            5 * members.count()
        assert sorted(members.values_list("rank", flat=True)) == list(range(1, members.count() + 1))
        assert all(m.checked_total == sum(s.checked_points for s in m.scores.all()) for m in members)
        assert cy.meeting_date is not None and cy.voters == members.count()
        assert cy.dossier.unit == cy.leader and cy.dossier.state == "decided"
        first = members.get(rank=1)
        top = cy.dossier.nominations.order_by("position").values_list("unit", "award_type__code").first()
        assert top == (first.unit_id, "co-thi-dua-ubnd-tinh")
        assert cy.dossier.nominations.count() == cy.flag_quota + cy.merit_quota
        following = ClusterYear.objects.get(cluster=cy.cluster, year=2021)
        assert (following.leader_id, following.deputy_id) == (cy.next_leader_id, cy.next_deputy_id)
        assert cy.covenant and cy.covenant_signatories.count() == members.count()


def test_cluster_proposals_are_the_decided_9_flags_and_29_merits(demo_data):
    dossiers = ClusterYear.objects.filter(year=2020).values_list("dossier", flat=True)
    from_clusters = Award.objects.filter(nomination__dossier__in=dossiers)
    assert from_clusters.filter(award_type__code="co-thi-dua-ubnd-tinh").count() == 9
    assert from_clusters.filter(award_type__code="bang-khen-chu-tich-ubnd-tinh").count() == 29
    assert Award.objects.filter(year=2020, award_type__code="co-thi-dua-ubnd-tinh").count() == 36
    assert Award.objects.filter(year=2020, award_type__code="bang-khen-chu-tich-ubnd-tinh",
                                occasion="cong_trang").count() == 29


def test_the_quota_regenerates_the_same_proposals(demo_data):
    for cy in ClusterYear.objects.filter(year=2020):
        expected = [(p.membership.unit_id, p.award_code) for p in ranking.proposals(cy)]
        assert list(cy.dossier.nominations.order_by("position").values_list("unit", "award_type__code")) == expected


def test_the_leaders_sign_their_papers_in_person(demo_data):
    """The khối of the general agencies (led by Sở Tài chính in 2020): its tờ trình is Sở Tài chính's own, under the
    province, and its Giám đốc signs it; the 2020 biên bản cites no 2025 decree."""
    from tests import pdf_tools
    from units.clusters import pdf as cluster_pdf

    assert ClusterYear.objects.filter(year=2020, signer_name="").count() == 0
    cy = ClusterYear.objects.get(cluster__code="khoi-co-quan-tong-hop", year=2020)
    rows = [row.strip() for row in pdf_tools.text(cluster_pdf.render_submission(cy)).splitlines() if row.strip()]
    assert rows[0].startswith("UBND TỈNH LẠNG SƠN") and rows[1].startswith("SỞ TÀI CHÍNH")
    assert rows[2].startswith(f"Số: {cy.submission_number}") and rows[2].endswith("Lạng Sơn, ngày 07 tháng 12 năm 2020")
    assert any(row.endswith("GIÁM ĐỐC SỞ TÀI CHÍNH") for row in rows[-6:]) and rows[-1] == "Nông Thị Thu"
    minutes = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_minutes(cy)))
    assert "ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên." in minutes and "152/2025" not in minutes


def test_a_district_leads_its_cluster_as_its_people_s_committee(demo_data):
    """The cluster of the inland districts (led by Huyện Hữu Lũng in 2020): the tờ trình is sent by "UBND huyện Hữu
    Lũng", the meeting held at its seat; inside a sentence "huyện" is in lower case (NĐ 30/2020 Phụ lục II); each
    list ends with a full stop."""
    from tests import pdf_tools
    from units.clusters import pdf as cluster_pdf

    cy = ClusterYear.objects.get(leader__name="Huyện Hữu Lũng", year=2020)
    submission = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_submission(cy)))
    assert "UBND huyện Hữu Lũng, đơn vị trưởng cụm, kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét" in submission
    assert "- Huyện Hữu Lũng (xếp thứ 1, 96 điểm). 2. Tặng Bằng khen" in submission
    assert "- Huyện Bắc Sơn (xếp thứ 4, 87 điểm)." in submission and "87 điểm);" not in submission
    minutes = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_minutes(cy)))
    assert "Ngày 04/12/2020, tại Trụ sở UBND huyện Hữu Lũng, Cụm thi đua các huyện nội địa họp" in minutes
    assert "(đơn vị trưởng cụm: huyện Hữu Lũng)" in minutes
