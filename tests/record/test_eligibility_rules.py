"""The eligibility engine against a table of legal scenarios, then every exit path of every criterion kind.

Scenarios build a subject's record in memory (awards, ratings, initiatives, holds, figures) and evaluate it
against the rules loaded by migration 0010; the loader itself is tested against the database below."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field

import pytest

from awards.record.eligibility import candidates, criteria, engine
from awards.record.eligibility.engine import RuleBook, RuleData
from awards.record.eligibility.facts import AwardFact, FiguresFact, HoldFact, InitiativeFact, Record
from awards.record.eligibility.results import ELIGIBLE, MET, NEEDS_JUDGEMENT, NOT_ELIGIBLE, UNKNOWN, UNMET, Result

pytestmark = pytest.mark.django_db

D = datetime.date
ON = D(2026, 3, 1)  # NĐ 152/2025 in force

CSTDCS, CSTD_TINH, CSTD_TQ = "chien-si-thi-dua-co-so", "chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-toan-quoc"
LDTT, TTLDXS = "lao-dong-tien-tien", "tap-the-lao-dong-xuat-sac"
BK_TINH, BK_TTG, CO_TINH = "bang-khen-chu-tich-ubnd-tinh", "bang-khen-thu-tuong", "co-thi-dua-ubnd-tinh"
HCLD3 = "huan-chuong-lao-dong-hang-ba"
NOMINATION = 7777


@dataclass
class S:
    """One scenario: what the record holds and what the law says about it."""

    name: str
    award: str
    year: int
    verdict: str
    failing: list[str] = field(default_factory=list)
    kind: str = "ca_nhan"
    on: datetime.date = ON
    awards: list = field(default_factory=list)  # (code, year) or (code, year, occasion)
    ratings: dict = field(default_factory=dict)
    initiatives: list = field(default_factory=list)  # (scope, year) or (scope, year, kind, used_by, used_note)
    holds: list = field(default_factory=list)  # (kind, level, start, end)
    figures: dict = field(default_factory=dict)  # year -> (members, completed, ldtt, cstdcs, women, disciplined)
    occasion: str | None = None


def record_of(s: S) -> Record:
    record = Record(kind=s.kind, pk=1)
    for row in s.awards:
        code, year, occasion = (*row, "cong_trang")[:3]
        record.awards.setdefault(code, []).append(AwardFact(code, year, occasion, f"{year}/QĐ-TEST"))
    record.ratings = dict(s.ratings)
    for pk, row in enumerate(s.initiatives, start=1):
        scope, year, kind, used_by, note = (*row, "sang_kien", None, "")[:5] if len(row) < 5 else row
        record.initiatives.append(InitiativeFact(pk, kind, f"Sáng kiến {pk}", year, scope, used_by, note))
    record.holds = [HoldFact(*h) for h in s.holds]
    record.figures = {year: FiguresFact(*values) for year, values in s.figures.items()}
    return record


def years(code, *ys, occasion="cong_trang"):
    return [(code, y, occasion) for y in ys]


def htxs(*ys, rating="htxs"):
    return {y: rating for y in ys}


FIGURES_OK = (20, 20, 15, 2, 10, 0)

SCENARIOS = [
    # --- Chiến sĩ thi đua cơ sở -------------------------------------------------------------------------
    S("cstdcs: LĐTT + hoàn thành xuất sắc", CSTDCS, 2025, ELIGIBLE, awards=years(LDTT, 2025), ratings=htxs(2025)),
    S("cstdcs: LĐTT + sáng kiến thay cho hoàn thành xuất sắc", CSTDCS, 2025, ELIGIBLE, awards=years(LDTT, 2025),
      ratings=htxs(2025, rating="htt"), initiatives=[("co_so", 2025)]),
    S("cstdcs: hoàn thành tốt, không sáng kiến", CSTDCS, 2025, NOT_ELIGIBLE, ["htxs_hoac_sang_kien"],
      awards=years(LDTT, 2025), ratings=htxs(2025, rating="htt")),
    S("cstdcs: LĐTT chưa có quyết định, xét cùng đợt", CSTDCS, 2025, NEEDS_JUDGEMENT, ratings=htxs(2025)),
    S("cstdcs: không LĐTT, chỉ hoàn thành nhiệm vụ", CSTDCS, 2025, NOT_ELIGIBLE, ["lao_dong_tien_tien"],
      ratings=htxs(2025, rating="ht"), initiatives=[("co_so", 2025)]),
    S("cstdcs: chưa có xếp loại", CSTDCS, 2025, NEEDS_JUDGEMENT, awards=years(LDTT, 2025)),
    S("cstdcs: trước 2024 phải có sáng kiến", CSTDCS, 2022, NOT_ELIGIBLE, ["sang_kien_co_so"], on=D(2023, 1, 10),
      awards=years(LDTT, 2022), ratings=htxs(2022)),
    S("cstdcs: trước 2024, có sáng kiến", CSTDCS, 2022, ELIGIBLE, on=D(2023, 1, 10), awards=years(LDTT, 2022),
      initiatives=[("co_so", 2022)]),
    S("cstdcs: ngày 30/6/2025 (NĐ 98/2023)", CSTDCS, 2024, ELIGIBLE, on=D(2025, 6, 30), awards=years(LDTT, 2024),
      ratings=htxs(2024)),
    S("cstdcs: ngày 01/7/2025 (NĐ 152/2025)", CSTDCS, 2024, ELIGIBLE, on=D(2025, 7, 1), awards=years(LDTT, 2024),
      ratings=htxs(2024)),
    S("cstdcs: đang bị kỷ luật", CSTDCS, 2025, NOT_ELIGIBLE, ["khong_dang_xem_xet"], awards=years(LDTT, 2025),
      ratings=htxs(2025), holds=[("ky_luat", "khien_trach", D(2025, 10, 1), D(2026, 9, 30))]),
    # --- Chiến sĩ thi đua cấp tỉnh ------------------------------------------------------------------------
    S("cstd tỉnh: 3 năm liên tục + sáng kiến cấp tỉnh", CSTD_TINH, 2026, NEEDS_JUDGEMENT,
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025)]),
    S("cstd tỉnh: 3 năm đến năm xét", CSTD_TINH, 2026, NEEDS_JUDGEMENT, awards=years(CSTDCS, 2024, 2025, 2026),
      initiatives=[("tinh", 2026)]),
    S("cstd tỉnh: đứt một năm", CSTD_TINH, 2026, NOT_ELIGIBLE, ["ba_lan_cstdcs"],
      awards=years(CSTDCS, 2022, 2023, 2025), initiatives=[("tinh", 2025)]),
    S("cstd tỉnh: CSTĐCS đột xuất không tính", CSTD_TINH, 2026, NOT_ELIGIBLE, ["ba_lan_cstdcs"],
      awards=years(CSTDCS, 2024, 2025) + years(CSTDCS, 2023, occasion="dot_xuat"), initiatives=[("tinh", 2025)]),
    S("cstd tỉnh: CSTĐCS chuyên đề không tính", CSTD_TINH, 2026, NOT_ELIGIBLE, ["ba_lan_cstdcs"],
      awards=years(CSTDCS, 2023, 2025) + years(CSTDCS, 2024, occasion="chuyen_de"), initiatives=[("tinh", 2025)]),
    S("cstd tỉnh: sáng kiến đã dùng cho đề nghị khác", CSTD_TINH, 2026, NOT_ELIGIBLE, ["sang_kien_cap_tinh"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025, "sang_kien", 99, "")]),
    S("cstd tỉnh: sáng kiến đã dùng trước khi có phần mềm", CSTD_TINH, 2026, NOT_ELIGIBLE, ["sang_kien_cap_tinh"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025, "sang_kien", None, "QĐ 12/QĐ-UBND 2025")]),
    S("cstd tỉnh: sáng kiến do chính đề nghị này giữ", CSTD_TINH, 2026, NEEDS_JUDGEMENT,
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025, "sang_kien", NOMINATION, "")]),
    S("cstd tỉnh: sáng kiến chỉ cấp cơ sở", CSTD_TINH, 2026, NOT_ELIGIBLE, ["sang_kien_cap_tinh"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("co_so", 2025)]),
    S("cstd tỉnh: đề tài cấp tỉnh thay sáng kiến", CSTD_TINH, 2026, NEEDS_JUDGEMENT,
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2024, "de_tai", None, "")]),
    S("cstd tỉnh: sáng kiến quá cũ", CSTD_TINH, 2026, NOT_ELIGIBLE, ["sang_kien_cap_tinh"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2020)]),
    S("cstd tỉnh: đang bị điều tra", CSTD_TINH, 2026, NOT_ELIGIBLE, ["khong_dang_xem_xet"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025)],
      holds=[("dieu_tra", "", D(2026, 1, 5), None)]),
    S("cstd tỉnh: thanh tra đã kết thúc", CSTD_TINH, 2026, NEEDS_JUDGEMENT, awards=years(CSTDCS, 2023, 2024, 2025),
      initiatives=[("tinh", 2025)], holds=[("thanh_tra", "", D(2025, 2, 1), D(2025, 5, 1))]),
    S("cstd tỉnh: thành tích trong thời gian kỷ luật không tính", CSTD_TINH, 2026, NOT_ELIGIBLE, ["ba_lan_cstdcs"],
      awards=years(CSTDCS, 2023, 2024, 2025), initiatives=[("tinh", 2025)],
      holds=[("ky_luat", "khien_trach", D(2023, 3, 1), D(2023, 12, 31))]),
    S("cstd tỉnh: chuỗi kết thúc quá sớm", CSTD_TINH, 2026, NOT_ELIGIBLE, ["ba_lan_cstdcs"],
      awards=years(CSTDCS, 2021, 2022, 2023), initiatives=[("tinh", 2025)]),
    S("cstd tỉnh: đợt chuyên đề thì chỉ xét điều kiện chung", CSTD_TINH, 2026, ELIGIBLE, occasion="chuyen_de"),
    # --- Chiến sĩ thi đua toàn quốc -----------------------------------------------------------------------
    S("cstd toàn quốc: 2 lần liên tiếp + toàn quốc", CSTD_TQ, 2026, NEEDS_JUDGEMENT, awards=years(CSTD_TINH, 2022, 2025),
      initiatives=[("toan_quoc", 2025)]),
    S("cstd toàn quốc: hai lần cách quá xa", CSTD_TQ, 2026, NOT_ELIGIBLE, ["hai_lan_cstd_tinh"],
      awards=years(CSTD_TINH, 2019, 2025), initiatives=[("toan_quoc", 2025)]),
    S("cstd toàn quốc: sáng kiến chỉ cấp tỉnh", CSTD_TQ, 2026, NOT_ELIGIBLE, ["sang_kien_toan_quoc"],
      awards=years(CSTD_TINH, 2022, 2025), initiatives=[("tinh", 2025)]),
    S("cstd toàn quốc: một lần là đột xuất", CSTD_TQ, 2026, NOT_ELIGIBLE, ["hai_lan_cstd_tinh"],
      awards=years(CSTD_TINH, 2025) + years(CSTD_TINH, 2022, occasion="dot_xuat"), initiatives=[("toan_quoc", 2025)]),
    # --- Tập thể lao động xuất sắc ------------------------------------------------------------------------
    S("ttlđxs: đủ số liệu", TTLDXS, 2025, ELIGIBLE, kind="tap_the", ratings=htxs(2025), figures={2025: FIGURES_OK}),
    S("ttlđxs: đúng 70 % LĐTT", TTLDXS, 2025, ELIGIBLE, kind="tap_the", ratings=htxs(2025),
      figures={2025: (20, 20, 14, 1, 5, 0)}),
    S("ttlđxs: dưới 70 % LĐTT", TTLDXS, 2025, NOT_ELIGIBLE, ["so_lieu_tap_the"], kind="tap_the", ratings=htxs(2025),
      figures={2025: (20, 20, 13, 1, 5, 0)}),
    S("ttlđxs: một người không hoàn thành nhiệm vụ", TTLDXS, 2025, NOT_ELIGIBLE, ["so_lieu_tap_the"], kind="tap_the",
      ratings=htxs(2025), figures={2025: (20, 19, 15, 1, 5, 0)}),
    S("ttlđxs: không có CSTĐCS", TTLDXS, 2025, NOT_ELIGIBLE, ["so_lieu_tap_the"], kind="tap_the", ratings=htxs(2025),
      figures={2025: (20, 20, 15, 0, 5, 0)}),
    S("ttlđxs: có người bị cảnh cáo", TTLDXS, 2025, NOT_ELIGIBLE, ["so_lieu_tap_the"], kind="tap_the",
      ratings=htxs(2025), figures={2025: (20, 20, 15, 1, 5, 1)}),
    S("ttlđxs: chưa nhập số liệu", TTLDXS, 2025, NEEDS_JUDGEMENT, kind="tap_the", ratings=htxs(2025)),
    S("ttlđxs: tập thể chỉ hoàn thành tốt", TTLDXS, 2025, NOT_ELIGIBLE, ["tap_the_htxs"], kind="tap_the",
      ratings=htxs(2025, rating="htt"), figures={2025: FIGURES_OK}),
    # --- Bằng khen của Chủ tịch UBND tỉnh -------------------------------------------------------------------
    S("bk tỉnh cá nhân: 2 năm HTXS + 2 sáng kiến", BK_TINH, 2025, ELIGIBLE, ratings=htxs(2024, 2025),
      initiatives=[("co_so", 2024), ("co_so", 2025)]),
    S("bk tỉnh cá nhân: một sáng kiến, cần xem xét thành tích", BK_TINH, 2025, NEEDS_JUDGEMENT,
      ratings=htxs(2024, 2025), initiatives=[("co_so", 2025)]),
    S("bk tỉnh cá nhân: năm trước chỉ hoàn thành tốt", BK_TINH, 2025, NEEDS_JUDGEMENT,
      ratings={2024: "htt", 2025: "htxs"}, initiatives=[("co_so", 2024), ("co_so", 2025)]),
    S("bk tỉnh cá nhân: đang có khiếu nại", BK_TINH, 2025, NOT_ELIGIBLE, ["khong_dang_xem_xet"],
      ratings=htxs(2024, 2025), initiatives=[("co_so", 2024), ("co_so", 2025)],
      holds=[("khieu_nai", "", D(2026, 2, 1), None)]),
    S("bk tỉnh tập thể: 2 năm HTXS", BK_TINH, 2025, ELIGIBLE, kind="tap_the", ratings=htxs(2024, 2025)),
    S("bk tỉnh tập thể: không có dữ liệu", BK_TINH, 2025, NEEDS_JUDGEMENT, kind="tap_the"),
    # --- Bằng khen của Thủ tướng ------------------------------------------------------------------------------
    S("bk ttg cá nhân: bk tỉnh + 5 năm HTXS + 5 sáng kiến", BK_TTG, 2025, ELIGIBLE, awards=years(BK_TINH, 2020),
      ratings=htxs(2021, 2022, 2023, 2024, 2025), initiatives=[("co_so", y) for y in range(2021, 2026)]),
    S("bk ttg cá nhân: thiếu xếp loại một năm", BK_TTG, 2025, NEEDS_JUDGEMENT, awards=years(BK_TINH, 2020),
      ratings=htxs(2021, 2022, 2024, 2025), initiatives=[("co_so", y) for y in range(2021, 2026)]),
    S("bk ttg cá nhân: chưa có bk tỉnh", BK_TTG, 2025, NOT_ELIGIBLE, ["bk_tinh_5_nam_htxs"],
      ratings=htxs(2021, 2022, 2023, 2024, 2025), initiatives=[("co_so", y) for y in range(2021, 2026)]),
    S("bk ttg cá nhân: bk tỉnh đột xuất không tính", BK_TTG, 2025, NOT_ELIGIBLE, ["bk_tinh_5_nam_htxs"],
      awards=years(BK_TINH, 2020, occasion="dot_xuat"), ratings=htxs(2021, 2022, 2023, 2024, 2025),
      initiatives=[("co_so", y) for y in range(2021, 2026)]),
    S("bk ttg cá nhân: 4 sáng kiến", BK_TTG, 2025, NOT_ELIGIBLE, ["nam_sang_kien"], awards=years(BK_TINH, 2020),
      ratings=htxs(2021, 2022, 2023, 2024, 2025), initiatives=[("co_so", y) for y in range(2022, 2026)]),
    S("bk ttg tập thể: bk tỉnh + 5 năm + cờ", BK_TTG, 2025, ELIGIBLE, kind="tap_the",
      awards=years(BK_TINH, 2020) + years(CO_TINH, 2023), ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("bk ttg tập thể: 2 lần ttlđxs", BK_TTG, 2025, ELIGIBLE, kind="tap_the",
      awards=years(BK_TINH, 2020) + years(TTLDXS, 2022, 2024), ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("bk ttg tập thể: 1 lần ttlđxs", BK_TTG, 2025, NOT_ELIGIBLE, ["co_hoac_ttldxs"], kind="tap_the",
      awards=years(BK_TINH, 2020) + years(TTLDXS, 2024), ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    # --- Huân chương Lao động hạng Ba (tập thể) ---------------------------------------------------------------
    S("hcld3: bk ttg + 5 năm + 1 cờ + 2 bk tỉnh", HCLD3, 2025, NEEDS_JUDGEMENT, kind="tap_the",
      awards=years(BK_TTG, 2020) + years(CO_TINH, 2022) + years(BK_TINH, 2023, 2024),
      ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("hcld3: 2 cờ", HCLD3, 2025, NEEDS_JUDGEMENT, kind="tap_the", awards=years(BK_TTG, 2020) + years(CO_TINH, 2022, 2024),
      ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("hcld3: 1 cờ + 1 bk tỉnh", HCLD3, 2025, NOT_ELIGIBLE, ["co_va_bang_khen"], kind="tap_the",
      awards=years(BK_TTG, 2020) + years(CO_TINH, 2022) + years(BK_TINH, 2023),
      ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("hcld3: bk ttg chưa đủ 5 năm", HCLD3, 2025, NOT_ELIGIBLE, ["bk_ttg_5_nam_htxs"], kind="tap_the",
      awards=years(BK_TTG, 2022) + years(CO_TINH, 2023, 2024), ratings=htxs(2021, 2022, 2023, 2024, 2025)),
    S("hcld3: một năm chỉ hoàn thành", HCLD3, 2025, NOT_ELIGIBLE, ["bk_ttg_5_nam_htxs"], kind="tap_the",
      awards=years(BK_TTG, 2020) + years(CO_TINH, 2022, 2024), ratings={**htxs(2021, 2022, 2024, 2025), 2023: "ht"}),
    # --- other awards: only the general rule --------------------------------------------------------------
    S("cờ tỉnh: điều kiện chung", CO_TINH, 2025, ELIGIBLE, kind="tap_the"),
    S("cờ tỉnh: báo chí phản ánh", CO_TINH, 2025, NOT_ELIGIBLE, ["khong_dang_xem_xet"], kind="tap_the",
      holds=[("bao_chi", "", D(2026, 1, 1), D(2026, 6, 30))]),
]


def named(name: str) -> S:
    return next(s for s in SCENARIOS if s.name == name)


@pytest.fixture(scope="module")
def book(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return RuleBook()


def test_the_table_has_at_least_30_scenarios():
    assert len(SCENARIOS) >= 30
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_legal_scenario(scenario, book):
    result = engine.evaluate_record(record_of(scenario), scenario.award, scenario.year, book, scenario.on,
                               nomination_id=NOMINATION, occasion=scenario.occasion)
    assert (result.verdict, result.failing_codes) == (scenario.verdict, scenario.failing)


@pytest.mark.parametrize("on, rule, citation", [
    (D(2023, 12, 31), "cstdcs", "Luật TĐKT 2003 (sửa đổi 2013); NĐ 91/2017/NĐ-CP"),
    (D(2024, 1, 1), "cstdcs", "Luật TĐKT 2022 Điều 23; NĐ 98/2023/NĐ-CP"),
    (D(2025, 6, 30), "cstdcs", "Luật TĐKT 2022 Điều 23; NĐ 98/2023/NĐ-CP"),
    (D(2025, 7, 1), "cstdcs", "Luật TĐKT 2022 Điều 23; NĐ 152/2025/NĐ-CP"),
])
def test_the_rule_in_force_on_the_date_is_cited(on, rule, citation, book):
    result = engine.evaluate_record(Record(kind="ca_nhan", pk=1), CSTDCS, on.year, book, on)
    assert (result.rule_code, result.citation) == (rule, citation)


def test_the_criterion_itself_changed_with_the_2022_law(book):
    before = book.find(CSTDCS, "ca_nhan", D(2023, 12, 31))
    after = book.find(CSTDCS, "ca_nhan", D(2025, 7, 1))
    assert [c["code"] for c in before.criteria] == ["khong_dang_xem_xet", "lao_dong_tien_tien", "sang_kien_co_so"]
    assert [c["code"] for c in after.criteria] == ["khong_dang_xem_xet", "lao_dong_tien_tien", "htxs_hoac_sang_kien"]


def test_evidence_names_the_awards_the_years_and_what_was_left_out(book):
    s = named("cstd tỉnh: CSTĐCS đột xuất không tính")
    result = engine.evaluate_record(record_of(s), s.award, s.year, book, s.on)
    ladder = next(c for c in result.criteria if c.code == "ba_lan_cstdcs")
    assert ladder.evidence == [
        "Chiến sĩ thi đua cơ sở 2024 (QĐ 2024/QĐ-TEST)", "Chiến sĩ thi đua cơ sở 2025 (QĐ 2025/QĐ-TEST)",
        "Chiến sĩ thi đua cơ sở 2023 (QĐ 2023/QĐ-TEST) không tính (khen thưởng đột xuất, chuyên đề; "
        "NĐ 152/2025/NĐ-CP Điều 4)",
    ]
    assert ladder.detail == "Có 2/3 lần liên tục."
    assert ladder.severity == "hard" and ladder.blocks


def test_soft_criteria_warn_but_do_not_block(book):
    s = next(s for s in SCENARIOS if s.name == "bk ttg cá nhân: chưa có bk tỉnh")
    result = engine.evaluate_record(record_of(s), s.award, s.year, book, s.on)
    assert result.verdict == NOT_ELIGIBLE
    assert result.hard_unmet == []
    assert [c.code for c in result.soft_unmet] == ["bk_tinh_5_nam_htxs"]


def test_a_machine_never_declares_the_judgement_criteria_met(book):
    s = named("cstd tỉnh: 3 năm liên tục + sáng kiến cấp tỉnh")
    result = engine.evaluate_record(record_of(s), s.award, s.year, book, s.on)
    judged = next(c for c in result.criteria if c.code == "tieu_bieu")
    assert (judged.status, judged.detail) == (UNKNOWN, "Cán bộ thẩm định đánh giá theo hồ sơ.")
    assert result.verdict == NEEDS_JUDGEMENT and result.is_candidate


def test_initiatives_relied_on_are_reported_for_claiming(book):
    s = named("cstd tỉnh: 3 năm liên tục + sáng kiến cấp tỉnh")
    result = engine.evaluate_record(record_of(s), s.award, s.year, book, s.on)
    assert result.initiative_ids == [1]


def test_result_survives_a_json_round_trip(book):
    s = SCENARIOS[0]
    result = engine.evaluate_record(record_of(s), s.award, s.year, book, s.on)
    again = Result.from_json(result.to_json())
    assert again == result


# --- exit paths of the criterion kinds that the table leaves implicit -------------------------------------

def ctx(record: Record, year: int = 2025, on: datetime.date = ON, cutoff: int = 0) -> criteria.Context:
    return criteria.Context(record, year, on, None, cutoff, {})


def test_consecutive_ratings_unknown_when_a_year_is_missing():
    record = Record(kind="ca_nhan", pk=1, ratings={2025: "htxs"})
    status, _ev, detail, _ids = criteria.c_consecutive_ratings(ctx(record), {"n": 2, "min_rating": "htxs"})
    assert (status, detail) == (UNKNOWN, "Chưa có xếp loại năm 2024.")


def test_consecutive_ratings_broken_by_a_lower_rating():
    record = Record(kind="ca_nhan", pk=1, ratings={2024: "kht", 2025: "htxs"})
    status, evidence, detail, _ids = criteria.c_consecutive_ratings(ctx(record), {"n": 2, "min_rating": "htxs"})
    assert (status, detail) == (UNMET, "Năm 2024 không đạt hoàn thành xuất sắc nhiệm vụ.")
    assert evidence == ["2024: Không hoàn thành nhiệm vụ", "2025: Hoàn thành xuất sắc nhiệm vụ"]


def test_consecutive_ratings_before_a_discipline_do_not_count():
    record = Record(kind="ca_nhan", pk=1, ratings={2024: "htxs", 2025: "htxs"})
    status, _ev, detail, _ids = criteria.c_consecutive_ratings(ctx(record, cutoff=2024), {"n": 2, "min_rating": "htxs"})
    assert (status, detail) == (UNMET, "Năm 2024 trở về trước không tính (kỷ luật).")


def test_rating_at_least_met_unmet_unknown():
    params = {"min_rating": "htt"}
    assert criteria.c_rating_at_least(ctx(Record("ca_nhan", 1, ratings={2025: "htxs"})), params)[0] == MET
    assert criteria.c_rating_at_least(ctx(Record("ca_nhan", 1, ratings={2025: "ht"})), params)[0] == UNMET
    assert criteria.c_rating_at_least(ctx(Record("ca_nhan", 1)), params)[:3] == (UNKNOWN, [], "Chưa có xếp loại năm 2025.")


def test_award_then_years_without_the_prior_award_names_it():
    record = Record(kind="tap_the", pk=1)
    status, _ev, detail, _ids = criteria.c_award_then_years(
        criteria.Context(record, 2025, ON, None, 0, {BK_TTG: "Bằng khen của Thủ tướng"}),
        {"award_codes": [BK_TTG], "years": 5})
    assert (status, detail) == (UNMET, "Chưa có Bằng khen của Thủ tướng trước đó 5 năm.")


def test_all_of_is_unknown_when_nothing_fails_but_something_is_unknown():
    record = Record(kind="ca_nhan", pk=1, ratings={2025: "htxs"})
    params = {"options": [{"kind": "rating_at_least", "label": "a", "params": {"min_rating": "htxs"}},
                          {"kind": "judgement", "label": "b"}]}
    status, evidence, _detail, _ids = criteria.c_all_of(ctx(record), params)
    assert status == UNKNOWN
    assert evidence == ["✓ a: 2025: Hoàn thành xuất sắc nhiệm vụ", "? b (Cán bộ thẩm định đánh giá theo hồ sơ.)"]


def test_any_of_is_unmet_when_every_option_fails():
    record = Record(kind="ca_nhan", pk=1, ratings={2025: "ht"})
    params = {"options": [{"kind": "rating_at_least", "label": "a", "params": {"min_rating": "htxs"}}]}
    assert criteria.c_any_of(ctx(record), params)[0] == UNMET


def test_has_award_counts_within_the_window_only():
    record = Record(kind="tap_the", pk=1, awards={CO_TINH: [AwardFact(CO_TINH, 2019, "cong_trang", "1")]})
    assert criteria.c_has_award(ctx(record), {"award_codes": [CO_TINH], "within_years": 5})[0] == UNMET
    assert criteria.c_has_award(ctx(record), {"award_codes": [CO_TINH]})[0] == MET


def test_no_rule_at_all_needs_a_person():
    result = engine.evaluate_record(Record(kind="ca_nhan", pk=1), CSTDCS, 2025, RuleBook(rules=[]), ON)
    assert (result.verdict, result.criteria, result.citation) == (NEEDS_JUDGEMENT, [], "")


def test_validate_criteria_reports_unknown_kinds():
    assert criteria.validate_criteria([{"kind": "no_hold"}, {"kind": "any_of", "options": [{"kind": "magic"}]}]) == [
        "1.0: {'kind': 'magic'}"]
    assert criteria.validate_criteria({"kind": "no_hold"}) == ["criteria"]


def test_every_loaded_rule_is_understood(book):
    from awards.models import EligibilityRule

    rules = list(EligibilityRule.objects.all())
    assert len(rules) == 33
    assert {r.code: criteria.validate_criteria(r.criteria) for r in rules if criteria.validate_criteria(r.criteria)} == {}


def test_ladder_awards_offered_on_the_candidates_page(book):
    assert book.ladder_awards("ca_nhan", ON) == [BK_TINH, BK_TTG, CSTD_TINH, CSTDCS, CSTD_TQ]
    assert book.ladder_awards("tap_the", ON) == [BK_TINH, BK_TTG, HCLD3, TTLDXS]


def test_rules_data_is_effective_dated_without_gaps(book):
    for versions in book.rules.values():
        versions = sorted(versions, key=lambda r: r.valid_from)
        for older, newer in itertools.pairwise(versions):
            assert older.valid_to == newer.valid_from - datetime.timedelta(days=1)
        assert versions[-1].valid_to is None


def test_rule_data_round_trip():
    rule = RuleData("x", CSTDCS, "ca_nhan", D(2024, 1, 1), None, "c", [], True)
    assert RuleBook(rules=[rule]).find(CSTDCS, "ca_nhan", D(2023, 12, 31)) is None


# --- tie-break hints (NĐ 152/2025 Điều 4) -----------------------------------------------------------------

@pytest.mark.parametrize("record, hint", [
    (Record("ca_nhan", 1, is_woman=True), "Nữ: được ưu tiên khi thành tích ngang nhau"),
    (Record("ca_nhan", 1, is_woman=False), ""),
    (Record("tap_the", 1, women_share=0.7), "Tập thể có 70 % nữ: được ưu tiên khi thành tích ngang nhau"),
    (Record("tap_the", 1, women_share=0.69), ""),
    (Record("tap_the", 1), ""),
])
def test_tie_break_hint(record, hint):
    assert candidates.tie_break_hint(record) == hint
