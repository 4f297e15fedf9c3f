"""Preparing, publishing and revoking award decisions; the award record they write.

A decision is issued by a body (``IssuingBody``: the Chủ tịch UBND tỉnh unless another is named). It is drafted
from approved nominations of one award type the body may decide on that day (``catalogue.powers.may_decide``),
numbered from the body's own per-year sequence (a cancelled draft keeps its number: never reused), copies what
the body prints (header, symbol, authority line, signature titles, place), and becomes visible to units and
writes ``Award`` rows only when published, all at once or not at all."""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.catalogue import bodies, in_force, powers
from awards.decisions import access, signals
from awards.documents import board_submission, wording
from awards.documents.wording import format_date_words
from awards.dossiers import annex, workflow
from awards.enums import (
    Authority,
    CentralOutcome,
    CouncilResult,
    DossierState,
    RecipientKind,
    Verdict,
)
from awards.models import (
    Award,
    AwardSource,
    AwardType,
    Decision,
    DecisionLine,
    DecisionState,
    Dossier,
    Issuance,
    IssuingBody,
    Nomination,
    NumberSequence,
    Rounding,
    Signer,
)
from units.models import User
from units.names import as_place, name_on
from units.selectors import subtree_ids


class DecisionError(workflow.WorkflowError):
    """A decision action that cannot be done; the message says why."""


# --- numbers and words ------------------------------------------------------------------------------

def allocate_number(body: IssuingBody, year: int) -> int:
    """The next number of ``body``'s series in ``year`` ("12" of "12/QĐ-SGDĐT"): gapless and distinct under
    concurrent drafts, because the sequence row is locked until the drafting transaction ends."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                NumberSequence.objects.get_or_create(body=body, year=year)
        except IntegrityError:
            pass  # created by a concurrent draft a moment ago
        sequence = NumberSequence.objects.select_for_update().get(body=body, year=year)
        sequence.last_number = F("last_number") + 1
        sequence.save(update_fields=["last_number"])
        sequence.refresh_from_db(fields=["last_number"])
        return sequence.last_number


def round_amount(amount: Decimal, rounding: str) -> int:
    """Round a bonus in đồng: none (half up to the đồng), up to the thousand, or up to ten thousand."""
    step = {Rounding.UP_1000: 1000, Rounding.UP_10000: 10_000}.get(rounding, 1)
    whole = amount.to_integral_value(rounding=ROUND_HALF_UP) if step == 1 else amount
    return int(math.ceil(whole / step) * step)


def version_on(award_type: AwardType, day: datetime.date) -> AwardType:
    """The version of ``award_type`` in force on the decision date ``day``: its name and multipliers are the ones
    the decision prints and pays. NĐ 152/2025/NĐ-CP Điều 59 (hiệu lực thi hành) puts the decree in force on
    01/7/2025 and ends NĐ 98/2023 that day, with no transitional rule for dossiers received before it: a decision
    signed from 01/7/2025 pays the NĐ 152 multipliers (docs/legal-sources.md, "Money follows the decision date").
    The nominations' own version (in force on 31/12 of the achievement year) when the catalogue has none that day."""
    try:
        return in_force.award_type_on(award_type.code, day)
    except in_force.CatalogueError:
        return award_type


def bonus_for(award_type: AwardType, kind: str, base_salary: int, rounding: str) -> int | None:
    """Multiplier x base salary, both in force on the decision date, rounded as configured: no rounding by default,
    since no text in force from 2024 was found to ask for it (NĐ 91/2017 Điều 68 k2 rounded up to ten thousand
    đồng; a decision may still choose it)."""
    multiplier = award_type.multiplier_for(kind)
    if multiplier is None:
        return None
    return round_amount(Decimal(multiplier) * base_salary, rounding)


# --- what is ready ----------------------------------------------------------------------------------

