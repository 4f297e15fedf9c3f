"""The demo dossiers' attachments: small generated PDFs saying they are demo data, one stored file per kind of
document (``attachments/demo/``) shared by every demo dossier, so reloading writes no new files."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from awards.core import uploads
from awards.demo.proposals import Proposal
from awards.enums import AttachmentKind
from awards.models import Attachment, Dossier
from units.models import User

ATTACHMENT_NAMES = {
    AttachmentKind.SUBMISSION: ("to-trinh", "Tờ trình đề nghị khen thưởng"),
    AttachmentKind.ACHIEVEMENT_REPORT: ("bao-cao-thanh-tich", "Báo cáo thành tích"),
    AttachmentKind.REVIEW_MINUTES: ("bien-ban-binh-xet", "Biên bản họp bình xét"),
    AttachmentKind.INITIATIVE: ("chung-nhan-sang-kien", "Chứng nhận sáng kiến"),
    AttachmentKind.CONSULTATION: ("van-ban-hiep-y", "Văn bản hiệp y"),
    AttachmentKind.OTHER: ("tai-lieu-khac", "Tài liệu khác"),
}


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode()
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` (accents dropped: the built-in Helvetica font has none)."""
    text = " ".join(f"({_ascii(line)[:95]}) '" for line in lines)
    stream = f"BT /F1 11 Tf 56 800 Td 16 TL {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return out


def demo_file(kind: str) -> tuple[str, uploads.InspectedUpload]:
    """The stored demo PDF of an attachment kind: one generic file per kind, named by its content, written
    once and shared by every demo dossier (a reload writes nothing; the files never change)."""
    slug, heading = ATTACHMENT_NAMES[AttachmentKind(kind)]
    data = demo_pdf(["DU LIEU MAU - KHONG CO GIA TRI PHAP LY", heading, "Tai lieu minh hoa cua ho so de nghi khen "
                     "thuong (du lieu mau tinh Lang Son)."])
    upload = ContentFile(data, name=f"{slug}.pdf")
    inspected = uploads.inspect_upload(upload, settings.ATTACHMENT_MAX_BYTES)
    name = f"attachments/demo/{slug}-{inspected.sha256[:16]}.pdf"
    if not default_storage.exists(name):
        name = default_storage.save(name, upload)
    return name, inspected


def attach(dossier: Dossier, kind: str, proposal: Proposal, officer: User) -> None:
    name, inspected = demo_file(kind)
    slug = ATTACHMENT_NAMES[AttachmentKind(kind)][0]
    Attachment.objects.create(
        dossier=dossier, kind=kind, file=name, original_name=f"{slug}-{dossier.reference.lower()}.pdf",
        content_type=inspected.content_type, size=inspected.size, sha256=inspected.sha256,
        vote_result=proposal.minutes_vote if kind == AttachmentKind.REVIEW_MINUTES else "",
        uploaded_by=officer,
    )

