"""The package of a dossier for the national software (hồ sơ trình Thủ tướng Chính phủ, Chủ tịch nước; QĐ
311/QĐ-BNV 2025): the province's tờ trình, the báo cáo thành tích of the nominees and the biên bản of the
council as .docx and PDF (the same content in both), the nominee list as .xlsx and a manifest (files, sha256,
deadlines). A dossier marked "mật" (``ConfidentialDossier``) is never packaged.

Deadlines (working days, ``catalogue.calendar``): 5 to return an invalid dossier, 20 to submit it, 10 to forward
the decision — as issue 19 states them; the text of QĐ 311/QĐ-BNV was NOT found (docs/legal-sources.md)."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import json
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook

from awards.catalogue.calendar import add_working_days
from awards.consultation.services import statement
from awards.core import pdf
from awards.enums import DECIDED_ABOVE_PROVINCE, RecipientKind
from awards.models import AgendaItem, ConfidentialDossier, Dossier, Nomination
from units.sheets import workbook_bytes

RETURN_INVALID_DAYS = 5
SUBMIT_DAYS = 20
FORWARD_DECISION_DAYS = 10
ISSUER = "Sở Nội vụ"


class PackageError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclasses.dataclass
class Paper:
    """One document of the package, rendered the same way to .docx and PDF."""

    slug: str
    title: str
    subject: str
    paragraphs: list[str]
    table: list[list[str]]
    place_date: str = ""
    issuer: str = ISSUER


@dataclasses.dataclass(frozen=True)
class Deadlines:
    sent_on: datetime.date
    return_invalid_by: datetime.date
    submit_by: datetime.date

    def forward_decision_by(self, decided_on: datetime.date) -> datetime.date:
        return add_working_days(decided_on, FORWARD_DECISION_DAYS)


def deadlines(dossier: Dossier) -> Deadlines | None:
    """From the day the province's tờ trình went up (``forward_date``); ``None`` before it went."""
    if dossier.forward_date is None:
        return None
    return Deadlines(sent_on=dossier.forward_date,
                     return_invalid_by=add_working_days(dossier.forward_date, RETURN_INVALID_DAYS),
                     submit_by=add_working_days(dossier.forward_date, SUBMIT_DAYS))


def _nominations(dossier: Dossier) -> list[Nomination]:
    return list(dossier.nominations.select_related("person__unit", "unit", "household", "award_type"))


def _who(n: Nomination) -> tuple[str, str]:
    if n.recipient_kind == RecipientKind.INDIVIDUAL:
        return n.recipient_name, ", ".join(p for p in (n.person.position, n.person.unit.name if n.person.unit_id
                                                                              else "") if p)
    return n.recipient_name, n.dossier.unit.name


def papers(dossier: Dossier, day: datetime.date) -> list[Paper]:
    nominations = _nominations(dossier)
    place_date = pdf.place_date(day)
    authority = dossier.get_authority_display()
    rows = [[_("STT"), _("Tập thể, cá nhân"), _("Chức vụ, đơn vị"), _("Hình thức đề nghị")]]
    rows += [[str(i), *_who(n), n.award_type.name] for i, n in enumerate(nominations, start=1)]
    consulted = statement(dossier)
    submission = Paper(
        slug="to-trinh", title=_("Tờ trình"), place_date=place_date,
        subject=_("Về việc đề nghị %(authority)s khen thưởng") % {"authority": authority},
        paragraphs=[
            _("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và các văn bản hướng dẫn thi hành;"),
            _("Xét đề nghị của %(unit)s (hồ sơ %(ref)s: %(title)s), Sở Nội vụ kính trình %(authority)s xem xét, "
              "khen thưởng cho %(n)s tập thể, cá nhân có tên trong danh sách dưới đây.") % {
                "unit": dossier.unit.name, "ref": dossier.reference, "title": dossier.title,
                "authority": authority, "n": len(nominations)},
            *([consulted] if consulted else []),
        ], table=rows)
    report = Paper(
        slug="bao-cao-thanh-tich", title=_("Báo cáo thành tích"), place_date=place_date,
        subject=_("Tóm tắt thành tích của tập thể, cá nhân đề nghị khen thưởng"),
        paragraphs=[f"{i}. {n.recipient_name} ({n.award_type.name}): {n.achievement or _('(chưa ghi tóm tắt)')}"
                    for i, n in enumerate(nominations, start=1)], table=[])
    items = list(AgendaItem.objects.filter(nomination__in=nominations).select_related("session", "nomination")
                 .order_by("session__held_on", "position"))
    minutes_rows = [[_("Tập thể, cá nhân"), _("Phiên họp"), _("Đồng ý"), _("Kết quả")]]
    minutes_rows += [[i.nomination.recipient_name, f"{i.session.held_on:%d/%m/%Y}",
                      f"{i.yes_count or 0}/{i.member_count or 0}",
                      _("Đạt") if i.passed else (_("Không đạt") if i.passed is False else _("Chưa kiểm phiếu"))]
                     for i in items]
    minutes = Paper(
        slug="bien-ban", title=_("Biên bản"), place_date=place_date, issuer=_("Hội đồng Thi đua - Khen thưởng"),
        subject=_("Kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng tỉnh"),
        paragraphs=[_("Hội đồng chưa bỏ phiếu về các đề nghị này.")] if not items else [],
        table=minutes_rows if items else [])
    return [submission, report, minutes]