def ready_nominations(body: IssuingBody | None = None) -> QuerySet[Nomination]:
    """Approved nominations ``body`` decides (the province when None): eligible, voted through where a vote is
    needed, in dossiers waiting for a decision of its authority, not already in a live decision. The province
    decides the dossiers addressed to it; a unit's head decides the rounds addressed to him (any version of the body
    of his unit), from his unit and the units under it."""
    body = body or bodies.province_body()
    nominations = Nomination.objects.filter(
        dossier__state=DossierState.AWAITING_DECISION,
        dossier__authority=body.authority,
        verdict=Verdict.ELIGIBLE,
    )
    if body.is_province:
        nominations = nominations.filter(dossier__body__isnull=True)
    else:
        nominations = nominations.filter(dossier__body__unit_id=body.unit_id,
                                         dossier__unit_id__in=subtree_ids(body.unit_id))
    return (
        nominations
        .filter(Q(award_type__requires_council_vote=False) | Q(council_result=CouncilResult.PASSED))
        .exclude(decision_lines__active=True)
        .select_related("award_type", "dossier", "dossier__unit", "person", "person__unit", "unit", "household")
        .order_by("award_type__sort_order", "dossier__unit__name", "dossier_id", "position", "pk")
    )


def ready_by_award_type(body: IssuingBody | None = None) -> list[tuple[AwardType, list[Nomination]]]:
    groups: dict[int, list[Nomination]] = defaultdict(list)
    types: dict[int, AwardType] = {}
    for nomination in ready_nominations(body):
        groups[nomination.award_type_id].append(nomination)
        types[nomination.award_type_id] = nomination.award_type
    return [(types[pk], items) for pk, items in groups.items()]


def signer_on(day: datetime.date, capacity: str | None = None, body: IssuingBody | None = None) -> Signer | None:
    """A signer of ``body`` (the province when None) in force on ``day``, the head before his deputies."""
    return bodies.signer_on(body or bodies.province_body(), day, capacity)


# --- drafting ---------------------------------------------------------------------------------------

def already_decided(nominations: list[Nomination]) -> list[str]:
    """Recipients that another live decision (draft or published) already names for the same award and
    achievement year, through another nomination: the duplicate guard at the last door."""
    keys = {(n.recipient_key, n.award_type.code, n.dossier.year): n for n in nominations}
    clashes = (
        DecisionLine.objects.filter(active=True, nomination__recipient_key__in={k for k, _c, _y in keys})
        .exclude(nomination__in=[n.pk for n in nominations])
        .exclude(decision__state__in=[DecisionState.CANCELLED, DecisionState.REVOKED])
        .values_list("nomination__recipient_key", "nomination__award_type__code", "nomination__dossier__year")
    )
    return sorted({keys[key].recipient_name for key in clashes if key in keys})


