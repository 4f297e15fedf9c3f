"""The cluster year's documents, rendered with WeasyPrint through ``awards.core`` (vendored Liberation Serif): the
biên bản of the suy tôn meeting and the trưởng cụm's tờ trình proposing the awards. Both are small (one or two
pages) and rendered synchronously, when the proposals are generated and when someone downloads them.

The tờ trình is the leader unit's own document: its header is the leader's (the province as cơ quan chủ quản over
a sở, "ỦY BAN NHÂN DÂN / HUYỆN …" for a huyện or xã), and a person signs it as trưởng cụm, never the unit. The
biên bản cites the women preference only where a text in force on the meeting day lays it down."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from awards.catalogue.bodies import body_of, signer_on
from awards.catalogue.in_force import legal_bases_on
from awards.core import pdf
from awards.core.state_machine import NotAllowed
from units.clusters import ranking
from units.models import ClusterYear, Unit, UnitKind
from units.names import as_place, name_on, sender_name

LOCAL_GOVERNMENTS = (UnitKind.DISTRICT, UnitKind.COMMUNE)
UNDER_A_PARENT = (UnitKind.DEPARTMENT, UnitKind.PUBLIC_SERVICE, UnitKind.DIVISION)


def _two(n: int) -> str:
    return f"{n:02d}"


def vote_summary(cluster_year: ClusterYear) -> str:
    """"Đơn vị dẫn đầu: Huyện Hữu Lũng, 05/06 phiếu suy tôn" for the dossier's biên bản attachment."""
    rows = ranking.ranking_rows(cluster_year)
    if not rows or not cluster_year.voters:
        return ""
    first = rows[0]
    return f"Xếp thứ nhất: {first.unit.name}, {_two(first.votes)}/{_two(cluster_year.voters)} phiếu suy tôn"


def leader_header(unit: Unit, day: datetime.date) -> tuple[str, list[str]]:
    """(cơ quan chủ quản, issuer lines) of the leader unit's own documents on ``day``: its issuing body's header
    when it has one; else "UBND tỉnh …" over a sở or a unit of the province, the unit above it over a unit under
    another one, and a huyện's or xã's own "Ủy ban nhân dân / Huyện …" form. A mass organisation, a central agency
    or an enterprise prints its own name only (its cơ quan chủ quản is not in the unit tree: give it a body)."""
    body = body_of(unit, day)
    if body is not None:
        return body.parent_name, body.issuer_lines
    if unit.kind in LOCAL_GOVERNMENTS:
        return "", ["Ủy ban nhân dân", unit.name]
    if unit.kind in UNDER_A_PARENT:
        parent = unit.parent
        if parent is None or parent.kind == UnitKind.PROVINCE:
            return f"UBND tỉnh {settings.PROVINCE_NAME}", [unit.name]
        if parent.kind in LOCAL_GOVERNMENTS:
            return f"UBND {parent.name[:1].lower()}{parent.name[1:]}", [unit.name]
        return parent.name, [unit.name]
    return "", [unit.name]


def leader_place(unit: Unit, day: datetime.date) -> str:
    """The địa danh of the leader's own documents: its body's, a huyện's or xã's own name ("Hữu Lũng"), else the
    province's (NĐ 30/2020: where the issuing agency has its seat)."""
    body = body_of(unit, day)
    if body is not None:
        return body.place
    if unit.kind in LOCAL_GOVERNMENTS:
        for prefix in ("Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Phường ", "Xã "):
            if unit.name.startswith(prefix):
                return unit.name[len(prefix):]
    return settings.PROVINCE_NAME


def signer(cluster_year: ClusterYear, day: datetime.date) -> dict:
    """The person who signs as trưởng cụm: the name and title typed on the cluster year, else the head of the
    leader unit's issuing body on ``day``; empty when neither is known (the name is then written by hand)."""
    if cluster_year.signer_name.strip():
        return {"name": cluster_year.signer_name.strip(), "title": cluster_year.signer_title.strip()}
    body = body_of(cluster_year.leader, day) if cluster_year.leader_id else None
    head = signer_on(body, day) if body is not None else None
    if head is not None:
        return {"name": head.full_name, "title": cluster_year.signer_title.strip() or head.position}
    return {"name": "", "title": cluster_year.signer_title.strip()}


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
    parent, issuer_lines = leader_header(cluster_year.leader, submission_day) if cluster_year.leader_id else (
        "", [cluster_year.cluster.name])
    leader_lines, leader_size = pdf.organ_header(issuer_lines)
    cluster_lines, cluster_size = pdf.organ_header([cluster_year.cluster.name])
    return {
        "cy": cluster_year,
        "cluster": cluster_year.cluster,
        "criteria": criteria,
        "max_total": sum((c.max_points for c in criteria), start=0),
        "rows": rows,
        "flags": flags,
        "merits": merits,
        "place_date": pdf.place_date(day),
        "submission_place_date": pdf.place_date(submission_day, leader_place(cluster_year.leader, submission_day)
                                                if cluster_year.leader_id else None),
        "leader_parent": parent,
        # the leader inside a sentence ("đơn vị trưởng cụm: huyện Hữu Lũng") and as the sender of the tờ trình
        # ("UBND huyện Hữu Lũng, đơn vị trưởng cụm, kính đề nghị …"): units.names
        "leader_in_line": as_place(name_on(cluster_year.leader, day)) if cluster_year.leader_id else "",
        "leader_sender": sender_name(cluster_year.leader, submission_day) if cluster_year.leader_id else "",
        "leader_lines": leader_lines, "leader_size": leader_size,
        "cluster_parent": f"UBND tỉnh {settings.PROVINCE_NAME}",
        "cluster_lines": cluster_lines, "cluster_size": cluster_size,
        "submission_code": cluster_year.submission_number or "      /TTr",
        "signer": signer(cluster_year, submission_day),
        "women_basis": ranking.women_preference_basis(ranking.review_day(cluster_year)),
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
