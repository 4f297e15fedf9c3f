"""The 2020 year of every cụm and khối thi đua, played through the services of ``units.clusters``: the scoring
table, the members' self-scores, the trưởng cụm's check, the suy tôn meeting and its ranking, the proposals the
ranking and the quota generate (the dossiers ``DEMO20-001`` … ``DEMO20-009`` of ``awards.demo.proposals``, whose
decided awards are the 9 Cờ thi đua and the 29 Bằng khen "được bình xét trong các cụm thi đua"), the election
of the 2021 trưởng and phó cụm (the rotation of ``awards.demo.clusters``) and the giao ước for 2021.

ILLUSTRATIVE: the articles give only the counts. The criteria table, every score, vote count, meeting date and
place, women share and the covenant text are invented so that the ranking reproduces who received what: the
flag holder first, the Bằng khen holders next in the order of ``proposals.REVIEWS``, the other members after.
Self-scores are entered directly (the demo has no account for every member unit); every later step goes
through the services, as the trưởng cụm's demo officer.

ILLUSTRATIVE too: who signs the papers of each 2020 leader (``SIGNERS``). The titles are those of the leader
units' heads; the names are fictional (the real heads of these units in 2020 were not looked up), as are the
meetings' thư ký."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from awards.demo.base import D
from awards.demo.clock import clock
from awards.demo.proposals import Review
from units.clusters import access, closing, proposals, ranking, scoring
from units.models import ClusterMembership, ClusterScore, ClusterYear, ClusterYearState, TieBreak, Unit, User
from units.names import sender_name

YEAR = 2020
CRITERIA = [
    scoring.CriterionSpec("1", "Thực hiện các chỉ tiêu, nhiệm vụ chính trị, kinh tế - xã hội được giao", Decimal(30),
                           "I. Thực hiện nhiệm vụ chuyên môn"),
    scoring.CriterionSpec("2", "Cải cách hành chính, chuyển đổi số, thực hành tiết kiệm, chống lãng phí",
                           Decimal(15), "I. Thực hiện nhiệm vụ chuyên môn"),
    scoring.CriterionSpec("3", "Tổ chức, triển khai các phong trào thi đua; phát hiện, nhân rộng điển hình tiên tiến",
                           Decimal(20), "II. Công tác thi đua, khen thưởng"),
    scoring.CriterionSpec("4", "Công tác khen thưởng kịp thời, đúng đối tượng; thực hiện giao ước thi đua của cụm",
                           Decimal(15), "II. Công tác thi đua, khen thưởng"),
    scoring.CriterionSpec("5", "Xây dựng tổ chức Đảng, chính quyền, đoàn thể trong sạch, vững mạnh; nội bộ đoàn kết",
                           Decimal(20), "III. Xây dựng tổ chức"),
]
SELF_SCORED_ON, CHECKED_ON, MEETING_ON = D(2020, 11, 20), D(2020, 11, 30), D(2020, 12, 4)
COVENANT = ("Các đơn vị thành viên cam kết thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2021, thực hiện tốt "
            "các tiêu chí chấm điểm của cụm, khối; tổ chức phát động phong trào thi đua ngay từ đầu năm; báo cáo kết "
            "quả thi đua đúng thời hạn.")


# leader unit -> (title, name) of the person who signs as trưởng cụm, khối; the meeting's thư ký.
SIGNERS = {
    "huyen-huu-lung": ("Chủ tịch UBND huyện Hữu Lũng", "Hoàng Văn Phúc"),
    "huyen-van-lang": ("Chủ tịch UBND huyện Văn Lãng", "Lộc Văn Thành"),
    "so-tai-chinh": ("Giám đốc Sở Tài chính", "Nông Thị Thu"),
    "so-xay-dung": ("Giám đốc Sở Xây dựng", "Vi Văn Toản"),
    "so-y-te": ("Giám đốc Sở Y tế", "Lương Thị Mai"),
    "bo-chi-huy-quan-su-tinh": ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Hà Văn Sơn"),
    "lien-doan-lao-dong-tinh": ("Chủ tịch Liên đoàn Lao động tỉnh", "Triệu Thị Hồng"),
    "cong-ty-dien-luc-lang-son": ("Giám đốc Công ty Điện lực Lạng Sơn", "Đinh Văn Khải"),
    "dai-phat-thanh-truyen-hinh-tinh": ("Giám đốc Đài Phát thanh và Truyền hình tỉnh", "Nguyễn Thị Lan"),
}
SECRETARY = "Lường Văn Hải"


def signer_fields(leader_code: str) -> dict:
    title, name = SIGNERS[leader_code]
    return {"signer_title": title, "signer_name": name, "secretary_name": SECRETARY}


def name_signers(reviews: list[Review]) -> None:
    """A database seeded before cluster years named their signers: name them on the 2020 years left blank."""
    for review in reviews:
        ClusterYear.objects.filter(cluster__code=review.cluster, year=YEAR, leader__code=review.proposer,
                                   signer_name="", signer_title="", secretary_name="").update(
            **signer_fields(review.proposer))


def _order(review: Review, members: list[ClusterMembership]) -> list[ClusterMembership]:
    """The ranking the meeting reached: the flag, the Bằng khen in order, then the other members."""
    by_code = {m.unit.code: m for m in members}
    leading = [by_code[review.flag], *[by_code[code] for code in review.merit]]
    return leading + [m for m in members if m not in leading]


def _checked(position: int) -> list[Decimal]:
    """The trưởng cụm's points per criterion for the member ranked ``position`` (0 first): 96, 93, 90, …"""
    loss = Decimal(3 * position + 4)
    points = [c.max_points for c in CRITERIA]
    for index in (0, 2, 4, 1, 3):  # take the loss from the large criteria first
        cut = min(loss, points[index] - Decimal(5))
        points[index] -= cut
        loss -= cut
    return points


