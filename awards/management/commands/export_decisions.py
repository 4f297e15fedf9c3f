"""Archive export for the records office and auditors: the current PDF of every published decision of every
issuing body (the issued file when there is one, rendered now otherwise) plus a CSV index. With
``--with-certificates``, the certificates file the văn thư signed (Bằng khen, Giấy khen with their verification
codes) is written beside each decision, and the index gains its name, sha256, signer and signing time.

    python manage.py export_decisions DIR [--year 2020] [--body so-giao-duc-dao-tao] [--with-certificates]
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q
from django.utils import timezone

from awards.decisions import issuing
from awards.documents import rendering
from awards.documents import services as documents
from awards.models import Decision, DecisionState, DocumentKind, DocumentStatus, Issuance, IssueMode
from units.text import fold

COLUMNS = ["so_quyet_dinh", "ngay", "nguoi_ky", "danh_hieu_hinh_thuc", "tap_the", "ca_nhan", "ho_gia_dinh",
           "trang_thai", "tep", "sha256", "phat_hanh", "ky_so_boi", "thoi_diem_ky"]
CERTIFICATE_COLUMNS = ["tep_bang_khen", "sha256_bang_khen", "bang_khen_ky_so_boi", "bang_khen_thoi_diem_ky"]


def file_name(decision: Decision) -> str:
    """"163-QD-UBND-2021.pdf" for the province; another body's decisions are prefixed with its unit's code
    ("xa-de-tham-05-QD-UBND-2020.pdf"), since two communes both number "QĐ-UBND". ASCII only, unique."""
    name = f"{fold(decision.code).upper().replace('/', '-')}-{decision.year}.pdf"
    return name if decision.body.is_province else f"{decision.body.unit.code}-{name}"


def certificate_columns(decision: Decision, target: Path) -> list[str]:
    """Write the signed certificates file of ``decision`` ("163-QD-UBND-2021-bang-khen.pdf") and answer its
    index columns; empty columns when the văn thư has not signed one (a paper body's decision, or not yet)."""
    row = issuing.certificates_file(decision)
    if row is None:
        return ["", "", "", ""]
    with row.file.open("rb") as handle:
        data = handle.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != row.sha256:
        raise CommandError(f"Tệp bằng khen đã ký của quyết định {decision.code} không khớp sha256 đã ghi.")
    name = file_name(decision).removesuffix(".pdf") + "-bang-khen.pdf"
    (target / name).write_bytes(data)
    return [name, digest, row.certificate.holder, timezone.localtime(row.signed_at).isoformat(timespec="seconds")]


class Command(BaseCommand):
    help = "Write the PDF of every published decision and a CSV index into a folder."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--year", type=int, help="only decisions signed in this year")
        parser.add_argument("--body", metavar="UNIT_CODE",
                            help="only decisions of the body of this unit (its code, e.g. so-giao-duc-dao-tao)")
        parser.add_argument("--with-certificates", action="store_true",
                            help="also write the certificates file the văn thư signed, with its index columns")

    def handle(self, *args, **options):
        target = Path(options["directory"])
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Không tạo được thư mục {target}: {exc}") from exc
        decisions = Decision.objects.filter(state__in=[DecisionState.PUBLISHED, DecisionState.REVOKED])
        if options["year"]:
            decisions = decisions.filter(decided_on__year=options["year"])
        if options["body"]:
            decisions = decisions.filter(body__unit__code=options["body"])
        decisions = decisions.select_related("award_type", "signer", "body__unit").annotate(
            collectives=Count("lines", filter=Q(lines__active=True, lines__recipient_kind="tap_the")),
            individuals=Count("lines", filter=Q(lines__active=True, lines__recipient_kind="ca_nhan")),
            households=Count("lines", filter=Q(lines__active=True, lines__recipient_kind="ho_gia_dinh")),
        ).order_by("decided_on", "body__kind", "body_id", "number")
        rows = []
        certificates = options["with_certificates"]
        for decision in decisions:
            extra = certificate_columns(decision, target) if certificates else []
            issuance = Issuance.objects.filter(decision=decision).first()
            if issuance is not None:  # the issued file itself (signed, or the scan of the paper original)
                data = issuance.file.open("rb").read()
                digest = hashlib.sha256(data).hexdigest()
                if digest != issuance.sha256:
                    raise CommandError(f"Tệp đã phát hành của quyết định {decision.code} không khớp sha256 đã ghi.")
                name = file_name(decision)
                (target / name).write_bytes(data)
                signed_at = timezone.localtime(issuance.signed_at).isoformat(timespec="seconds") \
                    if issuance.signed_at else ""
                rows.append([decision.code, decision.decided_on.isoformat(), decision.signer.full_name,
                             decision.award_type.name, decision.collectives, decision.individuals,
                             decision.households, decision.get_state_display(), name, digest,
                             "ky_so" if issuance.mode == IssueMode.ELECTRONIC else "ky_giay", issuance.signer_name
                             if issuance.mode == IssueMode.ELECTRONIC else "", signed_at, *extra])
                continue
            document = documents.request_document(decision, DocumentKind.DECISION)
            if document.status != DocumentStatus.DONE:
                rendering.render(document.pk)
                document.refresh_from_db()
            if document.status != DocumentStatus.DONE:
                raise CommandError(f"Không tạo được PDF của quyết định {decision.code}: {document.error}")
            with document.file.open("rb") as handle:
                data = handle.read()
            digest = hashlib.sha256(data).hexdigest()
            if digest != document.sha256:
                raise CommandError(f"Tệp của quyết định {decision.code} không khớp sha256 đã ghi.")
            name = file_name(decision)
            (target / name).write_bytes(data)
            rows.append([decision.code, decision.decided_on.isoformat(), decision.signer.full_name,
                         decision.award_type.name, decision.collectives, decision.individuals, decision.households,
                         decision.get_state_display(), name, digest, "", "", "", *extra])
        with open(target / "index.csv", "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS + (CERTIFICATE_COLUMNS if certificates else []))
            writer.writerows(rows)
        self.stdout.write(f"Đã xuất {len(rows)} quyết định vào {target} (kèm index.csv).")
