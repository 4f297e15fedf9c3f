"""Eligibility rules as data (read by migration 0010 and by tests).

Each rule is versioned by the law in force: Luật TĐKT 2003 + NĐ 91/2017 until 31/12/2023, Luật TĐKT 2022 +
NĐ 98/2023 from 01/01/2024, Luật TĐKT 2022 + NĐ 152/2025 from 01/07/2025 (domain.md 1.1, 2.1, 2.2). What
changes between versions: the citation, and for Chiến sĩ thi đua cơ sở the criterion itself (before 2024 a
sáng kiến or đề tài was required; the 2022 law accepts "hoàn thành xuất sắc nhiệm vụ" instead).

Criteria tagged [M] in domain.md (not checked against the original text) are soft: they warn, never block.
Criterion kinds: see ``awards.eligibility.CRITERION_KINDS``.
"""

from __future__ import annotations

from datetime import date

LAW_2022_START = date(2024, 1, 1)
ND152_START = date(2025, 7, 1)
OLD_START = date(2017, 7, 31)

# (valid_from, valid_to, citation prefix by law, decree, legal document number)
PERIODS = [
    (OLD_START, date(2023, 12, 31), "Luật TĐKT 2003 (sửa đổi 2013)", "NĐ 91/2017/NĐ-CP", "91/2017/NĐ-CP"),
    (LAW_2022_START, date(2025, 6, 30), "Luật TĐKT 2022", "NĐ 98/2023/NĐ-CP", "98/2023/NĐ-CP"),
    (ND152_START, None, "Luật TĐKT 2022", "NĐ 152/2025/NĐ-CP", "152/2025/NĐ-CP"),
]

CSTDCS, CSTD_TINH, CSTD_TQ = "chien-si-thi-dua-co-so", "chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-toan-quoc"
LDTT, CSTT = "lao-dong-tien-tien", "chien-si-tien-tien"
TTLDXS = "tap-the-lao-dong-xuat-sac"
BK_TINH, BK_TTG, CO_TINH = "bang-khen-chu-tich-ubnd-tinh", "bang-khen-thu-tuong", "co-thi-dua-ubnd-tinh"
HCLD3 = "huan-chuong-lao-dong-hang-ba"

NO_HOLD = {"code": "khong_dang_xem_xet", "kind": "no_hold", "severity": "hard",
           "label": "Không trong thời gian bị kỷ luật, điều tra, thanh tra, khiếu nại, báo chí phản ánh "
                    "(NĐ 152/2025/NĐ-CP Điều 4)"}


def judgement(code: str, label: str, severity: str = "soft") -> dict:
    return {"code": code, "kind": "judgement", "severity": severity, "label": label}


def _cstdcs(period_index: int) -> list[dict]:
    # Lao động tiên tiến is usually proposed in the same round: without its decision yet, a rating of at least
    # "hoàn thành tốt" leaves it to the officer; a lower rating rules it out.
    title = {"code": "lao_dong_tien_tien", "kind": "any_of", "severity": "soft",
             "label": "Đạt danh hiệu Lao động tiên tiến (hoặc Chiến sĩ tiên tiến) trong năm",
             "options": [
                 {"code": "co_ldtt", "kind": "has_award", "label": "Đã có quyết định Lao động tiên tiến",
                  "params": {"award_codes": [LDTT, CSTT], "within_years": 1}},
                 {"code": "de_nghi_cung_dot", "kind": "all_of",
                  "label": "Đề nghị công nhận Lao động tiên tiến cùng đợt",
                  "options": [
                      {"code": "htt", "kind": "rating_at_least", "label": "Hoàn thành tốt nhiệm vụ trở lên",
                       "params": {"min_rating": "htt"}},
                      judgement("ldtt_cung_dot", "Được bình xét Lao động tiên tiến cùng đợt"),
                  ]},
             ]}
    initiative = {"code": "sang_kien_co_so", "kind": "initiatives", "label": "Có sáng kiến hoặc đề tài được công nhận",
                  "params": {"count": 1, "min_scope": "co_so", "within_years": 1}}
    if period_index == 0:
        return [NO_HOLD, title, {**initiative, "severity": "hard",
                                 "label": "Có sáng kiến được công nhận, hoặc đề tài được nghiệm thu (bắt buộc)"}]
    return [NO_HOLD, title, {
        "code": "htxs_hoac_sang_kien", "kind": "any_of", "severity": "hard",
        "label": "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến, đề tài được công nhận",
        "options": [
            {"code": "htxs", "kind": "rating_at_least", "label": "Hoàn thành xuất sắc nhiệm vụ trong năm",
             "params": {"min_rating": "htxs"}},
            initiative,
        ],
    }]


