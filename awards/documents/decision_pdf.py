"""The official documents of an award decision, rendered with WeasyPrint (``awards.core.pdf``).

Three kinds (``DocumentKind``): the decision with its annex (NĐ 30/2020/NĐ-CP layout, templates/pdf/
decision.html), one certificate per recipient in the mẫu of the award's kind (certificates.html, landscape:
Bằng khen, Giấy khen, the paper of a Cờ thi đua, Bằng / Giấy chứng nhận of a title; ``certificate_layouts``)
and the
board's tờ trình to the Chủ tịch that accompanies the draft (submission.html). Only the active lines of
the decision are printed, in their order; every name goes through Django's autoescaping."""

from __future__ import annotations

import datetime
import gc
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import translation

from awards.consultation.services import statements_for
from awards.core import pdf
from awards.documents import board_submission, verification
from awards.documents.certificate_layouts import emblem_uri, layout_for
from awards.documents.wording import article_one, bonus_article, counts_phrase, fill_submission
from awards.enums import RecipientKind
from awards.models import AgendaItem, Decision, DecisionLine, DocumentKind, Dossier, SignerCapacity
from units.names import sender_name

TEMPLATES = {
    DocumentKind.DECISION: "pdf/decision.html",
    DocumentKind.CERTIFICATES: "pdf/certificates.html",
    DocumentKind.SUBMISSION: "pdf/submission.html",
}
GROUPS = [
    (RecipientKind.COLLECTIVE, "Tập thể"),
    (RecipientKind.INDIVIDUAL, "Cá nhân"),
    (RecipientKind.HOUSEHOLD, "Hộ gia đình"),
]
ROMAN = ["I", "II", "III", "IV", "V"]


def date_words(day: datetime.date) -> str:
    """"ngày 06 tháng 02 năm 2021", written as ``place_date`` writes it (leading zero for months 1-2)."""
    return pdf.place_date(day, "-").split(", ", 1)[1]


def signature_lines(decision: Decision) -> list[str]:
    """The authority and position above the signature, as the decision's body words them: ["CHỦ TỊCH"] or
    ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]; ["GIÁM ĐỐC"] or ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] for a Sở."""
    if decision.signer.capacity == SignerCapacity.ON_BEHALF:
        return [f"KT. {decision.signature_title}", decision.deputy_title]
    return [decision.signature_title]


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def sentence(text: str) -> str:
    """"đã có thành tích …" -> "Đã có thành tích …" (no final period)."""
    text = (text or "").strip().rstrip(".").strip()
    return text[:1].upper() + text[1:]


def display_name(line: DecisionLine) -> str:
    """"Ông Hoàng Mạnh Cương" for individuals, the name as recorded otherwise."""
    if line.recipient_kind == RecipientKind.INDIVIDUAL and line.honorific:
        return f"{line.honorific} {line.recipient_name}"
    return line.recipient_name


def council_results(decision: Decision) -> list[dict]:
    """Per council session: how many of the decision's recipients passed and at which threshold."""
    if not decision.award_type.requires_council_vote:
        return []
    items = (AgendaItem.objects.filter(nomination__decision_lines__decision=decision,
                                       nomination__decision_lines__active=True, passed=True)
             .select_related("session").order_by("session__held_on", "session_id", "position", "pk"))
    sessions: dict[int, dict] = {}
    for item in items:
        entry = sessions.setdefault(item.session_id, {"session": item.session, "passed": 0, "thresholds": set(),
                                                      "held_on_words": date_words(item.session.held_on),
                                                      "minutes_code": item.session.minutes_code})
        entry["passed"] += 1
        entry["thresholds"].add(item.threshold_pct)
    for entry in sessions.values():
        thresholds = sorted(t for t in entry.pop("thresholds") if t is not None)
        entry["threshold"] = thresholds[0] if len(thresholds) == 1 else None
    return list(sessions.values())


def unit_decisions(decision: Decision) -> list[str]:
    """The units' own decisions the dossiers of ``decision`` cite (``Dossier.basis_decisions``), as the tờ trình
    quotes them: "Quyết định số 12/QĐ-SGDĐT ngày 20/01/2025 của Giám đốc Sở Giáo dục và Đào tạo về việc tặng …"."""
    cited = (Decision.objects.filter(cited_by__nominations__decision_lines__decision=decision,
                                     cited_by__nominations__decision_lines__active=True)
             .distinct().select_related("body").order_by("decided_on", "number"))
    return [f"Quyết định số {d.code} ngày {d.decided_on:%d/%m/%Y} của {d.body.head_title} "
            f"{d.subject[:1].lower()}{d.subject[1:]}" for d in cited]


def unit_submissions(decision: Decision) -> str:
    """The units' tờ trình the Sở Nội vụ's tờ trình answers (the decision itself cites only the Sở Nội vụ's): "Xét
    đề nghị của Sở Giáo dục và Đào tạo tại Tờ trình số 15/TTr-SGDĐT ngày 10/01/2021; Sở Y tế tại Tờ trình số …."
    Each unit by its name on the decision date (a district or commune by its People's Committee, "UBND huyện Tràng
    Định": ``units.names.sender_name``), its tờ trình in the order of its dossiers."""
    dossiers = (Dossier.objects.filter(nominations__decision_lines__decision=decision,
                                       nominations__decision_lines__active=True)
                .distinct().select_related("unit").order_by("unit__sort_order", "unit__name", "pk"))
    by_unit: dict[int, tuple[str, list[str]]] = {}
    for dossier in dossiers:
        _name, numbers = by_unit.setdefault(dossier.unit_id, (sender_name(dossier.unit, decision.decided_on), []))
        if dossier.submission_number:
            dated = f" ngày {dossier.submission_date:%d/%m/%Y}" if dossier.submission_date else ""
            numbers.append(f"số {dossier.submission_number}{dated}")
    parts = [name + (f" tại Tờ trình {', '.join(numbers)}" if numbers else "") for name, numbers in by_unit.values()]
    return ("Xét đề nghị của " + "; ".join(parts) + ".") if parts else ""


