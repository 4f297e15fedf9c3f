"""The cluster year's documents, rendered with WeasyPrint through ``awards.core.pdf`` (vendored Liberation Serif):
the biên bản of the suy tôn meeting and the trưởng cụm's tờ trình proposing the awards. Both are small (one or
two pages) and rendered synchronously, when the proposals are generated and when someone downloads them."""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.catalogue.in_force import legal_bases_on
from awards.core import pdf
from awards.core.state_machine import NotAllowed
from units.clusters import ranking
from units.models import ClusterYear


def _two(n: int) -> str:
    return f"{n:02d}"


def vote_summary(cluster_year: ClusterYear) -> str:
    """"Đơn vị dẫn đầu: Huyện Hữu Lũng, 05/06 phiếu suy tôn" for the dossier's biên bản attachment."""
    rows = ranking.ranking_rows(cluster_year)
    if not rows or not cluster_year.voters:
        return ""
    first = rows[0]
    return f"Xếp thứ nhất: {first.unit.name}, {_two(first.votes)}/{_two(cluster_year.voters)} phiếu suy tôn"


def context(cluster_year: ClusterYear) -> dict:
    criteria = list(cluster_year.criteria.all())
    rows = ranking.ranking_rows(cluster_year)
    try:
        proposed = ranking.proposals(cluster_year)
    except NotAllowed:
        proposed = []
    flags = [p for p in proposed if p.award_code == ranking.FLAG_AWARD]
    merits = [p for p in proposed if p.award_code == ranking.MERIT_AWARD]
    day = cluster_year.meeting_date or timezone.localdate()
    submission_day = cluster_year.submission_date or day
    return {
        "cy": cluster_year,
        "cluster": cluster_year.cluster,
        "criteria": criteria,
        "max_total": sum((c.max_points for c in criteria), start=0),
        "rows": rows,
        "flags": flags,
        "merits": merits,
        "place_date": pdf.place_date(day),
        "submission_place_date": pdf.place_date(submission_day),
        "member_count": _two(len(rows)),
        "flag_count": _two(len(flags)),
        "merit_count": _two(len(merits)),
        "signatories": list(cluster_year.covenant_signatories.order_by("sort_order", "name")),
        "next_year": cluster_year.year + 1,
        "head": "trưởng cụm" if cluster_year.cluster.kind == "cum" else "trưởng khối",
        "kind_word": "cụm" if cluster_year.cluster.kind == "cum" else "khối",
        "deputy_word": "phó cụm" if cluster_year.cluster.kind == "cum" else "phó khối",
        "today": datetime.date.today(),
        # The emulation law and its decree in force on the day of the tờ trình (2003/2013 law before 2024).
        "bases": [doc.basis_text for doc in legal_bases_on(submission_day) if "thi đua" in doc.title.lower()],
    }


def render_minutes(cluster_year: ClusterYear) -> bytes:
    cy, name = cluster_year, cluster_year.cluster.name
    day = cy.meeting_date or timezone.localdate()
    return pdf.render_pdf("pdf/cluster_minutes.html", context(cy), pdf.Metadata(
        title=f"Biên bản họp {name} năm {cy.year} ngày {day:%d/%m/%Y}", author=name,
        subject=f"Họp tổng kết phong trào thi đua năm {cy.year}, suy tôn đơn vị dẫn đầu {name}",
        keywords=(name, str(cy.year)), created=day))


def render_submission(cluster_year: ClusterYear) -> bytes:
    cy, name = cluster_year, cluster_year.cluster.name
    day = cy.submission_date or cy.meeting_date or timezone.localdate()
    number = f" số {cy.submission_number}" if cy.submission_number else ""
    return pdf.render_pdf("pdf/cluster_submission.html", context(cy), pdf.Metadata(
        title=f"Tờ trình{number} ngày {day:%d/%m/%Y}", author=cy.leader.name if cy.leader_id else name,
        subject=f"Về việc đề nghị khen thưởng tổng kết {name} năm {cy.year}",
        keywords=(cy.submission_number,) if cy.submission_number else (), created=day))
