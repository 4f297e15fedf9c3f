"""The Sở Nội vụ as an issuing body, with its Giám đốc and a Phó Giám đốc: they sign the Sở's tờ trình that each
decision of the province answers ("Tờ trình số 598/TTr-SNV", ``awards.documents.board_submission``).

ILLUSTRATIVE: the names are fictional (the Giám đốc Sở Nội vụ tỉnh Lạng Sơn of 2019-2020 was not looked up); the
header lines follow the product's practice for a sở (docs/legal-sources.md). Upserted by natural key."""

from __future__ import annotations

from awards.demo.base import D, label, upsert
from awards.enums import BodyKind
from awards.models import IssuingBody, Signer, SignerCapacity
from units.models import Unit

BODY = {
    "kind": BodyKind.DEPARTMENT, "head_title": "Giám đốc Sở Nội vụ", "signature_title": "GIÁM ĐỐC",
    "deputy_title": "PHÓ GIÁM ĐỐC", "parent_name": "UBND TỈNH LẠNG SƠN", "issuer_name": "SỞ NỘI VỤ",
    "authority_line": "GIÁM ĐỐC SỞ NỘI VỤ", "symbol": "QĐ-SNV", "place": "Lạng Sơn",
    "fund_name": "Quỹ Thi đua, khen thưởng của Sở Nội vụ",
}
BODY_FROM = D(2004, 7, 1)
SIGNERS = [  # (full name, position, capacity, from, to)
    ("Nông Văn Tiến", "Giám đốc Sở Nội vụ", SignerCapacity.CHAIR, D(2018, 3, 1), None),
    ("Lương Thị Hạnh", "Phó Giám đốc Sở Nội vụ", SignerCapacity.ON_BEHALF, D(2018, 3, 1), None),
]


def seed_board_department() -> dict[str, int]:
    body = upsert(IssuingBody, {"unit": Unit.objects.get(code="so-noi-vu"), "valid_from": BODY_FROM}, BODY)
    for full_name, position, capacity, valid_from, valid_to in SIGNERS:
        upsert(Signer, {"body": body, "full_name": full_name, "capacity": capacity},
               {"position": position, "valid_from": valid_from, "valid_to": valid_to})
    return {label(IssuingBody): 1, label(Signer): len(SIGNERS)}
