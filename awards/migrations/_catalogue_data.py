"""Catalogue rows loaded by ``0002_load_catalogue``: legal documents, award types, base salaries.

Sources: /work/shared/domain.md §1.1, §2.1-§2.3. The leading underscore keeps Django's migration
loader from treating this module as a migration. Keys are exactly the model field names, except
``replaced_by_number`` on legal documents, which the migration resolves to the ``replaced_by`` FK.
All text is Unicode NFC. Uncertain facts ([M]/[AI] in domain.md) are said so in ``note``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

D = Decimal
date = datetime.date

# Common start of the current catalogue (the date NĐ 91/2017/NĐ-CP was issued) and the day
# NĐ 152/2025/NĐ-CP replaced NĐ 98/2023/NĐ-CP.
CATALOGUE_START = date(2017, 7, 31)
ND152_START = date(2025, 7, 1)
ND152_EVE = date(2025, 6, 30)

# ---------------------------------------------------------------------------------------------
# Legal documents
# ---------------------------------------------------------------------------------------------

LEGAL_DOCUMENTS: list[dict] = [
    {
        "number": "15/2003/QH11",
        "kind": "luat",
        "title": "Luật Thi đua, Khen thưởng",
        "issuer": "Quốc hội",
        "issued_on": date(2003, 11, 26),
        "valid_from": date(2004, 7, 1),
        "valid_to": date(2023, 12, 31),
        "replaced_by_number": "06/2022/QH15",
        "basis_text": (
            "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung "
            "một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;"
        ),
        "basis_order": 20,
    },
    {
        "number": "06/2022/QH15",
        "kind": "luat",
        "title": "Luật Thi đua, khen thưởng",
        "issuer": "Quốc hội",
        "issued_on": date(2022, 6, 15),
        "valid_from": date(2024, 1, 1),
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "basis_order": 20,
    },
    {
        "number": "91/2017/NĐ-CP",
        "kind": "nghi_dinh",
        "title": "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "issuer": "Chính phủ",
        "issued_on": date(2017, 7, 31),
        # In force 01/10/2017 (plo.vn summary of the decree); issued 31/7/2017.
        "valid_from": date(2017, 10, 1),
        "valid_to": date(2023, 12, 31),
        "replaced_by_number": "98/2023/NĐ-CP",
        "basis_text": (
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng;"
        ),
        "basis_order": 30,
    },
    {
        "number": "98/2023/NĐ-CP",
        "kind": "nghi_dinh",
        "title": "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "issuer": "Chính phủ",
        "issued_on": date(2023, 12, 31),
        "valid_from": date(2024, 1, 1),
        "valid_to": ND152_EVE,
        "replaced_by_number": "152/2025/NĐ-CP",
        "basis_text": (
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng;"
        ),
        "basis_order": 30,
    },
    {
        "number": "152/2025/NĐ-CP",
        "kind": "nghi_dinh",
        "title": (
            "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
            "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
        ),
        "issuer": "Chính phủ",
        "issued_on": date(2025, 6, 14),
        "valid_from": ND152_START,
        # vbpl metadata gives 01/3/2027 as the end of validity; left open until a replacement exists.
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": (
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
            "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
            "điều của Luật Thi đua, khen thưởng;"
        ),
        "basis_order": 30,
    },
    {
        "number": "77/2015/QH13",
        "kind": "luat",
        "title": "Luật Tổ chức chính quyền địa phương",
        "issuer": "Quốc hội",
        "issued_on": date(2015, 6, 19),
        "valid_from": date(2016, 1, 1),
        # Replaced by Luật số 65/2025/QH15 (19/02/2025), not by 72/2025/QH15.
        "valid_to": date(2025, 2, 28),
        "replaced_by_number": "65/2025/QH15",
        "basis_text": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "basis_order": 10,
    },
    {
        "number": "47/2019/QH14",
        "kind": "luat",
        "title": (
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương"
        ),
        "issuer": "Quốc hội",
        "issued_on": date(2019, 11, 22),
        "valid_from": date(2020, 7, 1),
        "valid_to": date(2025, 2, 28),
        "replaced_by_number": "65/2025/QH15",
        "basis_text": (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương ngày 22 tháng 11 năm 2019;"
        ),
        "basis_order": 15,
    },
    {
        "number": "65/2025/QH15",
        "kind": "luat",
        "title": "Luật Tổ chức chính quyền địa phương [M: ngày hiệu lực 01/3/2025 chưa đối chiếu văn bản gốc]",
        "issuer": "Quốc hội",
        "issued_on": date(2025, 2, 19),
        "valid_from": date(2025, 3, 1),
        "valid_to": date(2025, 6, 15),
        "replaced_by_number": "72/2025/QH15",
        "basis_text": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        "basis_order": 10,
    },
    {
        "number": "72/2025/QH15",
        "kind": "luat",
        # Passed 16/6/2025 and in force the same day (Điều 51); district-level government ended 01/7/2025.
        "title": "Luật Tổ chức chính quyền địa phương",
        "issuer": "Quốc hội",
        "issued_on": date(2025, 6, 16),
        "valid_from": date(2025, 6, 16),
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "basis_order": 10,
    },
    {
        "number": "02/2023/TT-BNV",
        "kind": "thong_tu",
        "title": "Quy định chế độ báo cáo thống kê ngành Nội vụ",
        "issuer": "Bộ Nội vụ",
        "issued_on": date(2023, 3, 23),
        "valid_from": date(2023, 3, 23),
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": "",
        "basis_order": 100,
    },
    {
        "number": "30/2020/NĐ-CP",
        "kind": "nghi_dinh",
        "title": "Về công tác văn thư",
        "issuer": "Chính phủ",
        "issued_on": date(2020, 3, 5),
        "valid_from": date(2020, 3, 5),
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": "",
        "basis_order": 100,
    },
    {
        "number": "73/2024/NĐ-CP",
        "kind": "nghi_dinh",
        "title": (
            "Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực "
            "lượng vũ trang"
        ),
        "issuer": "Chính phủ",
        "issued_on": date(2024, 6, 30),
        "valid_from": date(2024, 7, 1),
        "valid_to": None,
        "replaced_by_number": "",
        "basis_text": "",
        "basis_order": 100,
    },
]

# ---------------------------------------------------------------------------------------------
# Award types
# ---------------------------------------------------------------------------------------------

# Notes reused on many rows (Vietnamese, shown to staff).
N_PRE2025 = "Hệ số trước ngày 01/7/2025 chưa đối chiếu NĐ 91/2017/NĐ-CP và NĐ 98/2023/NĐ-CP."
N_PRE2025_91 = (
    "Hệ số cá nhân trùng với NĐ 91/2017/NĐ-CP theo nguồn thứ cấp (plo.vn); chưa đối chiếu "
    "NĐ 98/2023/NĐ-CP."
)
N_VOTE = (
    "Tỷ lệ phiếu theo NĐ 98/2023/NĐ-CP Điều 30 khoản 7; chưa xác minh NĐ 152/2025/NĐ-CP còn giữ "
    "tỷ lệ này [M]."
)
N_COLLECTIVE_X2 = "Hệ số tập thể tính bằng 2 lần cá nhân (NĐ 152/2025/NĐ-CP Điều 51 khoản 2)."
N_FOREIGN = "Tặng cá nhân, tập thể người nước ngoài; tài liệu nghiệp vụ không nêu mức tiền thưởng."

ND152_TITLES = "NĐ 152/2025/NĐ-CP Điều 50"
ND152_ORDERS = "NĐ 152/2025/NĐ-CP Điều 51"
ND152_HONOURS = "NĐ 152/2025/NĐ-CP Điều 52"
ND152_FORMS = "NĐ 152/2025/NĐ-CP Điều 54"

# Display order: families in AwardFamily order, rows in list order within a family.
FAMILY_ORDER = [
    "danh_hieu_thi_dua", "huan_chuong", "huy_chuong", "vinh_du_nha_nuoc",
    "giai_thuong", "ky_niem_chuong", "bang_khen", "giay_khen",
]  # fmt: skip


def _award(
    code: str,
    name: str,
    family: str,
    authority: str,
    *,
    short_name: str = "",
    series: str = "",
    award_class: int | None = None,
    collective: bool = False,
    individual: bool = False,
    household: bool = False,
    vote: str | None = None,
    bonus_collective: str | None = None,
    bonus_individual: str | None = None,
    bonus_household: str | None = None,
    is_yearly: bool = False,
    legal_citation: str = "",
    notes: tuple[str, ...] = (),
    valid_from: datetime.date = CATALOGUE_START,
    valid_to: datetime.date | None = None,
) -> dict:
    """One AwardType row with every model field present."""
    return {
        "code": code,
        "name": name,
        "short_name": short_name,
        "series": series,
        "award_class": award_class,
        "family": family,
        "authority": authority,
        "for_collective": collective,
        "for_individual": individual,
        "for_household": household,
        "requires_council_vote": vote is not None,
        "vote_threshold_pct": D(vote) if vote is not None else None,
        "bonus_collective": D(bonus_collective) if bonus_collective is not None else None,
        "bonus_individual": D(bonus_individual) if bonus_individual is not None else None,
        "bonus_household": D(bonus_household) if bonus_household is not None else None,
        "is_yearly": is_yearly,
        "legal_citation": legal_citation,
        "note": " ".join(notes),
        "valid_from": valid_from,
        "valid_to": valid_to,
        "sort_order": 0,  # set below
    }


CLASS_SUFFIX = {1: ("nhat", "hạng Nhất"), 2: ("nhi", "hạng Nhì"), 3: ("ba", "hạng Ba")}


def _classes(slug: str, series: str, bonuses: dict[int, tuple[str, str]], **kwargs) -> list[dict]:
    """Three rows "<series> hạng Nhất/Nhì/Ba" of an order; ``bonuses`` maps class to (individual, collective)."""
    rows = []
    extra_notes = kwargs.pop("notes_by_class", {})
    notes = kwargs.pop("notes", ())
    for award_class, (suffix, label) in CLASS_SUFFIX.items():
        individual, collective = bonuses[award_class]
        rows.append(
            _award(
                f"{slug}-hang-{suffix}", f"{series} {label}", "huan_chuong", "chu_tich_nuoc",
                series=series, award_class=award_class, collective=True, individual=True,
                bonus_individual=individual, bonus_collective=collective,
                notes=(*notes, *extra_notes.get(award_class, ())), **kwargs,
            )
        )
    return rows


_ORDER_NOTES = (N_COLLECTIVE_X2, N_PRE2025_91, "Tiêu chuẩn từng hạng chưa đối chiếu văn bản gốc [M].")
_HC_LAO_DONG_CLASS_NOTES = {
    3: ("Luật TĐKT 2022 Điều 44 khoản 2: tiêu chuẩn cho công nhân, nông dân; tiêu chuẩn cho cán bộ, "
        "công chức, viên chức và tập thể chưa đối chiếu [M].",),
}

AWARD_TYPES: list[dict] = [
    # ---- 2.1 Danh hiệu thi đua -------------------------------------------------------------
    _award(
        "chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "danh_hieu_thi_dua", "thu_tuong",
        individual=True, vote="90", bonus_individual="4.50", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 21; {ND152_TITLES}",
        notes=(N_VOTE, N_PRE2025),
    ),
    _award(
        "chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", "danh_hieu_thi_dua", "chu_tich_ubnd_tinh",
        individual=True, vote="90", bonus_individual="3.00", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 22; {ND152_TITLES}",
        notes=(N_VOTE, N_PRE2025),
    ),
    _award(
        "chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "danh_hieu_thi_dua", "thu_truong_don_vi",
        individual=True, vote="80", bonus_individual="1.00", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 23; {ND152_TITLES}",
        notes=(N_VOTE, N_PRE2025),
    ),
    _award(
        "lao-dong-tien-tien", "Lao động tiên tiến", "danh_hieu_thi_dua", "thu_truong_don_vi",
        individual=True, bonus_individual="0.30", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 24; {ND152_TITLES}",
        notes=(
            "Các trường hợp không xét tặng (tuyển dụng dưới 10 tháng, nghỉ từ 40 ngày làm việc, bị kỷ luật "
            "từ khiển trách) lấy theo NĐ 91/2017/NĐ-CP, chưa đối chiếu quy định hiện hành [M].",
            N_PRE2025,
        ),
    ),
    _award(
        "chien-si-tien-tien", "Chiến sĩ tiên tiến", "danh_hieu_thi_dua", "bo_nganh",
        individual=True, bonus_individual="0.30", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 24; {ND152_TITLES}",
        notes=("Tặng trong Quân đội nhân dân, Công an nhân dân, dân quân tự vệ.", N_PRE2025),
    ),
    _award(
        "co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "danh_hieu_thi_dua", "thu_tuong",
        collective=True, vote="80", bonus_collective="12.00", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 25; {ND152_TITLES}",
        notes=("Số điều của Luật và tiêu chuẩn chưa đối chiếu văn bản gốc [M].", N_VOTE, N_PRE2025),
    ),
    _award(
        "co-thi-dua-ubnd-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "danh_hieu_thi_dua", "chu_tich_ubnd_tinh",
        short_name="Cờ thi đua của UBND tỉnh", collective=True, vote="80", bonus_collective="8.00",
        is_yearly=True, legal_citation=f"Luật TĐKT 2022 Điều 26; {ND152_TITLES}",
        notes=(
            "Tiêu chuẩn và thời gian phong trào thi đua theo chuyên đề cấp tỉnh chưa đối chiếu văn bản gốc [M].",
            N_VOTE, N_PRE2025,
        ),
    ),
    _award(
        "tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "danh_hieu_thi_dua", "chu_tich_ubnd_tinh",
        collective=True, bonus_collective="1.50", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 27; {ND152_TITLES}",
        notes=("Số điều của Luật và tiêu chuẩn chưa đối chiếu văn bản gốc [M].", N_PRE2025),
    ),
    _award(
        "don-vi-quyet-thang", "Đơn vị quyết thắng", "danh_hieu_thi_dua", "bo_nganh",
        collective=True, bonus_collective="1.50", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 27; {ND152_TITLES}",
        notes=("Số điều của Luật và tiêu chuẩn chưa đối chiếu văn bản gốc [M].", N_PRE2025),
    ),
    _award(
        "tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "danh_hieu_thi_dua", "thu_truong_don_vi",
        collective=True, bonus_collective="0.80", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 28; {ND152_TITLES}",
        notes=("Số điều của Luật và tiêu chuẩn chưa đối chiếu văn bản gốc [M].", N_PRE2025),
    ),
    _award(
        "don-vi-tien-tien", "Đơn vị tiên tiến", "danh_hieu_thi_dua", "bo_nganh",
        collective=True, bonus_collective="0.80", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 28; {ND152_TITLES}",
        notes=("Số điều của Luật và tiêu chuẩn chưa đối chiếu văn bản gốc [M].", N_PRE2025),
    ),
    _award(
        "xa-phuong-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", "danh_hieu_thi_dua", "chu_tich_ubnd_tinh",
        short_name="Xã, phường tiêu biểu", collective=True, bonus_collective="2.00", is_yearly=True,
        legal_citation="Luật TĐKT 2022 Điều 20; NĐ 86/2023/NĐ-CP",
        notes=(
            "Thẩm quyền Chủ tịch UBND tỉnh [M].",
            "Danh hiệu quy định tại Luật TĐKT 2022 (hiệu lực 01/01/2024) và NĐ 86/2023/NĐ-CP (hiệu lực "
            "30/01/2024); mốc 31/7/2017 là mốc chung của danh mục.",
            N_PRE2025,
        ),
        valid_to=ND152_EVE,
    ),
    _award(
        "xa-phuong-tieu-bieu", "Xã, phường, đặc khu tiêu biểu", "danh_hieu_thi_dua", "chu_tich_ubnd_tinh",
        short_name="Xã, phường tiêu biểu", collective=True, bonus_collective="2.00", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 20; NĐ 86/2023/NĐ-CP; {ND152_TITLES}",
        notes=(
            "Tên gọi theo chính quyền địa phương 2 cấp từ 01/7/2025.",
            "Thẩm quyền Chủ tịch UBND tỉnh [M].",
        ),
        valid_from=ND152_START,
    ),
    _award(
        "thon-to-dan-pho-van-hoa", "Thôn, tổ dân phố văn hóa", "danh_hieu_thi_dua", "chu_tich_ubnd_xa",
        collective=True, bonus_collective="1.50", is_yearly=True,
        legal_citation=f"Luật TĐKT 2022 Điều 20; NĐ 86/2023/NĐ-CP; {ND152_TITLES}",
        notes=(
            "Chủ tịch UBND cấp xã quyết định từ 01/7/2025 (NĐ 129/2025/NĐ-CP Điều 59); trước đó do "
            "Chủ tịch UBND cấp huyện quyết định.",
            N_PRE2025,
        ),
    ),
    _award(
        "gia-dinh-van-hoa", "Gia đình văn hóa", "danh_hieu_thi_dua", "chu_tich_ubnd_xa",
        household=True, is_yearly=True,
        legal_citation="Luật TĐKT 2022 Điều 20; NĐ 86/2023/NĐ-CP",
        notes=("Tài liệu nghiệp vụ không nêu mức tiền thưởng.",),
    ),
    # ---- 2.2.1 Huân chương ---------------------------------------------------------------------
    _award(
        "huan-chuong-sao-vang", "Huân chương Sao vàng", "huan_chuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="46.00", bonus_collective="92.00",
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}",
        notes=(N_COLLECTIVE_X2, N_PRE2025_91),
    ),
    _award(
        "huan-chuong-ho-chi-minh", "Huân chương Hồ Chí Minh", "huan_chuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="30.50", bonus_collective="61.00",
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}",
        notes=(N_COLLECTIVE_X2, N_PRE2025_91),
    ),
    *_classes(
        "huan-chuong-doc-lap", "Huân chương Độc lập",
        {1: ("15.00", "30.00"), 2: ("12.50", "25.00"), 3: ("10.50", "21.00")},
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}", notes=_ORDER_NOTES,
    ),
    *_classes(
        "huan-chuong-quan-cong", "Huân chương Quân công",
        {1: ("15.00", "30.00"), 2: ("12.50", "25.00"), 3: ("10.50", "21.00")},
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}", notes=_ORDER_NOTES,
    ),
    *_classes(
        "huan-chuong-lao-dong", "Huân chương Lao động",
        {1: ("9.00", "18.00"), 2: ("7.50", "15.00"), 3: ("4.50", "9.00")},
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}", notes=_ORDER_NOTES,
        notes_by_class=_HC_LAO_DONG_CLASS_NOTES,
    ),
    *_classes(
        "huan-chuong-chien-cong", "Huân chương Chiến công",
        {1: ("9.00", "18.00"), 2: ("7.50", "15.00"), 3: ("4.50", "9.00")},
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}", notes=_ORDER_NOTES,
    ),
    *_classes(
        "huan-chuong-bao-ve-to-quoc", "Huân chương Bảo vệ Tổ quốc",
        {1: ("9.00", "18.00"), 2: ("7.50", "15.00"), 3: ("4.50", "9.00")},
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}", notes=_ORDER_NOTES,
    ),
    _award(
        "huan-chuong-dai-doan-ket-dan-toc", "Huân chương Đại đoàn kết dân tộc", "huan_chuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="7.50", bonus_collective="15.00",
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}",
        notes=(
            N_COLLECTIVE_X2,
            "Việc tặng cho tập thể chưa đối chiếu Luật 2022 (theo Luật 2003 chỉ tặng cá nhân) [M].",
            N_PRE2025,
        ),
    ),
    _award(
        "huan-chuong-dung-cam", "Huân chương Dũng cảm", "huan_chuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="4.50", bonus_collective="9.00",
        legal_citation=f"Luật TĐKT 2022 Điều 33; {ND152_ORDERS}",
        notes=(
            N_COLLECTIVE_X2,
            "Việc tặng cho tập thể chưa đối chiếu Luật 2022 (theo Luật 2003 chỉ tặng cá nhân) [M].",
            N_PRE2025,
        ),
    ),
    _award(
        "huan-chuong-huu-nghi", "Huân chương Hữu nghị", "huan_chuong", "chu_tich_nuoc",
        collective=True, individual=True,
        legal_citation="Luật TĐKT 2022 Điều 33",
        notes=(N_FOREIGN,),
    ),
    # ---- 2.2.2 Huy chương ----------------------------------------------------------------------
    _award(
        "huy-chuong-quan-ky-quyet-thang", "Huy chương Quân kỳ quyết thắng", "huy_chuong", "chu_tich_nuoc",
        individual=True, bonus_individual="1.50",
        legal_citation="Luật TĐKT 2022 Điều 54",
        notes=(
            "Tặng cá nhân phục vụ liên tục từ 25 năm trở lên trong Quân đội nhân dân.",
            "Hệ số 1,5 chưa đối chiếu NĐ 152/2025/NĐ-CP [M].", N_PRE2025_91,
        ),
    ),
    _award(
        "huy-chuong-vi-an-ninh-to-quoc", "Huy chương Vì an ninh Tổ quốc", "huy_chuong", "chu_tich_nuoc",
        individual=True, bonus_individual="1.50",
        legal_citation="Luật TĐKT 2022 Điều 54",
        notes=("Hệ số 1,5 chưa đối chiếu NĐ 152/2025/NĐ-CP [M].", N_PRE2025_91),
    ),
    *[
        _award(
            f"huy-chuong-chien-si-ve-vang-hang-{suffix}", f"Huy chương Chiến sĩ vẻ vang {label}",
            "huy_chuong", "chu_tich_nuoc",
            series="Huy chương Chiến sĩ vẻ vang", award_class=award_class,
            individual=True, bonus_individual="1.50",
            legal_citation="Luật TĐKT 2022 Điều 54",
            notes=("Hệ số 1,5 chưa đối chiếu NĐ 152/2025/NĐ-CP [M].", N_PRE2025_91),
        )
        for award_class, (suffix, label) in CLASS_SUFFIX.items()
    ],
    _award(
        "huy-chuong-thanh-nien-xung-phong-ve-vang", "Huy chương Thanh niên xung phong vẻ vang", "huy_chuong",
        "chu_tich_nuoc", short_name="Huy chương TNXP vẻ vang", individual=True, bonus_individual="1.50",
        legal_citation="Luật TĐKT 2022 Điều 96; NĐ 28/2024/NĐ-CP (hợp nhất vào NĐ 152/2025/NĐ-CP)",
        notes=(
            "Khen thưởng tổng kết thành tích kháng chiến; tặng hoặc truy tặng thanh niên xung phong.",
            "Hệ số 1,5 lấy theo mức chung của Huy chương, chưa đối chiếu văn bản gốc [M].",
        ),
    ),
    _award(
        "huy-chuong-huu-nghi", "Huy chương Hữu nghị", "huy_chuong", "chu_tich_nuoc",
        individual=True,
        legal_citation="Luật TĐKT 2022 Điều 54",
        notes=("Tặng cá nhân người nước ngoài; tài liệu nghiệp vụ không nêu mức tiền thưởng.",),
    ),
    # ---- 2.2.3 Danh hiệu vinh dự nhà nước ----------------------------------------------------
    _award(
        "ba-me-viet-nam-anh-hung", "Bà mẹ Việt Nam anh hùng", "vinh_du_nha_nuoc", "chu_tich_nuoc",
        individual=True, bonus_individual="15.50",
        legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_HONOURS}",
        notes=(N_PRE2025,),
    ),
    _award(
        "anh-hung-luc-luong-vu-trang-nhan-dan", "Anh hùng Lực lượng vũ trang nhân dân", "vinh_du_nha_nuoc",
        "chu_tich_nuoc", short_name="Anh hùng LLVTND", collective=True, individual=True, vote="90",
        bonus_individual="15.50", bonus_collective="31.00",
        legal_citation=f"Luật TĐKT 2022 Điều 59; {ND152_HONOURS}",
        notes=(N_VOTE, N_PRE2025_91),
    ),
    _award(
        "anh-hung-lao-dong", "Anh hùng Lao động", "vinh_du_nha_nuoc", "chu_tich_nuoc",
        collective=True, individual=True, vote="90", bonus_individual="15.50", bonus_collective="31.00",
        legal_citation=f"Luật TĐKT 2022 Điều 59; {ND152_HONOURS}",
        notes=(N_VOTE, N_PRE2025_91),
    ),
    *[
        _award(
            f"{slug}-nhan-dan", f"{title} nhân dân", "vinh_du_nha_nuoc", "chu_tich_nuoc",
            individual=True, bonus_individual="12.50",
            legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_HONOURS}",
            notes=(N_PRE2025_91,),
        )
        for slug, title in [
            ("nha-giao", "Nhà giáo"), ("thay-thuoc", "Thầy thuốc"), ("nghe-si", "Nghệ sĩ"),
            ("nghe-nhan", "Nghệ nhân"),
        ]
    ],
    *[
        _award(
            f"{slug}-uu-tu", f"{title} ưu tú", "vinh_du_nha_nuoc", "chu_tich_nuoc",
            individual=True, bonus_individual="9.00",
            legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_HONOURS}",
            notes=(N_PRE2025_91,),
        )
        for slug, title in [
            ("nha-giao", "Nhà giáo"), ("thay-thuoc", "Thầy thuốc"), ("nghe-si", "Nghệ sĩ"),
            ("nghe-nhan", "Nghệ nhân"),
        ]
    ],
    # ---- 2.2.4 Giải thưởng ---------------------------------------------------------------------
    _award(
        "giai-thuong-ho-chi-minh", "Giải thưởng Hồ Chí Minh", "giai_thuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="270.00",
        legal_citation="Luật TĐKT 2022 Điều 9",
        notes=(
            "Hệ số 270 theo NĐ 91/2017/NĐ-CP (nguồn thứ cấp plo.vn); mức theo NĐ 152/2025/NĐ-CP chưa "
            "đối chiếu [M]. Tác giả là tập thể: tài liệu nghiệp vụ không nêu hệ số riêng.",
        ),
    ),
    _award(
        "giai-thuong-nha-nuoc", "Giải thưởng Nhà nước", "giai_thuong", "chu_tich_nuoc",
        collective=True, individual=True, bonus_individual="170.00",
        legal_citation="Luật TĐKT 2022 Điều 9",
        notes=(
            "Hệ số 170 theo NĐ 91/2017/NĐ-CP (nguồn thứ cấp plo.vn); mức theo NĐ 152/2025/NĐ-CP chưa "
            "đối chiếu [M]. Tác giả là tập thể: tài liệu nghiệp vụ không nêu hệ số riêng.",
        ),
    ),
    # ---- 2.2.5 Kỷ niệm chương ------------------------------------------------------------------
    _award(
        "ky-niem-chuong-ubtvqh", "Kỷ niệm chương của Ủy ban Thường vụ Quốc hội", "ky_niem_chuong", "bo_nganh",
        short_name="Kỷ niệm chương của UBTVQH", individual=True, bonus_individual="0.80",
        legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_FORMS} khoản 1",
        notes=("Hệ số là mức tối đa (\"không quá\").", N_PRE2025),
    ),
    _award(
        "ky-niem-chuong-bo-nganh-doan-the", "Kỷ niệm chương của bộ, ban, ngành, đoàn thể Trung ương",
        "ky_niem_chuong", "bo_nganh",
        short_name="Kỷ niệm chương của bộ, ngành", individual=True, bonus_individual="0.60",
        legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_FORMS} khoản 1",
        notes=(
            "Hệ số là mức tối đa (\"không quá\"). Thường tặng một lần theo số năm công tác.",
            N_PRE2025,
        ),
    ),
    _award(
        "ky-niem-chuong-tinh", "Kỷ niệm chương của tỉnh", "ky_niem_chuong", "chu_tich_ubnd_tinh",
        individual=True, bonus_individual="0.60",
        legal_citation=f"Luật TĐKT 2022 Điều 9; {ND152_FORMS} khoản 1",
        notes=(
            "Hệ số là mức tối đa (\"không quá\").",
            "Chưa xác định tỉnh có ban hành Kỷ niệm chương và tên gọi chính thức [M].",
            N_PRE2025,
        ),
    ),
    # ---- 2.2.6 Bằng khen -----------------------------------------------------------------------
    _award(
        "bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "bang_khen", "thu_tuong",
        collective=True, individual=True, household=True,
        bonus_individual="3.50", bonus_collective="7.00", bonus_household="5.25",
        legal_citation=f"Luật TĐKT 2022 Điều 72, 73; {ND152_FORMS}",
        notes=(
            "Hệ số hộ gia đình tính bằng 1,5 lần cá nhân.",
            "Tiêu chuẩn theo Luật 2022 chưa đối chiếu văn bản gốc [M].",
            N_PRE2025,
        ),
    ),
    _award(
        "bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang_khen",
        "chu_tich_ubnd_tinh", short_name="Bằng khen của Chủ tịch UBND tỉnh",
        collective=True, individual=True, household=True,
        bonus_individual="1.00", bonus_collective="2.00", bonus_household="1.50",
        legal_citation="Luật TĐKT 2003 (sửa đổi, bổ sung 2013); NĐ 91/2017/NĐ-CP; NĐ 98/2023/NĐ-CP",
        notes=(
            "Hệ số theo NĐ 91/2017/NĐ-CP; giả định NĐ 98/2023/NĐ-CP giữ nguyên đến 30/6/2025 [M].",
            "Hệ số hộ gia đình tính bằng 1,5 lần cá nhân.",
        ),
        valid_to=ND152_EVE,
    ),
    _award(
        "bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang_khen",
        "chu_tich_ubnd_tinh", short_name="Bằng khen của Chủ tịch UBND tỉnh",
        collective=True, individual=True, household=True,
        bonus_individual="1.50", bonus_collective="3.00", bonus_household="2.25",
        legal_citation=f"Luật TĐKT 2022 Điều 72, 74; {ND152_FORMS} khoản 1",
        notes=(
            "Hệ số hộ gia đình tính bằng 1,5 lần cá nhân.",
            "Tiêu chuẩn theo Luật 2022 chưa đối chiếu văn bản gốc [M].",
        ),
        valid_from=ND152_START,
    ),
    _award(
        "bang-khen-quan-khu-dhqg", "Bằng khen của quân khu, quân đoàn và tương đương, Đại học Quốc gia",
        "bang_khen", "bo_nganh", short_name="Bằng khen cấp quân khu, Đại học Quốc gia",
        collective=True, individual=True, bonus_individual="1.00", bonus_collective="2.00",
        legal_citation=f"Luật TĐKT 2022 Điều 72; {ND152_FORMS}",
        notes=("Tên gọi chung đặt cho danh mục, chưa đối chiếu văn bản gốc [M].", N_PRE2025),
    ),
    # ---- 2.2.7 Giấy khen -----------------------------------------------------------------------
    _award(
        "giay-khen", "Giấy khen", "giay_khen", "thu_truong_don_vi",
        collective=True, individual=True, household=True,
        bonus_individual="0.30", bonus_collective="0.60", bonus_household="0.45",
        legal_citation=f"Luật TĐKT 2022 Điều 75; {ND152_FORMS} khoản 1 điểm e",
        notes=(
            "Do thủ trưởng cơ quan, đơn vị, Chủ tịch UBND cấp xã, giám đốc doanh nghiệp, hợp tác xã quyết định.",
            "Hệ số hộ gia đình tính bằng 1,5 lần cá nhân.",
            N_PRE2025,
        ),
    ),
]


def _assign_sort_order(rows: list[dict]) -> None:
    """Families in FAMILY_ORDER (1000 apart), codes in list order (10 apart); versions share a value."""
    order_of_code: dict[str, int] = {}
    position_in_family: dict[str, int] = {}
    for row in rows:
        code = row["code"]
        if code not in order_of_code:
            family = row["family"]
            position_in_family[family] = position_in_family.get(family, 0) + 1
            order_of_code[code] = (FAMILY_ORDER.index(family) + 1) * 1000 + position_in_family[family] * 10
        row["sort_order"] = order_of_code[code]


_assign_sort_order(AWARD_TYPES)

# ---------------------------------------------------------------------------------------------
# Base salary (mức lương cơ sở, đồng/tháng)
# ---------------------------------------------------------------------------------------------

BASE_SALARIES: list[dict] = [
    {"amount": 1_390_000, "valid_from": date(2018, 7, 1), "legal_citation": "Nghị định số 72/2018/NĐ-CP"},
    {"amount": 1_490_000, "valid_from": date(2019, 7, 1), "legal_citation": "Nghị định số 38/2019/NĐ-CP"},
    {"amount": 1_800_000, "valid_from": date(2023, 7, 1), "legal_citation": "Nghị định số 24/2023/NĐ-CP"},
    {"amount": 2_340_000, "valid_from": date(2024, 7, 1), "legal_citation": "Nghị định số 73/2024/NĐ-CP"},
]
