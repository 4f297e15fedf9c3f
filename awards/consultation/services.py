"""Public consultation on proposed awards (công khai, lấy ý kiến nhân dân): opening one, what the public may read
of each nominee, taking opinions (honeypot and a per-address limit in the shared cache), staff marking them
considered, and the guard before the council.

The rule and its sources: docs/legal-sources.md, "Công khai, lấy ý kiến nhân dân"."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.catalogue.calendar import add_working_days
from awards.core.permissions import is_staff
from awards.enums import DossierState, RecipientKind, Verdict
from awards.models import Consultation, CouncilOverride, Dossier, Nomination, Opinion
from units.models import User
from units.text import nfc

DEFAULT_WORKING_DAYS = 10
MAX_OPINION_CHARS = 3000
OPEN_STATES = (DossierState.RECEIVED, DossierState.REVIEWED, DossierState.SUBMITTED, DossierState.IN_COUNCIL)
LINK = re.compile(r"(https?://|www\.|<\s*/?\s*[a-z]+[^>]*>)", re.IGNORECASE)


class ConsultationError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- opening ---------------------------------------------------------------------------------------------------

def period_end(starts_on: datetime.date, working_days: int) -> datetime.date:
    """The last day of the period: ``working_days`` working days counted from ``starts_on`` itself."""
    return add_working_days(starts_on - datetime.timedelta(days=1), working_days)


@transaction.atomic
def open_consultation(dossiers: list[Dossier], starts_on: datetime.date, actor: User, *, title: str = "",
                      working_days: int = DEFAULT_WORKING_DAYS, note: str = "") -> Consultation:
    if not is_staff(actor):
        raise ConsultationError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới mở lấy ý kiến nhân dân."))
    if not dossiers:
        raise ConsultationError(_("Chọn ít nhất một hồ sơ."))
    if working_days < 1:
        raise ConsultationError(_("Thời gian lấy ý kiến phải từ 1 ngày làm việc trở lên."))
    closed = [d.reference for d in dossiers if d.state not in OPEN_STATES]
    if closed:
        raise ConsultationError(_("Hồ sơ %(refs)s không ở giai đoạn thẩm định, trình Hội đồng.") % {
            "refs": ", ".join(closed)})
    consultation = Consultation.objects.create(
        title=nfc(title) or _("Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng"), starts_on=starts_on,
        working_days=working_days, ends_on=period_end(starts_on, working_days), note=nfc(note), opened_by=actor)
    consultation.dossiers.set(dossiers)
    return consultation


def is_running(consultation: Consultation, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return consultation.starts_on <= today <= consultation.ends_on


def public_consultations(today: datetime.date | None = None) -> QuerySet[Consultation]:
    """Consultations the public may read: started, newest first (the ended ones stay readable)."""
    today = today or timezone.localdate()
    return Consultation.objects.filter(starts_on__lte=today).annotate(
        nominee_count=Count("dossiers__nominations", filter=~Q(dossiers__nominations__verdict=Verdict.INELIGIBLE),
                            distinct=True))


# --- what the public reads ------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class PublicNominee:
    """A nominee as the public page shows them: never a birth date, a citizen ID or a contact."""

    id: int
    name: str
    position: str
    unit: str
    award: str
    achievement: str


def nominations_of(consultation: Consultation) -> QuerySet[Nomination]:
    return (Nomination.objects.filter(dossier__consultations=consultation).exclude(verdict=Verdict.INELIGIBLE)
            .select_related("person__unit", "unit", "household", "award_type", "dossier__unit")
            .order_by("dossier__unit__name", "dossier_id", "position", "pk"))


def public_nominees(consultation: Consultation) -> list[PublicNominee]:
    rows = []
    for n in nominations_of(consultation):
        if n.recipient_kind == RecipientKind.INDIVIDUAL:
            position = n.person.position
            unit = n.person.unit.name if n.person.unit_id else n.dossier.unit.name
        elif n.recipient_kind == RecipientKind.HOUSEHOLD:
            position, unit = "", n.household.address
        else:
            position, unit = "", n.dossier.unit.name
        rows.append(PublicNominee(id=n.pk, name=n.recipient_name, position=position, unit=unit,
                                  award=n.award_type.name, achievement=n.achievement))
    return rows


# --- opinions -------------------------------------------------------------------------------------------------

def address_hash(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def _throttle_key(address: str) -> str:
    return f"consultation-opinion:{address_hash(address)}"


def throttled(address: str) -> bool:
    return (cache.get(_throttle_key(address)) or 0) >= settings.CONSULTATION_OPINIONS_PER_HOUR


def _count(address: str) -> None:
    key = _throttle_key(address)
    if cache.add(key, 1, timeout=3600):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)


def opinion_problems(text: str) -> list[str]:
    problems = []
    if len(text) > MAX_OPINION_CHARS:
        problems.append(_("Ý kiến dài quá %(n)s ký tự (hiện có %(len)s ký tự).") % {"n": MAX_OPINION_CHARS,
                                                                                    "len": len(text)})
    if LINK.search(text):
        problems.append(_("Ý kiến không được chứa đường liên kết hoặc mã HTML."))
    return problems


def submit_opinion(consultation: Consultation, nomination_id: int, *, name: str, contact: str, text: str,
                   address: str, honeypot: str = "", today: datetime.date | None = None) -> Opinion | None:
    """Store an opinion; ``None`` when the honeypot was filled (a robot: nothing stored, nothing said).
    Raises ``ConsultationError`` with the message the sender reads."""
    if honeypot:
        return None
    if not is_running(consultation, today):
        raise ConsultationError(_("Thời gian lấy ý kiến đã kết thúc ngày %(day)s.") % {
            "day": f"{consultation.ends_on:%d/%m/%Y}"})
    if throttled(address):
        raise ConsultationError(_("Địa chỉ của bạn đã gửi nhiều ý kiến trong một giờ. Vui lòng thử lại sau."))
    nomination = nominations_of(consultation).filter(pk=nomination_id).first()
    if nomination is None:
        raise ConsultationError(_("Không có người được đề nghị này trong danh sách lấy ý kiến."))
    text = nfc(text).strip()
    problems = opinion_problems(text)
    if problems:
        raise ConsultationError(" ".join(problems))
    _count(address)
    return Opinion.objects.create(consultation=consultation, nomination=nomination, name=nfc(name)[:150],
                                  contact=nfc(contact)[:200], text=text, address_hash=address_hash(address))


def mark_handled(opinion: Opinion, note: str, actor: User) -> Opinion:
    if not is_staff(actor):
        raise ConsultationError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới ghi kết quả xem xét ý kiến."))
    note = nfc(note).replace("\x00", "").strip()  # the view reads the raw field: no form's NUL check
    if not note:
        raise ConsultationError(_("Ghi kết quả xem xét ý kiến."))
    opinion.handled, opinion.handled_note = True, note
    opinion.handled_by, opinion.handled_at = actor, timezone.now()
    opinion.save(update_fields=["handled", "handled_note", "handled_by", "handled_at"])
    return opinion


# --- what the council and the tờ trình read --------------------------------------------------------------------

def opinions_by_nomination(nomination_ids: list[int]) -> dict[int, list[Opinion]]:
    grouped: dict[int, list[Opinion]] = {}
    for opinion in Opinion.objects.filter(nomination_id__in=nomination_ids).select_related("handled_by"):
        grouped.setdefault(opinion.nomination_id, []).append(opinion)
    return grouped


def council_blocks(nominations: list[Nomination], today: datetime.date | None = None) -> dict[int, Consultation]:
    """The nominations whose consultation has not ended yet (and has no override): they may not go to the council."""
    today = today or timezone.localdate()
    running = Consultation.objects.filter(ends_on__gte=today, dossiers__nominations__in=nominations).distinct()
    overridden = set(CouncilOverride.objects.filter(nomination__in=nominations).values_list("nomination_id",
                                                                                             flat=True))
    blocks: dict[int, Consultation] = {}
    for consultation in running:
        for n in nominations:
            if n.dossier_id in {d.pk for d in consultation.dossiers.all()} and n.pk not in overridden:
                blocks[n.pk] = consultation
    return blocks


def record_override(nominations: list[Nomination], blocks: dict[int, Consultation], reason: str,
                    actor: User) -> None:
    for n in nominations:
        if n.pk in blocks:
            CouncilOverride.objects.create(nomination=n, consultation=blocks[n.pk], reason=nfc(reason).strip(),
                                           actor=actor)


def _sentence(consultation: Consultation, count: int) -> str:
    return _("Danh sách đề nghị đã được công khai, lấy ý kiến nhân dân từ ngày %(start)s đến ngày %(end)s "
             "(%(days)s ngày làm việc); đã nhận %(count)s ý kiến.") % {
        "start": f"{consultation.starts_on:%d/%m/%Y}", "end": f"{consultation.ends_on:%d/%m/%Y}",
        "days": consultation.working_days, "count": count}


def statements_for(nomination_ids: list[int]) -> list[str]:
    """The sentences of the Sở Nội vụ's tờ trình on the consultations its nominations went through (a decision's
    lines): one per consultation, with the opinions received on those nominations; [] when none ran."""
    consultations = (Consultation.objects.filter(dossiers__nominations__in=nomination_ids).distinct()
                     .order_by("starts_on", "pk"))
    counts = dict(Opinion.objects.filter(consultation__in=consultations, nomination_id__in=nomination_ids)
                  .values_list("consultation_id").annotate(n=Count("pk")).order_by())
    return [_sentence(c, counts.get(c.pk, 0)) for c in consultations]


def statement(dossier: Dossier) -> str:
    """The sentence of the tờ trình on the consultation of a dossier ("" when none ran)."""
    consultation = dossier.consultations.order_by("-starts_on").first()
    if consultation is None:
        return ""
    return _sentence(consultation, Opinion.objects.filter(consultation=consultation,
                                                          nomination__dossier=dossier).count())
