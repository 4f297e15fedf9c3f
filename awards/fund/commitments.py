"""A decision's bonuses in its body's fund: committed when it takes effect, reversed or flagged when revoked.

``commit_decision`` is the one function both "publish" and (later) "issue" reach, through
``decisions.signals.took_effect``: one ``FundLine`` and one COMMITMENT entry per active line with a bonus, to the
fund of the decision's body (the province's for the Chủ tịch UBND tỉnh, a unit's own for its head) and the year
of the decision. It is idempotent: a line already committed is left alone.

``reverse_decision`` (on ``decisions.signals.revoked``): Luật Thi đua, khen thưởng 2022 Điều 93 khoản 2 — the
decision is cancelled and its "hiện vật khen thưởng và tiền thưởng bị thu hồi". The unpaid part of each line is
reversed (a REVERSAL entry referring to the commitment); a line already paid, wholly or partly, is flagged
RECOVERY with its paid amount to recover; nothing paid is changed."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.enums import RecipientKind
from awards.fund.ledger import fund_for
from awards.models import Decision, DecisionState, EntryKind, FundEntry, FundLine, LineStatus


def receiving_unit_id(line) -> int:
    """Who receives the money: a collective that is a unit receives its own; a person or a household receives it
    through the unit that proposed them (which pays its people and signs the list)."""
    nomination = line.nomination
    if line.recipient_kind == RecipientKind.COLLECTIVE and nomination.unit_id:
        return nomination.unit_id
    return nomination.dossier.unit_id


@transaction.atomic
def commit_decision(decision: Decision) -> int:
    """Commit the decision's bonus lines; returns how many lines were committed now."""
    if decision.state != DecisionState.PUBLISHED or not decision.bonus_enabled:
        return 0
    lines = [line for line in decision.lines.filter(active=True, bonus_amount__gt=0).select_related(
        "nomination__dossier").order_by("position", "pk") if not FundLine.objects.filter(decision_line=line).exists()]
    if not lines:
        return 0
    fund = fund_for(decision.body, decision.year)
    FundLine.objects.bulk_create([
        FundLine(fund=fund, decision=decision, decision_line=line, award_type_id=decision.award_type_id,
                 position=line.position, recipient_kind=line.recipient_kind, recipient_name=line.recipient_name,
                 detail=line.detail, receiving_unit_id=receiving_unit_id(line),
                 amount=Decimal(line.bonus_amount))
        for line in lines
    ])
    made = list(FundLine.objects.filter(decision_line__in=lines))
    FundEntry.objects.bulk_create([
        FundEntry(fund=fund, kind=EntryKind.COMMITMENT, amount=line.amount, day=decision.decided_on, line=line,
                  document_number=decision.code, document_date=decision.decided_on,
                  note=_("Tiền thưởng theo Quyết định số %(code)s") % {"code": decision.code},
                  created_by=decision.published_by)
        for line in made
    ])
    return len(made)


@transaction.atomic
def reverse_decision(decision: Decision) -> tuple[int, int]:
    """(lines reversed, lines flagged for recovery). Lines are locked, so a payment recorded at the same moment
    either lands before (and the line is flagged) or is refused after (the line is no longer payable)."""
    day = timezone.localdate()
    reversed_count = flagged = 0
    lines = FundLine.objects.select_for_update().filter(decision=decision, status__in=[
        LineStatus.OPEN, LineStatus.PAID]).order_by("pk")
    for line in lines:
        unpaid = line.amount - line.paid
        if unpaid > 0:
            commitment = line.entries.filter(kind=EntryKind.COMMITMENT).first()
            FundEntry.objects.create(
                fund_id=line.fund_id, kind=EntryKind.REVERSAL, amount=unpaid, day=max(day, decision.decided_on),
                line=line, document_number=decision.code, corrects=commitment,
                note=_("Quyết định số %(code)s bị thu hồi: %(reason)s") % {
                    "code": decision.code, "reason": decision.closed_reason},
                created_by=decision.closed_by)
        if line.paid > 0:
            line.status = LineStatus.RECOVERY
            flagged += 1
        else:
            line.status = LineStatus.REVERSED
            reversed_count += 1
        line.save(update_fields=["status"])
    return reversed_count, flagged


def on_took_effect(sender, decision: Decision, **kwargs) -> None:
    commit_decision(decision)


def on_revoked(sender, decision: Decision, **kwargs) -> None:
    reverse_decision(decision)