def _cstd_tinh() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "ba_lan_cstdcs", "kind": "consecutive_awards", "severity": "hard",
         "label": "03 lần liên tục đạt Chiến sĩ thi đua cơ sở (tính đến năm xét hoặc năm trước)",
         "params": {"award_codes": [CSTDCS], "n": 3, "max_gap": 1, "end_offsets": [0, 1]}},
        {"code": "sang_kien_cap_tinh", "kind": "initiatives", "severity": "hard",
         "label": "Sáng kiến, đề tài có phạm vi ảnh hưởng cấp tỉnh, chưa dùng cho khen thưởng khác",
         "params": {"count": 1, "min_scope": "tinh", "within_years": 4}},
        judgement("tieu_bieu", "Thành tích xuất sắc tiêu biểu trong số các Chiến sĩ thi đua cơ sở"),
    ]


def _cstd_tq() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "hai_lan_cstd_tinh", "kind": "consecutive_awards", "severity": "hard",
         "label": "02 lần liên tục đạt Chiến sĩ thi đua cấp tỉnh",
         "params": {"award_codes": [CSTD_TINH], "n": 2, "max_gap": 3, "end_offsets": [0, 1, 2]}},
        {"code": "sang_kien_toan_quoc", "kind": "initiatives", "severity": "hard",
         "label": "Sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc, chưa dùng cho khen thưởng khác",
         "params": {"count": 1, "min_scope": "toan_quoc", "within_years": 6}},
        judgement("tieu_bieu", "Tiêu biểu xuất sắc trong số các Chiến sĩ thi đua cấp tỉnh"),
    ]


def _ttldxs() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "tap_the_htxs", "kind": "rating_at_least", "severity": "hard",
         "label": "Tập thể hoàn thành xuất sắc nhiệm vụ trong năm", "params": {"min_rating": "htxs"}},
        {"code": "so_lieu_tap_the", "kind": "collective_figures", "severity": "hard",
         "label": "100 % thành viên hoàn thành nhiệm vụ, ít nhất 70 % Lao động tiên tiến, có Chiến sĩ thi đua cơ "
                  "sở, không ai bị kỷ luật từ cảnh cáo trở lên",
         "params": {"completed_pct": 100, "ldtt_pct": 70, "min_cstdcs": 1, "max_disciplined": 0}},
    ]


ROUTE_A = ("thanh_tich_phong_trao", "Thành tích xuất sắc được bình xét trong phong trào thi đua")
ROUTE_B = ("thanh_tich_anh_huong", "Lập được nhiều thành tích có phạm vi ảnh hưởng trong từng lĩnh vực của tỉnh")


def _bk_tinh_individual() -> list[dict]:
    return [NO_HOLD, {
        "code": "bang_khen_tinh", "kind": "any_of", "severity": "hard",
        "label": "Một trong các tiêu chuẩn tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân",
        "options": [
            judgement(*ROUTE_A), judgement(*ROUTE_B),
            {"code": "hai_nam_htxs_hai_sang_kien", "kind": "all_of",
             "label": "02 năm liên tục hoàn thành xuất sắc nhiệm vụ và 02 sáng kiến được công nhận",
             "options": [
                 {"code": "hai_nam_htxs", "kind": "consecutive_ratings", "label": "02 năm liên tục hoàn thành xuất sắc",
                  "params": {"n": 2, "min_rating": "htxs", "end_offsets": [0]}},
                 {"code": "hai_sang_kien", "kind": "initiatives", "label": "02 sáng kiến cấp cơ sở chưa sử dụng",
                  "params": {"count": 2, "min_scope": "co_so", "within_years": 2}},
             ]},
        ],
    }]


def _bk_tinh_collective() -> list[dict]:
    return [NO_HOLD, {
        "code": "bang_khen_tinh", "kind": "any_of", "severity": "hard",
        "label": "Một trong các tiêu chuẩn tặng Bằng khen của Chủ tịch UBND tỉnh cho tập thể",
        "options": [
            judgement(*ROUTE_A), judgement(*ROUTE_B),
            {"code": "hai_nam_htxs", "kind": "consecutive_ratings",
             "label": "02 năm liên tục hoàn thành xuất sắc nhiệm vụ",
             "params": {"n": 2, "min_rating": "htxs", "end_offsets": [0]}},
        ],
    }]


def _bk_ttg_individual() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "bk_tinh_5_nam_htxs", "kind": "award_then_years", "severity": "soft",
         "label": "Đã được tặng Bằng khen cấp tỉnh, 05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ",
         "params": {"award_codes": [BK_TINH], "years": 5, "min_rating": "htxs"}},
        {"code": "nam_sang_kien", "kind": "initiatives", "severity": "soft",
         "label": "05 sáng kiến được công nhận trong 05 năm đó, chưa dùng cho khen thưởng khác",
         "params": {"count": 5, "min_scope": "co_so", "within_years": 5}},
    ]