def paper_docx(paper: Paper) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = f"UBND TỈNH {settings.PROVINCE_NAME.upper()}\n{paper.issuer.upper()}"
    header.cell(0, 1).text = f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{paper.place_date}"
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(paper.title.upper()).bold = True
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run(paper.subject).bold = True
    for text in paper.paragraphs:
        document.add_paragraph(text)
    if paper.table:
        table = document.add_table(rows=0, cols=len(paper.table[0]))
        table.style = "Table Grid"
        for row in paper.table:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.core_properties.title = paper.title
    document.core_properties.author = ISSUER
    document.save(buffer)
    return buffer.getvalue()


def paper_pdf(paper: Paper, dossier: Dossier, day: datetime.date) -> bytes:
    return pdf.render_pdf("pdf/national_doc.html", {"doc": paper}, pdf.Metadata(
        title=f"{paper.title} – {dossier.reference}", author=paper.issuer, subject=paper.subject, created=day))


def nominee_xlsx(dossier: Dossier) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sach"
    sheet.append(["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức đề nghị", "Năm sinh", "Giới tính",
                  "Tóm tắt thành tích"])
    for i, n in enumerate(_nominations(dossier), start=1):
        name, detail = _who(n)
        person = n.person if n.recipient_kind == RecipientKind.INDIVIDUAL else None
        sheet.append([i, name, detail, n.award_type.name,
                      person.birth_date.year if person and person.birth_date else "",
                      person.get_gender_display() if person else "", n.achievement])
    return workbook_bytes(workbook)  # text read as a formula (= + - @ first) is written as text


def build_package(dossier: Dossier, day: datetime.date | None = None) -> bytes:
    """The zip for the national software. Refused for a "mật" dossier and for a dossier decided in the province."""
    if ConfidentialDossier.objects.filter(dossier=dossier).exists():
        raise PackageError(_("Hồ sơ %(ref)s được đánh dấu mật: không xuất gói gửi phần mềm quốc gia.") % {
            "ref": dossier.reference})
    if dossier.authority not in DECIDED_ABOVE_PROVINCE:
        raise PackageError(_("Chỉ hồ sơ trình Thủ tướng Chính phủ, Chủ tịch nước mới xuất gói gửi phần mềm quốc "
                             "gia."))
    day = day or dossier.forward_date or datetime.date.today()
    files: dict[str, bytes] = {}
    for paper in papers(dossier, day):
        files[f"{paper.slug}.docx"] = paper_docx(paper)
        files[f"{paper.slug}.pdf"] = paper_pdf(paper, dossier, day)
    files["danh-sach.xlsx"] = nominee_xlsx(dossier)
    limits = deadlines(dossier)
    manifest = {
        "dossier": dossier.reference, "unit": dossier.unit.name, "authority": dossier.authority,
        "nominations": dossier.nominations.count(), "date": day.isoformat(),
        "deadlines": None if limits is None else {
            "sent_on": limits.sent_on.isoformat(), "return_invalid_by": limits.return_invalid_by.isoformat(),
            "submit_by": limits.submit_by.isoformat()},
        "files": [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                  for name, data in files.items()],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return buffer.getvalue()