def default_texts(award_type: AwardType, nominations: list[Nomination], decided_on: datetime.date,
                  bonus_enabled: bool = True, body: IssuingBody | None = None, year: int | None = None) -> dict:
    """The texts a draft starts with, from the wording in force on ``decided_on`` (``documents.wording``): the
    province's decision answers the Sở Nội vụ's tờ trình (its number and date are written in when printed; the
    units' tờ trình are cited in it, not on the decision) and Điều 3 names the heads of the units concerned by their
    real titles (``catalogue.bodies.head_title_of``)."""
    body = body or bodies.province_body()
    bases = [doc.basis_text for doc in in_force.legal_bases_on(decided_on, body)]
    council_dates = sorted({item.session.held_on for n in nominations
                            for item in n.agenda_items.select_related("session").all() if item.passed}
                           | {line.vote.held_on for n in nominations
                              for line in n.unit_votes.select_related("vote").all() if line.passed})
    council = "tỉnh" if body.is_province else name_on(body.unit, decided_on)
    for held_on in council_dates:
        bases.append(f"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng {council} {format_date_words(held_on)};")
    units = sorted({n.dossier.unit for n in nominations}, key=lambda u: (u.sort_order, u.name, u.pk))
    own = set() if body.is_province else {body.unit_id}
    board = bodies.board_department_body(decided_on)
    heads = [bodies.head_title_of(u, decided_on) for u in units if u.pk not in own]
    heads = [h for h in heads if not (board is not None and h == board.head_title)]
    templates = wording.wording_on(wording.wording_kind(body, award_type), decided_on)
    values = {"danh_hieu": award_type.name, "nam": str(year or max(n.dossier.year for n in nominations)),
              "thu_truong_don_vi": wording.heads_phrase(heads) if heads else wording.RELATED_HEADS,
              "nguoi_dung_dau": body.head_title,
              "don_vi": "" if body.is_province else as_place(name_on(body.unit, decided_on))}
    texts = {
        "subject": wording.fill(templates["subject"], values),
        "legal_bases": "\n".join(bases),
        "proposals": wording.fill(templates["proposal"], values),
        "executors": wording.fill(templates["executors"], values),
    }
    if body.is_province:
        recipients = [f"Như Điều {3 if bonus_enabled else 2};", "Chủ tịch, các PCT UBND tỉnh;", "Sở Tài chính;",
                      "Lưu: VT, SNV (BTĐKT)."]
    else:
        recipients = [f"Như Điều {3 if bonus_enabled else 2};", "Lưu: VT."]
    return {**texts, "recipients": "\n".join(recipients)}


def issuer_fields(body: IssuingBody) -> dict:
    """What a decision copies from its body, so a later edit of the body leaves the decision as it was made."""
    lines = body.issuer_lines
    return {
        "body": body, "authority": body.authority, "symbol": body.symbol, "parent_line": body.parent_name,
        "issuer_line1": lines[0] if lines else "", "issuer_line2": " ".join(lines[1:]), "place": body.place,
        "authority_line": body.authority_line, "signature_title": body.signature_title,
        "deputy_title": body.deputy_title, "fund_name": body.fund_name,
    }


@transaction.atomic
def draft_decision(nominations: list[Nomination], actor: User, decided_on: datetime.date, signer: Signer,
                   reason: str, bonus_enabled: bool = True, rounding: str = Rounding.NONE,
                   body: IssuingBody | None = None) -> Decision:
    """A draft decision of ``body`` (the Chủ tịch UBND tỉnh when None) for ``nominations``, numbered from the
    body's series of the year of ``decided_on``: the Board's for the province, the body's officers' for a unit."""
    body = body or bodies.province_body()
    allowed, why = access.can_draft(actor, body)
    if not allowed:
        raise DecisionError(why)
    if not nominations:
        raise DecisionError(_("Chọn ít nhất một đề nghị đã được duyệt."))
    if signer.body_id != body.pk:
        raise DecisionError(_("%(name)s không ký quyết định của %(body)s.") % {
            "name": signer.full_name, "body": body.head_title})
    ready = {n.pk for n in ready_nominations(body).filter(pk__in=[n.pk for n in nominations])}
    refused = [n.recipient_name for n in nominations if n.pk not in ready]
    if refused:
        raise DecisionError(_("Chưa đưa được vào quyết định: %(names)s.") % {"names": ", ".join(refused)})
    twice = already_decided(nominations)
    if twice:
        raise DecisionError(_("Đã có quyết định (hoặc dự thảo) khen thưởng cùng danh hiệu, hình thức, cùng năm cho: "
                              "%(names)s.") % {"names": ", ".join(twice)})
    award_types = {n.award_type_id for n in nominations}
    if len(award_types) != 1:
        raise DecisionError(_("Mỗi quyết định chỉ tặng một danh hiệu, hình thức."))
    years = {n.dossier.year for n in nominations}
    occasions = {n.dossier.occasion for n in nominations}
    award_type = version_on(nominations[0].award_type, decided_on)
    allowed, why = powers.may_decide(body, award_type, decided_on)
    if not allowed:
        raise DecisionError(why)
    base = in_force.base_salary_on(decided_on) if bonus_enabled else None
    texts = default_texts(award_type, nominations, decided_on, bonus_enabled, body, year=max(years))
    decision = Decision.objects.create(
        **issuer_fields(body), number=allocate_number(body, decided_on.year),
        year=decided_on.year, decided_on=decided_on, signer=signer, award_type=award_type,
        occasion=occasions.pop() if len(occasions) == 1 else nominations[0].dossier.occasion,
        achievement_year=max(years), reason=reason.strip(), bonus_enabled=bonus_enabled, rounding=rounding,
        base_salary=base, created_by=actor, **texts,
    )
    kind_order = {RecipientKind.COLLECTIVE: 0, RecipientKind.INDIVIDUAL: 1, RecipientKind.HOUSEHOLD: 2}
    ordered = sorted(nominations, key=lambda n: (kind_order[n.recipient_kind], n.dossier.unit.name, n.position))
    DecisionLine.objects.bulk_create(
        DecisionLine(
            decision=decision, nomination=n, position=index, recipient_kind=n.recipient_kind,
            recipient_name=annex.collective_name(n, decided_on), honorific=n.person.honorific if n.person_id else "",
            detail=annex.line_detail(n, decided_on),
            bonus_amount=bonus_for(award_type, n.recipient_kind, base, rounding) if base else None,
        )
        for index, n in enumerate(ordered, start=1)
    )
    return decision