def prepare(reviews: list[Review], officers: dict[str, User]) -> dict[str, ClusterYear]:
    """Bring every 2020 cluster year of ``reviews`` to "ranked"; returns them by cluster code."""
    out = {}
    for index, review in enumerate(reviews):
        cy = ClusterYear.objects.select_related("cluster", "leader").get(cluster__code=review.cluster, year=YEAR)
        officer = officers[review.proposer]
        assert cy.leader.code == review.proposer, (cy.cluster.code, cy.leader.code)
        with clock(D(2020, 11, 2), 8, index):
            criteria = scoring.set_criteria(cy, CRITERIA, officer, cy.version)
            ranking.update_settings(cy, officer, cy.version, flag_quota=1, merit_quota=len(review.merit),
                                     tie_break=TieBreak.CRITERION_THEN_VOTES, tie_break_criterion=criteria[0],
                                     submission_number="", submission_date=None, **signer_fields(review.proposer))
            scoring.start_self_scoring(cy, officer, cy.version)
        ranked = _order(review, list(access.memberships(cy)))
        with clock(SELF_SCORED_ON, 9, index):
            for position, membership in enumerate(ranked):
                for criterion, points in zip(criteria, _checked(position), strict=True):
                    own = min(criterion.max_points, points + Decimal(1))  # units score themselves a little higher
                    ClusterScore.objects.create(membership=membership, criterion=criterion, self_points=own,
                                                evidence=f"Báo cáo tổng kết năm {YEAR}, mục {criterion.number}.")
                women = Decimal(72) if membership.unit.code.startswith("hoi-lien-hiep-phu-nu") else Decimal(38)
                ClusterMembership.objects.filter(pk=membership.pk).update(self_submitted_at=timezone.now(),
                                                                          women_percent=women)
                scoring.recompute_totals(membership)
        with clock(CHECKED_ON, 14, index):
            points = {(m.pk, c.pk): p for position, m in enumerate(ranked)
                      for c, p in zip(criteria, _checked(position), strict=True)}
            scoring.save_checked_scores(cy, officer, points, cy.version)
            scoring.finish_check(cy, officer, cy.version)
        voters = len(ranked)
        votes = {m.pk: max(voters - position, 0) for position, m in enumerate(ranked)}
        with clock(MEETING_ON, 9, index):
            rows = ranking.record_ranking(
                cy, officer, votes, MEETING_ON, f"Trụ sở {sender_name(cy.leader, MEETING_ON)}",
                f"Lãnh đạo và cán bộ thi đua - khen thưởng của {voters:02d} đơn vị thành viên; đại diện Ban Thi đua - "
                "Khen thưởng, Sở Nội vụ", voters, cy.version)
        assert [r.membership.pk for r in rows] == [m.pk for m in ranked], review.cluster
        out[review.cluster] = cy
    return out


def generate(cy: ClusterYear, officer: User, reference: str, submission_number: str, submission_date):
    """The cluster's dossier, by the service, with the Story's reference and tờ trình number (documents are the
    demo's shared attachment files, not rendered here)."""
    cy.refresh_from_db()
    ranking.update_settings(cy, officer, cy.version, flag_quota=cy.flag_quota, merit_quota=cy.merit_quota,
                             tie_break=cy.tie_break, tie_break_criterion=cy.tie_break_criterion,
                             submission_number=submission_number, submission_date=submission_date)
    return proposals.generate_proposals(cy, officer, cy.version, reference=reference, attach_documents=False)


def adopt(cy: ClusterYear, dossier) -> None:
    """Link a dossier made before the review existed, after checking it is what the ranking and quota propose."""
    cy.refresh_from_db()
    expected = [(p.membership.unit_id, p.award_code) for p in ranking.proposals(cy)]
    actual = list(dossier.nominations.order_by("position").values_list("unit", "award_type__code"))
    assert actual == expected, (cy.cluster.code, actual, expected)
    ClusterYear.objects.filter(pk=cy.pk, dossier__isnull=True).update(
        dossier=dossier, submission_number=dossier.submission_number, submission_date=dossier.submission_date,
        version=cy.version + 1)


def close(years: dict[str, ClusterYear], officers: dict[str, User], reviews: list[Review],
          rotations: dict[str, tuple]) -> None:
    """Elect 2021's trưởng and phó cụm (the seeded rotation), sign the giao ước, close the year."""
    units = {u.code: u for u in Unit.objects.all()}
    for index, review in enumerate(reviews):
        cy = years[review.cluster]
        cy.refresh_from_db()
        officer = officers[review.proposer]
        rotation = rotations[review.cluster]
        with clock(MEETING_ON, 11, index):
            members = [m.unit for m in access.memberships(cy)]
            closing.elect(cy, officer, units[rotation[2]], units[rotation[3]], COVENANT, members, cy.version)
        with clock(D(2020, 12, 7), 16, index):
            closing.close(cy, officer, cy.version)
        assert ClusterYear.objects.get(pk=cy.pk).state == ClusterYearState.CLOSED