def decision_context(decision: Decision) -> dict:
    """Everything the three templates print, computed once (the lines are read in one query)."""
    lines = list(decision.lines.filter(active=True).order_by("position", "pk"))
    by_kind: dict[str, list[DecisionLine]] = defaultdict(list)
    for line in lines:
        line.display_name = display_name(line)
        by_kind[line.recipient_kind].append(line)
    bonus_text = bonus_article(decision) if decision.bonus_enabled else ""
    bonus = bool(bonus_text)
    groups = []
    for kind, label in GROUPS:
        members = by_kind.get(kind)
        if not members:
            continue
        total = sum(line.bonus_amount or 0 for line in members)
        groups.append({"numeral": ROMAN[len(groups)], "label": label, "lines": members, "total": total})
    execution_no = 3 if bonus else 2
    executors = decision.executors.strip().rstrip(".")
    award_name = decision.award_type.name
    layout = layout_for(decision.award_type)
    kinds = [line.recipient_kind for line in lines]
    counts = counts_phrase(kinds)
    return {
        "decision": decision,
        "code": decision.code,
        "place_date": pdf.place_date(decision.decided_on, decision.place),
        "date_words": date_words(decision.decided_on),
        "short_date": f"{decision.decided_on:%d/%m/%Y}",
        "issuer_words": decision.body.short_title,
        "legal_bases": split_lines(decision.legal_bases),
        "proposals": split_lines(fill_submission(decision.proposals, decision)),
        "unit_submissions": unit_submissions(decision),
        "article_one": article_one(decision),
        "bonus": bonus,
        "bonus_article": bonus_text,
        "execution_no": execution_no,
        "execution": (f"Quyết định có hiệu lực kể từ ngày ký. {fill_submission(executors, decision)} chịu trách "
                      "nhiệm thi hành Quyết định này./."),
        "recipients": split_lines(decision.recipients),
        "signature_lines": signature_lines(decision),
        "signer": decision.signer,
        "lines": lines,
        "groups": groups,
        "award_name": award_name,
        "layout": layout,
        "emblem": emblem_uri(),
        "reason_sentence": sentence(decision.reason),
        "reason_clause": (decision.reason or "").strip().rstrip("."),
        "counts": counts,
        "total_bonus": sum(line.bonus_amount or 0 for line in lines) if bonus else 0,
        "council_results": council_results(decision),
        "consultations": statements_for([line.nomination_id for line in lines if line.nomination_id]),
        "unit_decisions": unit_decisions(decision),
        "year": decision.decided_on.year,
    }


_OBJECT_STREAM = re.compile(rb"<<((?:(?!>>).)*?/Type\s*/ObjStm(?:(?!>>).)*?)>>\s*stream\r?\n", re.DOTALL)
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def count_pages(data: bytes) -> int:
    """Pages of a PDF written by WeasyPrint (which puts its objects in compressed object streams): the page
    objects, counted in the file and inside its object streams; the page tree's /Count as a fallback."""
    texts = [data]
    for match in _OBJECT_STREAM.finditer(data):
        if b"/FlateDecode" not in match.group(1):
            continue
        try:
            texts.append(zlib.decompressobj().decompress(data[match.end():]))
        except zlib.error:
            continue
    pages = sum(len(_PAGE.findall(text)) for text in texts)
    if pages:
        return pages
    counts = [int(a or b) for text in texts for a, b in _COUNT.findall(text)]
    return max(counts, default=0)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """WeasyPrint allocates a few hundred thousand objects per long annex; the collector's full passes over
    them cost about a quarter of the render (measured with 500 recipients). Paused for the render only;
    what it leaves behind is collected once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def metadata(decision: Decision, kind: str, context: dict) -> pdf.Metadata:
    """The records metadata of each kind: the decision and its certificates are the body's, filed under the
    decision's number and date; the tờ trình is the Sở Nội vụ's, under its own number and date."""
    if kind == DocumentKind.SUBMISSION:
        return context["submission"]["metadata"]
    title = f"Quyết định số {decision.code} ngày {decision.decided_on:%d/%m/%Y}"
    if kind == DocumentKind.CERTIFICATES:
        title = f"{context['award_name']} kèm theo {title[0].lower()}{title[1:]}"
    return pdf.Metadata(title=title, author=decision.body.head_title, subject=decision.subject,
                        keywords=(decision.code,), created=decision.decided_on)


def render(decision: Decision, kind: str) -> tuple[bytes, int]:
    """The PDF of ``kind`` for ``decision`` and its page count. Always in Vietnamese (3.510.000)."""
    template = TEMPLATES[DocumentKind(kind)]
    context = decision_context(decision)
    if kind == DocumentKind.CERTIFICATES:  # the verification code and QR of each certificate (issue 18)
        verification.attach(context["lines"])
    if kind == DocumentKind.SUBMISSION:
        context["submission"] = board_submission.context(decision)
    with translation.override("vi"), cyclic_gc_paused():
        data = pdf.render_pdf(template, context, metadata(decision, kind, context))
    return data, count_pages(data)
