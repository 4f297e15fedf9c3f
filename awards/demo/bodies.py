"""The deciding bodies of the demo's units besides the province (which migration 0012 makes): for now the Giám đốc
Sở Giáo dục và Đào tạo, whose officer ``donvi`` addresses the Sở's own rounds to him. The header lines follow the
practice noted in docs/legal-sources.md ("UBND TỈNH LẠNG SƠN / SỞ GIÁO DỤC VÀ ĐÀO TẠO", symbol QĐ-SGDĐT as in the
Sở's real decision numbers of ``awards.demo.facts``). Signers, the other units' bodies and the demo rounds of
2019-2020 are seeded by the demo of the rounds (``awards.decisions.rounds.run_round``)."""

from __future__ import annotations

from awards.demo.base import D, label, upsert
from awards.enums import BodyKind
from awards.models import IssuingBody
from units.models import Unit

BODIES = [
    {"unit": "so-giao-duc-dao-tao", "kind": BodyKind.DEPARTMENT, "head_title": "Giám đốc Sở Giáo dục và Đào tạo",
     "short_head_title": "Giám đốc Sở GD&ĐT", "signature_title": "GIÁM ĐỐC", "deputy_title": "PHÓ GIÁM ĐỐC",
     "parent_name": "UBND TỈNH LẠNG SƠN", "issuer_name": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
     "authority_line": "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "symbol": "QĐ-SGDĐT", "place": "Lạng Sơn",
     "fund_name": "Quỹ Thi đua, khen thưởng của Sở Giáo dục và Đào tạo", "valid_from": D(2004, 7, 1)},
]


def seed_bodies() -> dict[str, int]:
    """Upsert each body by (unit, valid_from). The count includes the province's body (made by migration 0012 and
    tied to the root unit by ``seed_units``), so the counts still match the table."""
    for spec in BODIES:
        values = {name: value for name, value in spec.items() if name not in ("unit", "valid_from")}
        upsert(IssuingBody, {"unit": Unit.objects.get(code=spec["unit"]), "valid_from": spec["valid_from"]}, values)
    return {label(IssuingBody): len(BODIES) + 1}
