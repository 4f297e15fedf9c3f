"""The wording of a decision built from its rows: counts ("cho 05 tập thể và 04 cá nhân"), the templates in force
on the decision date (``DocumentWording``: trích yếu, Điều 1, "Theo đề nghị", Điều 3), the bonus article, dates in
words, and the province portal's sentence."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from awards.enums import AwardFamily, RecipientKind
from awards.models import AwardType, Decision, DocumentWording, IssuingBody, WordingKind
from awards.models.wording import DEFAULT_WORDINGS
from units.names import as_place

# Above this many heads of units concerned, Điều 3 names them together, as real decisions do.
MAX_NAMED_HEADS = 4
RELATED_HEADS = "Thủ trưởng các cơ quan, đơn vị có liên quan"
SUBMISSION_FIELDS = ("so_to_trinh", "ngay_to_trinh")

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



def wording_kind(body: IssuingBody, award_type: AwardType) -> str:
    """Which wording a decision of ``body`` giving ``award_type`` takes: a title is "công nhận", a Cờ thi đua and a
    form of commendation "tặng"; the province's and a unit head's differ in the proposer and Điều 3."""
    title = award_type.family == AwardFamily.EMULATION_TITLE
    if body.is_province:
        if award_type.code.startswith("co-thi-dua"):
            return WordingKind.PROVINCE_FLAG
        return WordingKind.PROVINCE_TITLE if title else WordingKind.PROVINCE_FORM
    return WordingKind.UNIT_TITLE if title else WordingKind.UNIT_FORM


def wording_on(kind: str, day: datetime.date) -> dict[str, str]:
    """The templates of ``kind`` in force on ``day`` (the latest version that started by then); the seeded defaults
    when staff have left none in force."""
    row = DocumentWording.objects.filter(kind=kind).active_on(day).order_by("-valid_from").first()
    if row is None:
        return dict(DEFAULT_WORDINGS[kind])
    return {"subject": row.subject, "article_one": row.article_one, "proposal": row.proposal,
            "executors": row.executors}


class _Keep(dict):
    """Leaves a placeholder it has no value for as it is ("{so_to_trinh}" is filled when the decision is printed)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with the placeholders of ``values`` replaced, the others left for later; spaces tidied."""
    return " ".join(template.format_map(_Keep(values)).split())


def fill_submission(text: str, decision: Decision) -> str:
    """The Sở Nội vụ's tờ trình written into a text at print time; blanks to fill by hand while it is unknown."""
    number = decision.submission_number.strip() or "\u2003\u2003/TTr-SNV"
    day = f"{decision.submission_date:%d/%m/%Y}" if decision.submission_date else "\u2003/\u2003/" + str(decision.year)
    return text.replace("{so_to_trinh}", number).replace("{ngay_to_trinh}", day)


def heads_phrase(titles: Iterable[str]) -> str:
    """The heads of the units concerned, as Điều 3 names them: deduplicated, in order; "Thủ trưởng các cơ quan, đơn
    vị có liên quan" when one has no known title or there are more than ``MAX_NAMED_HEADS``."""
    titles = list(titles)
    named = list(dict.fromkeys(titles))
    if not named or "" in named or len(named) > MAX_NAMED_HEADS:
        return RELATED_HEADS
    return ", ".join(named)


def article_one(decision: Decision) -> str:
    kinds = decision.lines.filter(active=True).values_list("recipient_kind", flat=True)
    template = wording_on(wording_kind(decision.body, decision.award_type), decision.decided_on)["article_one"]
    return fill(template, {"danh_hieu": decision.award_type.name, "nam": str(decision.achievement_year),
                           "so_luong": counts_phrase(kinds), "ly_do": decision.reason.strip().rstrip("."),
                           "nguoi_dung_dau": decision.body.head_title,
                           "don_vi": as_place(decision.body.unit.name) if decision.body.unit_id else ""})



def bonus_article(decision: Decision) -> str:
    if not decision.bonus_enabled or not decision.base_salary:
        return ""
    amounts = sorted({(line.recipient_kind, line.bonus_amount) for line in decision.lines.filter(active=True)
                      if line.bonus_amount})
    order = {RecipientKind.COLLECTIVE: 0, RecipientKind.INDIVIDUAL: 1, RecipientKind.HOUSEHOLD: 2}
    parts = [f"mỗi {KIND_WORDS[kind]} được thưởng {amount:,} đồng".replace(",", ".")
             for kind, amount in sorted(amounts, key=lambda pair: order[pair[0]])]
    return ("Kèm theo " + award_words(decision.award_type) + ", " + "; ".join(parts)
            + f" (mức lương cơ sở {decision.base_salary:,} đồng). ".replace(",", ".")
            + f"Kinh phí khen thưởng chi từ {decision.fund_name}.")



def award_words(award_type: AwardType) -> str:
    """What a decision's articles call the award: a title with its name quoted ("danh hiệu “Lao động tiên tiến”"),
    anything else by its name ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Cờ thi đua của Ủy ban nhân dân tỉnh")."""
    if award_type.family == AwardFamily.EMULATION_TITLE and not award_type.code.startswith("co-thi-dua"):
        return f"danh hiệu “{award_type.name}”"
    return award_type.name


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