# --- lifecycle --------------------------------------------------------------------------------------

def _require(answer: tuple[bool, str]) -> None:
    """Who may change a decision (``decisions.access``): the views check too; the services do not rely on them."""
    allowed, why = answer
    if not allowed:
        raise DecisionError(why)


@transaction.atomic
def cancel_draft(decision: Decision, reason: str, actor: User) -> None:
    """A cancelled draft keeps its number (recorded, never reused); its nominations are free again."""
    _require(access.can_cancel(actor, decision))
    close_draft(decision, reason, actor)


def close_draft(decision: Decision, reason: str, actor: User) -> None:
    """Cancel a draft once the caller has checked who may (``cancel_draft``; the Board's oversight)."""
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Cần ghi lý do hủy dự thảo."))
    updated = Decision.objects.filter(pk=decision.pk, state=DecisionState.DRAFT).update(
        state=DecisionState.CANCELLED, closed_reason=reason, closed_at=timezone.now(), closed_by=actor)
    if updated == 0:
        raise DecisionError(_("Chỉ hủy được quyết định còn là dự thảo."))
    decision.lines.update(active=False)
    decision.refresh_from_db()


@transaction.atomic
def publish(decision: Decision, actor: User) -> int:
    """Publish an issued decision: write one Award per line and mark dossiers decided, all or nothing. Returns
    the count. Called by ``issuing`` in the transaction that records the issued file (signed or scanned)."""
    _require(access.can_publish(actor, decision))
    if not Issuance.objects.filter(decision=decision).exists():  # issuing.complete_issue / issue_paper call this
        raise DecisionError(_("Quyết định chưa được phát hành: cần đủ chữ ký số của người ký và của văn thư "
                              "(hoặc bản quét bản gốc ký trên giấy)."))
    missing_submission = board_submission.missing(decision)  # the Sở Nội vụ's tờ trình number and date
    if missing_submission:
        raise DecisionError(missing_submission)
    updated = Decision.objects.filter(pk=decision.pk, state=DecisionState.DRAFT).update(
        state=DecisionState.PUBLISHED, published_at=timezone.now(), published_by=actor)
    if updated == 0:
        raise DecisionError(_("Quyết định không còn là dự thảo (có thể vừa được người khác ban hành hoặc hủy)."))
    decision.refresh_from_db()
    lines = list(decision.lines.filter(active=True).select_related(
        "nomination", "nomination__dossier", "nomination__award_type"))
    if not lines:
        raise DecisionError(_("Quyết định chưa có ai trong danh sách."))
    issuer = decision.body.head_title
    try:
        with transaction.atomic():
            Award.objects.bulk_create(_awards_for(decision, lines, issuer))
    except IntegrityError:
        raise DecisionError(_("Có người, tập thể trong quyết định đã được ghi khen thưởng cho cùng đề nghị; "
                              "chưa ban hành, không ghi gì vào sổ.")) from None
    for dossier_id in {line.nomination.dossier_id for line in lines}:
        dossier = Dossier.objects.get(pk=dossier_id)
        undecided = dossier.nominations.filter(verdict=Verdict.ELIGIBLE).exclude(
            decision_lines__active=True, decision_lines__decision__state=DecisionState.PUBLISHED)
        if dossier.state == DossierState.AWAITING_DECISION and not undecided.exists():
            workflow.transition(dossier, "decide", actor, note=decision.code)
    signals.announce_effect(decision)  # the fund commits the bonus lines (same transaction)
    return len(lines)


