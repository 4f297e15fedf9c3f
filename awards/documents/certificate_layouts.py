"""Which certificate a decision's award prints, and the words of its mẫu.

Every mẫu of a Bằng khen, a Giấy khen or a Bằng chứng nhận of a danh hiệu has the same frame: the Quốc huy
at the top centre, the Quốc hiệu and Tiêu ngữ, the authority line **in red**, "Tặng" (or "Tặng danh hiệu")
**in black**, the form or the title **in red**, then the recipient and the achievement; at the bottom left
the decision's number and date and the "số sổ vàng", at the bottom right the place and date, the signer's
title and a space for the signature and the seal (NĐ 50/2006/NĐ-CP Điều 28, as published by the Ban Thi
đua - Khen thưởng Trung ương; NĐ 85/2014/NĐ-CP kept the elements and changed the sizes). Sources and what
is not verified: docs/legal-sources.md, "Certificates".

A Cờ thi đua is a satin flag made by its supplier (issuer, "Tặng", the gold star, "Đơn vị …"); it names
neither the recipient nor the decision. What the product prints for it is the paper certificate that goes
with the flag, in the same frame, titled "CỜ THI ĐUA" and naming the unit."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from django.conf import settings

from awards.enums import AwardFamily
from awards.models import AwardType, CertificateKind

# Titles a unit's head decides every year, printed on the smaller "Giấy chứng nhận" (practice, not a
# verified mẫu: see docs/legal-sources.md).
BASE_TITLE_CODES = {"lao-dong-tien-tien", "tap-the-lao-dong-tien-tien", "chien-si-tien-tien", "don-vi-tien-tien"}
FLAG_PREFIX = "co-thi-dua"


class CertificateLayout(NamedTuple):
    key: str
    document_name: str  # what the paper is called: "Bằng khen", "Bằng chứng nhận danh hiệu" …
    give: str  # the black line above the title
    title: str  # the red title, as printed (upper case)
    subtitle: str = ""  # a second, smaller red line ("CỦA ỦY BAN NHÂN DÂN TỈNH")


def _upper(text: str) -> str:
    return text.upper()


def layout_key(award_type: AwardType) -> str:
    """The certificate kind of an award type (also the phôi kind of a calibration)."""
    if award_type.code.startswith(FLAG_PREFIX):
        return CertificateKind.FLAG
    if award_type.family == AwardFamily.CERTIFICATE_OF_MERIT:
        return CertificateKind.CERTIFICATE_OF_MERIT
    if award_type.family == AwardFamily.COMMENDATION:
        return CertificateKind.COMMENDATION
    if award_type.code in BASE_TITLE_CODES:
        return CertificateKind.BASE_TITLE
    return CertificateKind.TITLE


def layout_for(award_type: AwardType) -> CertificateLayout:
    """The words of the certificate of ``award_type`` (see the module docstring for the sources)."""
    key = layout_key(award_type)
    if key == CertificateKind.CERTIFICATE_OF_MERIT:
        return CertificateLayout(key, "Bằng khen", "TẶNG", "BẰNG KHEN")
    if key == CertificateKind.COMMENDATION:
        return CertificateLayout(key, "Giấy khen", "TẶNG", "GIẤY KHEN")
    if key == CertificateKind.FLAG:
        rest = award_type.name[len("Cờ thi đua"):].strip()
        return CertificateLayout(key, "Bằng kèm Cờ thi đua", "TẶNG", "CỜ THI ĐUA", _upper(rest))
    name = award_type.name
    if key == CertificateKind.BASE_TITLE:
        return CertificateLayout(key, "Giấy chứng nhận danh hiệu", "TẶNG DANH HIỆU", _upper(name))
    if award_type.family == AwardFamily.EMULATION_TITLE:
        return CertificateLayout(key, "Bằng chứng nhận danh hiệu", "TẶNG DANH HIỆU", _upper(name))
    return CertificateLayout(key, award_type.name, "TẶNG", _upper(name))


# The Quốc huy is vendored, never fetched at run time: static/img/quoc-huy.svg (its source and provenance in
# static/img/README.md) and the PNG made from it by scripts/emblem_png.py, which certificates print (one image
# per PDF, where the SVG would be drawn again on every page). Without either file, certificates show a marked
# placeholder rather than a drawing that would pass for the state emblem.
EMBLEM_FILES = ("quoc-huy.png", "quoc-huy.svg")


def emblem_path() -> Path | None:
    """The vendored Quốc huy file, or None while there is none (``settings.CERTIFICATE_EMBLEM`` overrides)."""
    configured = getattr(settings, "CERTIFICATE_EMBLEM", None)
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    folder = Path(settings.BASE_DIR) / "static" / "img"
    return next((folder / name for name in EMBLEM_FILES if (folder / name).is_file()), None)


def emblem_uri() -> str:
    """The emblem as a file URI for WeasyPrint, "" for the placeholder."""
    path = emblem_path()
    return path.resolve().as_uri() if path else ""
