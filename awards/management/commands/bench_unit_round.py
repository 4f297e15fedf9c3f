"""Benchmark: a unit's own round of 2,000 Lao động tiên tiến, from the Excel list to the published decision.

Everything runs through the product's services (the nominee import, the round's workflow, the verdicts, drafting,
publishing, the PDF renderer) inside a transaction that is rolled back, so the database is left as it was. Each
step is timed on its own; the anchor is openpyxl reading the same file (read-only), measured in the same run.
"""

from __future__ import annotations

import datetime
import io
import os
import platform
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from openpyxl import Workbook, load_workbook

from awards.catalogue.in_force import award_type_on
from awards.decisions import issuing
from awards.decisions import services as decisions
from awards.documents import decision_pdf
from awards.dossiers import workflow
from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.dossiers.services import set_verdict
from awards.enums import BodyKind, OccasionType, Verdict
from awards.models import Attachment, Dossier, IssuingBody, Signer
from units.models import Role, Unit, UnitKind, User

YEAR = 2025
DECIDED_ON = datetime.date(2026, 1, 15)
FAMILY = ["Nguyễn", "Trần", "Hoàng", "Lường", "Nông", "Hà", "Vi", "Lộc", "Đinh", "Triệu"]
GIVEN = ["Cương", "Lư", "Hòa", "Thắng", "Huyền", "Dũng", "Phượng", "Thiệu", "Hiền", "Tuấn", "Lượng"]


class Rollback(Exception):
    pass


def _workbook(rows: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.append(TEMPLATE_COLUMNS)
    for n in range(rows):
        name = f"{FAMILY[n % 10]} Văn {GIVEN[n % 11]} {n + 1}"
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=n * 7)
        sheet.append([n + 1, name, "Nam" if n % 2 else "Nữ", birth.strftime("%d/%m/%Y"), "Giáo viên", None,
                      "Lao động tiên tiến", "Cá nhân", "Hoàn thành tốt nhiệm vụ năm học"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _parse(data: bytes) -> int:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


class Command(BaseCommand):
    help = "Đo thời gian một đợt xét của đơn vị: 2.000 Lao động tiên tiến từ tệp Excel đến quyết định ban hành."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rows", type=int, default=2000)

    def handle(self, *args: Any, **options: Any) -> None:
        rows = options["rows"]
        data = _workbook(rows)
        times: list[tuple[str, float]] = []

        def timed(label: str, step: Callable[[], Any]) -> Any:
            start = time.perf_counter()
            result = step()
            times.append((label, time.perf_counter() - start))
            return result

        timed("openpyxl đọc tệp (mốc so sánh)", lambda: _parse(data))
        try:
            with transaction.atomic():
                self._round(data, timed)
                raise Rollback
        except Rollback:
            pass
        load = os.getloadavg()[0]
        self.stdout.write(f"Máy: {os.cpu_count()} lõi, {platform.python_implementation()} "
                          f"{platform.python_version()}, {connection.vendor}, tải {load:.2f}; {rows} dòng.")
        created, code, awards = self.outcome
        self.stdout.write(f"Đã nhập {created} người; quyết định {code}; {awards} bản ghi khen thưởng (đã hoàn tác).")
        anchor = times[0][1]
        for label, seconds in times:
            self.stdout.write(f"  {label:<46} {seconds:7.2f} s  ({seconds / anchor:5.1f} × mốc)")
        total = sum(seconds for _label, seconds in times[1:])
        self.stdout.write(f"  {'tổng (không tính mốc)':<46} {total:7.2f} s")

    def _round(self, data: bytes, timed: Callable[[str, Callable[[], Any]], Any]) -> None:
        root = Unit.objects.filter(kind=UnitKind.PROVINCE).first()
        unit = Unit.objects.create(code="bench-so-giao-duc", name="Sở Giáo dục đo hiệu năng",
                                   kind=UnitKind.DEPARTMENT, parent=root)
        body = IssuingBody.objects.create(
            unit=unit, kind=BodyKind.DEPARTMENT, head_title="Giám đốc Sở Giáo dục đo hiệu năng",
            signature_title="GIÁM ĐỐC", deputy_title="PHÓ GIÁM ĐỐC", parent_name="UBND TỈNH LẠNG SƠN",
            issuer_name="SỞ GIÁO DỤC ĐO HIỆU NĂNG", authority_line="GIÁM ĐỐC SỞ GIÁO DỤC ĐO HIỆU NĂNG",
            symbol="QĐ-SGDHN", place="Lạng Sơn", fund_name="Quỹ Thi đua, khen thưởng của Sở",
            valid_from=datetime.date(2004, 7, 1))
        signer = Signer.objects.create(body=body, full_name="Trần Văn Hải", position=body.head_title,
                                       capacity="chu_tich", valid_from=datetime.date(2020, 1, 1))
        officer = User.objects.create(username="bench-officer", full_name="Cán bộ đo hiệu năng", unit=unit)
        officer.groups.add(Group.objects.get(name=Role.UNIT_OFFICER))
        dossier = Dossier.objects.create(
            unit=unit, body=body, authority=body.authority, year=YEAR, occasion=OccasionType.MERIT,
            title=f"Danh sách Lao động tiên tiến năm {YEAR}", created_by=officer,
            submission_number="01/TTr-SGDHN", submission_date=DECIDED_ON - datetime.timedelta(days=5))
        award = award_type_on("lao-dong-tien-tien", datetime.date(YEAR, 12, 31))
        for kind in award.required_attachments:
            Attachment.objects.create(dossier=dossier, kind=kind, file=ContentFile(b"%PDF-1.4 bench", name="x.pdf"),
                                      original_name=f"{kind}.pdf", content_type="application/pdf", size=14,
                                      sha256="0" * 64, uploaded_by=officer)
        upload = SimpleUploadedFile("danh-sach.xlsx", data)
        report = timed("nhập danh sách (kiểm tra và lưu)", lambda: import_nominees(dossier, upload, officer))
        if report.error_texts:
            raise SystemExit("\n".join(report.error_texts[:5]))
        timed("mở xét (kiểm tra đủ hồ sơ, điều kiện)",
              lambda: workflow.transition(dossier, "open_review", officer))
        timed("thẩm định từng người (đủ điều kiện)", lambda: [
            set_verdict(nomination, Verdict.ELIGIBLE, "", officer) for nomination in dossier.nominations.all()])
        timed("hoàn thành thẩm định, chờ quyết định", lambda: (
            workflow.transition(dossier, "complete_review", officer),
            workflow.transition(Dossier.objects.get(pk=dossier.pk), "mark_ready", officer)))
        ready = list(decisions.ready_nominations(body).filter(dossier=dossier))
        decision = timed("dự thảo quyết định (số của Sở)", lambda: decisions.draft_decision(
            ready, officer, DECIDED_ON, signer, "đã hoàn thành tốt nhiệm vụ năm học 2024 - 2025", body=body))
        timed("ký số và phát hành (ghi bản ghi khen thưởng)", lambda: issuing.issue_with_demo_keys(decision, officer))
        self.outcome = (report.created, decision.code, decision.awards.count())
        timed("kết xuất PDF quyết định và danh sách", lambda: decision_pdf.render(decision, "decision"))