def _awards_for(decision: Decision, lines: list[DecisionLine], issuer: str) -> list[Award]:
    return [
        Award(
            source=AwardSource.PROVINCE, decision=decision, nomination=line.nomination,
            award_type=decision.award_type, award_code=decision.award_type.code,
            recipient_kind=line.recipient_kind, unit=line.nomination.unit, person=line.nomination.person,
            household=line.nomination.household, recipient_name=line.recipient_name,
            proposing_unit=line.nomination.dossier.unit, year=decision.decided_on.year,
            achievement_year=line.nomination.dossier.year, occasion=line.nomination.dossier.occasion,
            authority=decision.authority, decision_number=decision.code, decided_on=decision.decided_on,
            issuer=issuer, bonus_amount=line.bonus_amount, campaign=line.nomination.dossier.campaign,
            body_id=decision.body_id,
        )
        for line in lines
    ]


@transaction.atomic
def revoke(decision: Decision, reason: str, actor: User) -> int:
    """Thu hồi (Luật Thi đua, khen thưởng Điều 93): the awards stay, marked revoked."""
    _require(access.can_revoke(actor, decision))
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Cần ghi lý do thu hồi quyết định."))
    updated = Decision.objects.filter(pk=decision.pk, state=DecisionState.PUBLISHED).update(
        state=DecisionState.REVOKED, closed_reason=reason, closed_at=timezone.now(), closed_by=actor)
    if updated == 0:
        raise DecisionError(_("Chỉ thu hồi được quyết định đã ban hành."))
    count = Award.objects.filter(decision=decision).update(revoked=True, revoked_on=timezone.localdate(),
                                                           revoke_reason=reason)
    decision.refresh_from_db()
    signals.announce_revoked(decision)  # the fund reverses unpaid lines, flags paid ones (same transaction)
    return count


def record_central_award(nomination: Nomination) -> Award | None:
    """An award decided above the province (recorded from a forwarded dossier) joins the record too."""
    if nomination.central_outcome != CentralOutcome.AWARDED:
        return None
    dossier = nomination.dossier
    issuer = {Authority.PRESIDENT: "Chủ tịch nước", Authority.PRIME_MINISTER: "Thủ tướng Chính phủ"}.get(
        dossier.authority, Authority(dossier.authority).label)
    award, _created = Award.objects.get_or_create(
        nomination=nomination,
        defaults=dict(
            source=AwardSource.CENTRAL, award_type=nomination.award_type, award_code=nomination.award_type.code,
            recipient_kind=nomination.recipient_kind, unit=nomination.unit, person=nomination.person,
            household=nomination.household, recipient_name=nomination.recipient_name, proposing_unit=dossier.unit,
            year=nomination.central_decision_date.year, achievement_year=dossier.year, occasion=dossier.occasion,
            authority=dossier.authority, decision_number=nomination.central_decision_number,
            decided_on=nomination.central_decision_date, issuer=issuer, campaign=dossier.campaign,
        ),
    )
    return award