def _bk_ttg_collective() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "bk_tinh_5_nam_htxs", "kind": "award_then_years", "severity": "soft",
         "label": "Đã được tặng Bằng khen cấp tỉnh, 05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ",
         "params": {"award_codes": [BK_TINH], "years": 5, "min_rating": "htxs"}},
        {"code": "co_hoac_ttldxs", "kind": "any_of", "severity": "soft",
         "label": "Trong 05 năm đó có 01 Cờ thi đua cấp tỉnh hoặc 02 lần Tập thể lao động xuất sắc",
         "options": [
             {"code": "mot_co", "kind": "has_award", "label": "01 Cờ thi đua của UBND tỉnh",
              "params": {"award_codes": [CO_TINH], "n": 1, "within_years": 5}},
             {"code": "hai_ttldxs", "kind": "has_award", "label": "02 lần Tập thể lao động xuất sắc",
              "params": {"award_codes": [TTLDXS], "n": 2, "within_years": 5}},
         ]},
    ]


def _hcld3_collective() -> list[dict]:
    return [
        NO_HOLD,
        {"code": "bk_ttg_5_nam_htxs", "kind": "award_then_years", "severity": "soft",
         "label": "Đã được tặng Bằng khen của Thủ tướng Chính phủ, 05 năm tiếp theo liên tục hoàn thành xuất sắc "
                  "nhiệm vụ",
         "params": {"award_codes": [BK_TTG], "years": 5, "min_rating": "htxs"}},
        {"code": "co_va_bang_khen", "kind": "any_of", "severity": "soft",
         "label": "Trong thời gian đó có 01 Cờ thi đua cấp tỉnh và 02 Bằng khen cấp tỉnh, hoặc 02 Cờ thi đua "
                  "cấp tỉnh",
         "options": [
             {"code": "co_va_hai_bang_khen", "kind": "all_of", "label": "01 Cờ thi đua và 02 Bằng khen cấp tỉnh",
              "options": [
                  {"code": "mot_co", "kind": "has_award", "label": "01 Cờ thi đua của UBND tỉnh",
                   "params": {"award_codes": [CO_TINH], "n": 1, "within_years": 5}},
                  {"code": "hai_bang_khen", "kind": "has_award", "label": "02 Bằng khen của Chủ tịch UBND tỉnh",
                   "params": {"award_codes": [BK_TINH], "n": 2, "within_years": 5}},
              ]},
             {"code": "hai_co", "kind": "has_award", "label": "02 Cờ thi đua của UBND tỉnh",
              "params": {"award_codes": [CO_TINH], "n": 2, "within_years": 5}},
         ]},
        judgement("doan_ket", "Nội bộ đoàn kết; tổ chức đảng, đoàn thể trong sạch, vững mạnh"),
    ]


# (rule code, award code, recipient kind, articles, builder(period index), ladder)
SPECS = [
    ("cstdcs", CSTDCS, "ca_nhan", "Điều 23", _cstdcs, True),
    ("cstd-tinh", CSTD_TINH, "ca_nhan", "Điều 22", lambda i: _cstd_tinh(), True),
    ("cstd-toan-quoc", CSTD_TQ, "ca_nhan", "Điều 21", lambda i: _cstd_tq(), True),
    ("ttldxs", TTLDXS, "tap_the", "Điều 27", lambda i: _ttldxs(), True),
    ("bk-tinh-ca-nhan", BK_TINH, "ca_nhan", "Điều 72, 74", lambda i: _bk_tinh_individual(), True),
    ("bk-tinh-tap-the", BK_TINH, "tap_the", "Điều 72, 74", lambda i: _bk_tinh_collective(), True),
    ("bk-ttg-ca-nhan", BK_TTG, "ca_nhan", "Điều 72, 73", lambda i: _bk_ttg_individual(), True),
    ("bk-ttg-tap-the", BK_TTG, "tap_the", "Điều 72, 73", lambda i: _bk_ttg_collective(), True),
    ("hcld3-tap-the", HCLD3, "tap_the", "Điều 44", lambda i: _hcld3_collective(), True),
    ("chung-ca-nhan", "*", "ca_nhan", "", lambda i: [NO_HOLD], False),
    ("chung-tap-the", "*", "tap_the", "", lambda i: [NO_HOLD], False),
]


def rules() -> list[dict]:
    out = []
    for code, award_code, kind, article, build, ladder in SPECS:
        for index, (start, end, law, decree, number) in enumerate(PERIODS):
            # Article numbers are those of the 2022 law; the 2003 law numbered them differently.
            law_ref = f"{law} {article}" if article and index > 0 else law
            citation = f"{law_ref}; {decree}" if article else f"{decree} (nguyên tắc khen thưởng)"
            out.append({
                "code": code, "award_code": award_code, "recipient_kind": kind, "valid_from": start,
                "valid_to": end, "citation": citation, "legal_document_number": number, "ladder": ladder,
                "criteria": build(index),
            })
    return out
