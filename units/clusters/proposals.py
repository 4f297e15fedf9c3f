"""The dossier a cluster year's ranking and quota generate: one dossier of the trưởng cụm's unit, in draft, with
one nomination per proposed member, the cluster's tờ trình and biên bản attached as rendered PDFs. From there it
follows the normal dossier workflow."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from awards.core.state_machine import NotAllowed
from units.clusters import pdf as cluster_pdf
from units.clusters import workflow
from units.clusters.access import is_leader_officer, require_manager, require_state
from units.clusters.ranking import FLAG_AWARD, proposals
from units.models import ClusterYear, ClusterYearState, Role, User

if TYPE_CHECKING:
    from awards.models import Dossier

S = ClusterYearState


def _achievement(code: str, cluster_year: ClusterYear) -> str:
    name, year = cluster_year.cluster.name, cluster_year.year
    if code == FLAG_AWARD:
        return f"Dẫn đầu {name} năm {year}."
    return f"Có thành tích xuất sắc, được bình xét trong {name} năm {year}."


@transaction.atomic
def generate_proposals(cluster_year: ClusterYear, actor: User, expected_version: int, *, reference: str = "",
                       attach_documents: bool = True) -> Dossier:
    """One dossier of the trưởng cụm's unit, in draft, with one nomination per proposed member (as a
    collective), award types from the quota, occasion công trạng; it then follows the normal dossier workflow
    (the leader's officer adds the báo cáo thành tích and submits it). The cluster's tờ trình and biên bản are
    attached as rendered PDFs."""
    from awards.catalogue.in_force import award_type_on
    from awards.enums import Authority, OccasionType, RecipientKind
    from awards.models import Dossier, Nomination

    require_manager(actor, cluster_year)
    require_state(cluster_year, S.RANKED)
    if cluster_year.dossier_id:
        raise NotAllowed(_("Hồ sơ đề nghị khen thưởng của cụm, khối đã được lập."))
    if cluster_year.leader_id is None:
        raise NotAllowed(_("Cụm, khối chưa có trưởng cụm trong năm."))
    chosen = proposals(cluster_year)
    if not chosen:
        raise NotAllowed(_("Chỉ tiêu đề nghị bằng 0: không có đề nghị nào."))
    creator = actor
    if not is_leader_officer(actor, cluster_year):
        creator = (User.objects.filter(unit_id=cluster_year.leader_id, groups__name=Role.UNIT_OFFICER,
                                       is_active=True).order_by("pk").first() or actor)
    workflow.claim(cluster_year, expected_version)
    day = datetime.date(cluster_year.year, 12, 31)
    fields = {"reference": reference} if reference else {}
    dossier = Dossier.objects.create(
        unit_id=cluster_year.leader_id, title=f"Đề nghị khen thưởng tổng kết {cluster_year.cluster.name} năm "
                                              f"{cluster_year.year}",
        occasion=OccasionType.MERIT, year=cluster_year.year, authority=Authority.PROVINCE_CHAIR,
        submission_number=cluster_year.submission_number, submission_date=cluster_year.submission_date,
        created_by=creator, **fields,
    )
    for position, item in enumerate(chosen, start=1):
        nomination = Nomination(
            dossier=dossier, recipient_kind=RecipientKind.COLLECTIVE, unit=item.membership.unit,
            award_type=award_type_on(item.award_code, day), achievement=_achievement(item.award_code, cluster_year),
            period=f"Năm {cluster_year.year}", position=position,
        )
        nomination.full_clean()
        nomination.save()
    ClusterYear.objects.filter(pk=cluster_year.pk).update(dossier=dossier)
    cluster_year.dossier = dossier
    if attach_documents:
        attach_documents_to(cluster_year, dossier, creator)
    return dossier


def attach_documents_to(cluster_year: ClusterYear, dossier: Dossier, uploader: User) -> None:
    """The cluster's tờ trình and biên bản, rendered now, as the dossier's attachments."""
    from django.core.files.base import ContentFile

    from awards.core import uploads
    from awards.enums import AttachmentKind
    from awards.models import Attachment

    vote = cluster_pdf.vote_summary(cluster_year)
    for kind, data, name in [
        (AttachmentKind.SUBMISSION, cluster_pdf.render_submission(cluster_year), "to-trinh-cum"),
        (AttachmentKind.REVIEW_MINUTES, cluster_pdf.render_minutes(cluster_year), "bien-ban-hop-cum"),
    ]:
        upload = ContentFile(data, name=f"{name}-{cluster_year.year}.pdf")
        inspected = uploads.inspect_upload(upload, len(data) + 1)
        Attachment.objects.create(
            dossier=dossier, kind=kind, file=upload, original_name=upload.name, content_type=inspected.content_type,
            size=inspected.size, sha256=inspected.sha256, uploaded_by=uploader,
            vote_result=vote if kind == AttachmentKind.REVIEW_MINUTES else "",
        )
