"""The fixed wording of a decision built from its rows: counts ("cho 05 tập thể và 04 cá nhân"), Điều 1, the
bonus article, dates in words, and the province portal's sentence."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from awards.enums import AwardFamily, RecipientKind
from awards.models import AwardType, Decision

KIND_WORDS = {RecipientKind.COLLECTIVE: "tập thể", RecipientKind.INDIVIDUAL: "cá nhân",
              RecipientKind.HOUSEHOLD: "hộ gia đình"}



def counts_phrase(kinds: Iterable[str]) -> str:
    """"cho 05 tập thể và 04 cá nhân" (zero-padded counts, collective, individual, household order)."""
    counts: dict[str, int] = defaultdict(int)
    for kind in kinds:
        counts[kind] += 1
    parts = [f"{counts[kind]:02d} {word}" for kind, word in KIND_WORDS.items() if counts.get(kind)]
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]
    return f"cho {text}"



def format_date_words(day: datetime.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"



def article_one(decision: Decision) -> str:
    kinds = decision.lines.filter(active=True).values_list("recipient_kind", flat=True)
    return (f"Tặng {decision.award_type.name} {counts_phrase(kinds)}, {decision.reason} "
            f"(có danh sách kèm theo).")



def bonus_article(decision: Decision) -> str:
    if not decision.bonus_enabled or not decision.base_salary:
        return ""
    amounts = sorted({(line.recipient_kind, line.bonus_amount) for line in decision.lines.filter(active=True)
                      if line.bonus_amount})
    order = {RecipientKind.COLLECTIVE: 0, RecipientKind.INDIVIDUAL: 1, RecipientKind.HOUSEHOLD: 2}
    parts = [f"mỗi {KIND_WORDS[kind]} được thưởng {amount:,} đồng".replace(",", ".")
             for kind, amount in sorted(amounts, key=lambda pair: order[pair[0]])]
    return ("Kèm theo " + decision.award_type.name + ", " + "; ".join(parts)
            + f" (mức lương cơ sở {decision.base_salary:,} đồng). ".replace(",", ".")
            + f"Kinh phí khen thưởng chi từ {decision.fund_name}.")



def award_phrase(award_type: AwardType) -> str:
    """How the portal names what was given: "Bằng khen", "Cờ thi đua", "danh hiệu Chiến sĩ thi đua cấp tỉnh"."""
    if award_type.family in (AwardFamily.CERTIFICATE_OF_MERIT, AwardFamily.COMMENDATION):
        return str(AwardFamily(award_type.family).label)
    if award_type.code.startswith("co-thi-dua"):
        return "Cờ thi đua"
    if award_type.family == AwardFamily.EMULATION_TITLE:
        return f"danh hiệu {award_type.name}"
    return award_type.name



def portal_sentence(decision: Decision, collectives: int, individuals: int, households: int) -> str:
    """"Quyết định số 163/QĐ-UBND của Chủ tịch UBND tỉnh tặng Bằng khen cho 32 tập thể, vì: Đã có thành tích
    xuất sắc năm 2023." (the province portal's phrasing; another body is named by its short title)."""
    kinds = ([RecipientKind.COLLECTIVE] * collectives + [RecipientKind.INDIVIDUAL] * individuals
             + [RecipientKind.HOUSEHOLD] * households)
    reason = decision.reason.strip().rstrip(".")
    reason = reason[:1].upper() + reason[1:]
    return (f"Quyết định số {decision.code} của {decision.body.short_title} tặng {award_phrase(decision.award_type)} "
            f"{counts_phrase(kinds)}, vì: {reason}.")
