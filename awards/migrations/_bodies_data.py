"""Rows loaded by ``0012_province_body_and_powers``: who may decide each award (``DecidingPower``) and the Giấy khen
of the Chủ tịch UBND cấp xã as an award type of its own.

Sources (addresses and status in docs/legal-sources.md):

* Luật Thi đua, khen thưởng 2022 Điều 80 (Công báo số 571+572 ngày 15/7/2022, trang 57): k1 thủ trưởng cơ quan, đơn vị
  có tư cách pháp nhân and cơ quan chuyên môn thuộc UBND tỉnh: TTLĐTT, CSTĐCS, LĐTT, giấy khen; k2 Chủ tịch UBND
  cấp huyện: thôn, tổ dân phố văn hóa, TTLĐTT, CSTĐCS, LĐTT, giấy khen; k3 Chủ tịch UBND cấp xã: LĐTT, giấy khen,
  Gia đình văn hóa; k4 giám đốc doanh nghiệp, hợp tác xã: TTLĐTT, CSTĐCS, LĐTT, giấy khen.
* NĐ 129/2025/NĐ-CP Điều 59 (from 01/7/2025, no more cấp huyện): Chủ tịch UBND cấp xã decides thôn, tổ dân phố
  văn hóa, Gia đình văn hóa, TTLĐTT, CSTĐCS, LĐTT and giấy khen.
* Luật Thi đua, khen thưởng 2003 Điều 80 k1: thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh, Chủ tịch UBND cấp
  huyện, Chủ tịch HĐQT, tổng giám đốc, giám đốc doanh nghiệp nhà nước: CSTĐCS, LĐTT, TTLĐTT, giấy khen; Điều 79:
  Chủ tịch UBND tỉnh: bằng khen, cờ thi đua, TTLĐXS, CSTĐ cấp tỉnh.
* NĐ 91/2017/NĐ-CP Điều 43 k2 a (in force 01/10/2017): for people managed by the commune, the Chủ tịch UBND cấp xã
  decides LĐTT and proposes CSTĐCS to the Chủ tịch UBND cấp huyện. Điều 73 k1 d, k2 b: Giấy khen of the Chủ tịch
  UBND cấp xã carries 0,15 × lương cơ sở for a person, twice that for a collective.
* NĐ 152/2025/NĐ-CP Điều 54: "Giấy khen các cấp" 0,6 × lương cơ sở for a collective (one rate for every level).

So in 2019-2020 a commune decided its own Lao động tiên tiến and Giấy khen; Chiến sĩ thi đua cơ sở and Tập thể
lao động tiên tiến of commune people and collectives were decided by the Chủ tịch UBND cấp huyện.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

date = datetime.date

LAW_2003 = date(2004, 7, 1)  # Luật TĐKT 15/2003/QH11 in force
ND91 = date(2017, 10, 1)  # NĐ 91/2017/NĐ-CP in force
LAW_2003_END = date(2023, 12, 31)
LAW_2022 = date(2024, 1, 1)
DISTRICTS_END = date(2025, 6, 30)
ND129 = date(2025, 7, 1)  # two-level local government; NĐ 129/2025/NĐ-CP and NĐ 152/2025/NĐ-CP in force
CATALOGUE_START = date(2017, 7, 31)

L03_79 = "Luật Thi đua, khen thưởng 2003 Điều 79"
L03_80_1 = "Luật Thi đua, khen thưởng 2003 Điều 80 khoản 1"
L03_80_2 = "Luật Thi đua, khen thưởng 2003 Điều 80 khoản 2"
L03_XA = "Luật Thi đua, khen thưởng 2003; NĐ 91/2017/NĐ-CP Điều 73 khoản 1 điểm d"
ND91_43 = "NĐ 91/2017/NĐ-CP Điều 43 khoản 2 điểm a"
L22_79 = "Luật Thi đua, khen thưởng 2022 Điều 79"
L22_80_1 = "Luật Thi đua, khen thưởng 2022 Điều 80 khoản 1"
L22_80_2 = "Luật Thi đua, khen thưởng 2022 Điều 80 khoản 2"
L22_80_3 = "Luật Thi đua, khen thưởng 2022 Điều 80 khoản 3"
L22_80_4 = "Luật Thi đua, khen thưởng 2022 Điều 80 khoản 4"
ND129_59 = "Luật Thi đua, khen thưởng 2022 Điều 80; NĐ 129/2025/NĐ-CP Điều 59"

N_UNVERIFIED_79 = "Số điều của Luật 2022 về thẩm quyền Chủ tịch UBND tỉnh chưa đối chiếu văn bản gốc [M]."
N_ENTERPRISE_2003 = ("Luật 2003 Điều 80 khoản 1 nêu doanh nghiệp nhà nước; doanh nghiệp khác trước năm 2024 chưa "
                     "đối chiếu [M].")
N_XA_GK_2003 = ("Thẩm quyền Giấy khen của Chủ tịch UBND cấp xã trước năm 2024: thủ tục hành chính cấp xã "
                "1.000748 và NĐ 91/2017/NĐ-CP Điều 73 khoản 1 điểm d; khoản của Luật 2003 chưa đối chiếu [M].")

LDTT, CSTDCS, TTLDTT = "lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien"
GIAY_KHEN, GIAY_KHEN_XA = "giay-khen", "giay-khen-chu-tich-ubnd-xa"
BASE_TITLES = (LDTT, CSTDCS, TTLDTT, GIAY_KHEN)


def _power(code: str, kind: str, start: date, end: date | None, citation: str, note: str = "") -> dict:
    return {"award_code": code, "body_kind": kind, "valid_from": start, "valid_to": end,
            "legal_citation": citation, "note": note}


def _heads() -> list[dict]:
    """Heads of sở, ban, ngành, đơn vị sự nghiệp and doanh nghiệp: the four base titles, 2004 onwards."""
    rows = []
    for code in BASE_TITLES:
        for kind in ("so_ban_nganh", "su_nghiep"):
            rows.append(_power(code, kind, LAW_2003, LAW_2003_END, L03_80_1))
            rows.append(_power(code, kind, LAW_2022, None, L22_80_1))
        rows.append(_power(code, "doanh_nghiep", LAW_2003, LAW_2003_END, L03_80_1, N_ENTERPRISE_2003))
        rows.append(_power(code, "doanh_nghiep", LAW_2022, None, L22_80_4))
    return rows


def _districts() -> list[dict]:
    """The Chủ tịch UBND cấp huyện until the districts ended (30/6/2025)."""
    rows = []
    for code in BASE_TITLES:
        rows.append(_power(code, "huyen", LAW_2003, LAW_2003_END, L03_80_1))
        rows.append(_power(code, "huyen", LAW_2022, DISTRICTS_END, L22_80_2))
    rows.append(_power("thon-to-dan-pho-van-hoa", "huyen", LAW_2003, LAW_2003_END, L03_80_2))
    rows.append(_power("thon-to-dan-pho-van-hoa", "huyen", LAW_2022, DISTRICTS_END, L22_80_2))
    return rows


def _communes() -> list[dict]:
    """The Chủ tịch UBND cấp xã: LĐTT and his own Giấy khen all along; CSTĐCS, TTLĐTT and thôn văn hóa from
    01/7/2025 (NĐ 129/2025/NĐ-CP Điều 59)."""
    return [
        _power(LDTT, "xa_phuong", ND91, LAW_2003_END, ND91_43),
        _power(LDTT, "xa_phuong", LAW_2022, DISTRICTS_END, L22_80_3),
        _power(LDTT, "xa_phuong", ND129, None, ND129_59),
        _power(GIAY_KHEN_XA, "xa_phuong", LAW_2003, LAW_2003_END, L03_XA, N_XA_GK_2003),
        _power(GIAY_KHEN_XA, "xa_phuong", LAW_2022, DISTRICTS_END, L22_80_3),
        _power(GIAY_KHEN_XA, "xa_phuong", ND129, None, ND129_59),
        _power("gia-dinh-van-hoa", "xa_phuong", LAW_2022, DISTRICTS_END, L22_80_3),
        _power("gia-dinh-van-hoa", "xa_phuong", ND129, None, ND129_59),
        _power(CSTDCS, "xa_phuong", ND129, None, ND129_59),
        _power(TTLDTT, "xa_phuong", ND129, None, ND129_59),
        _power("thon-to-dan-pho-van-hoa", "xa_phuong", ND129, None, ND129_59),
    ]


# What the Chủ tịch UBND tỉnh decides: every award type of the catalogue whose authority is his.
PROVINCE_CODES = ("chien-si-thi-dua-cap-tinh", "co-thi-dua-ubnd-tinh", "tap-the-lao-dong-xuat-sac",
                  "xa-phuong-tieu-bieu", "ky-niem-chuong-tinh", "bang-khen-chu-tich-ubnd-tinh")


def _province() -> list[dict]:
    rows = []
    for code in PROVINCE_CODES:
        rows.append(_power(code, "tinh", LAW_2003, LAW_2003_END, L03_79))
        rows.append(_power(code, "tinh", LAW_2022, None, L22_79, N_UNVERIFIED_79))
    return rows


DECIDING_POWERS: list[dict] = [*_province(), *_heads(), *_districts(), *_communes()]

# The Giấy khen of the Chủ tịch UBND cấp xã: its own row, because NĐ 91/2017/NĐ-CP gave it its own rate.
GIAY_KHEN_XA_TYPES: list[dict] = [
    {
        "code": GIAY_KHEN_XA, "name": "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
        "short_name": "Giấy khen của Chủ tịch UBND cấp xã", "series": "", "award_class": None,
        "family": "giay_khen", "authority": "chu_tich_ubnd_xa",
        "for_collective": True, "for_individual": True, "for_household": True,
        "requires_council_vote": False, "vote_threshold_pct": None,
        "bonus_individual": Decimal("0.15"), "bonus_collective": Decimal("0.30"), "bonus_household": None,
        "is_yearly": False, "required_attachments": [],
        "legal_citation": "Luật TĐKT 2003 (sửa đổi, bổ sung 2013), Luật TĐKT 2022 Điều 75, 80 khoản 3; "
                          "NĐ 91/2017/NĐ-CP Điều 73 khoản 1 điểm d, khoản 2 điểm b",
        "note": ("Hệ số 0,15 (cá nhân) và 0,3 (tập thể) theo NĐ 91/2017/NĐ-CP Điều 73; giữ nguyên đến 30/6/2025 vì "
                 "chưa đối chiếu NĐ 98/2023/NĐ-CP [M]. Mức cho hộ gia đình theo NĐ 91/2017/NĐ-CP chưa đối chiếu "
                 "(1,5 lần cá nhân sẽ là 0,225, cần 3 chữ số thập phân): để trống [M]."),
        "valid_from": CATALOGUE_START, "valid_to": DISTRICTS_END, "sort_order": 8005,
    },
    {
        "code": GIAY_KHEN_XA, "name": "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
        "short_name": "Giấy khen của Chủ tịch UBND cấp xã", "series": "", "award_class": None,
        "family": "giay_khen", "authority": "chu_tich_ubnd_xa",
        "for_collective": True, "for_individual": True, "for_household": True,
        "requires_council_vote": False, "vote_threshold_pct": None,
        "bonus_individual": Decimal("0.30"), "bonus_collective": Decimal("0.60"), "bonus_household": Decimal("0.45"),
        "is_yearly": False, "required_attachments": [],
        "legal_citation": "Luật TĐKT 2022 Điều 75, 80 khoản 3; NĐ 129/2025/NĐ-CP Điều 59; NĐ 152/2025/NĐ-CP Điều 54",
        "note": ("NĐ 152/2025/NĐ-CP Điều 54 quy định một mức cho \"Giấy khen các cấp\" (tập thể 0,6); mức cá nhân "
                 "0,3 theo nguồn thứ cấp. Hệ số hộ gia đình 1,5 lần cá nhân."),
        "valid_from": ND129, "valid_to": None, "sort_order": 8005,
    },
]

GIAY_KHEN_NOTE = (
    "Do thủ trưởng cơ quan, đơn vị, Chủ tịch UBND cấp huyện (đến 30/6/2025), giám đốc doanh nghiệp, hợp tác xã "
    "quyết định; Giấy khen của Chủ tịch UBND cấp xã là mục riêng (mã giay-khen-chu-tich-ubnd-xa). Hệ số hộ gia đình "
    "tính bằng 1,5 lần cá nhân. Hệ số trước ngày 01/7/2025 chưa đối chiếu NĐ 91/2017/NĐ-CP và NĐ 98/2023/NĐ-CP."
)


def province_body(province: str) -> dict:
    """The Chủ tịch UBND tỉnh as an issuing body, worded as the decisions of the product have been printed."""
    upper = province.upper()
    return {
        "kind": "tinh", "head_title": f"Chủ tịch UBND tỉnh {province}", "short_head_title": "Chủ tịch UBND tỉnh",
        "signature_title": "CHỦ TỊCH", "deputy_title": "PHÓ CHỦ TỊCH", "parent_name": "",
        "issuer_name": f"ỦY BAN NHÂN DÂN / TỈNH {upper}",
        "authority_line": f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {upper}", "symbol": "QĐ-UBND", "place": province,
        "fund_name": "Quỹ Thi đua, khen thưởng tỉnh", "valid_from": LAW_2003, "valid_to": None,
        "note": "Tạo khi nâng cấp lên cơ quan ban hành nhiều cấp (migration 0012).",
    }
