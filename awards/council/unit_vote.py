"""The vote of a unit's own Hội đồng Thi đua - Khen thưởng on a round, recorded by the body's officer from the
meeting's biên bản: date, members, present, chair and secretary, and the yes count of each nomination that needs a
vote (Chiến sĩ thi đua cơ sở...). The tally is the province's rule (``services.tally``): yes × 100 / all members
(absent members count) against the award type's threshold. Recording it moves the round to "Chờ quyết định"
through the round's table (``record_vote``), in the same transaction: a second submission of the same page finds
the round moved and records nothing."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.council.services import CouncilError, tally
from awards.dossiers import workflow
from awards.dossiers.services import nominations_needing_vote
from awards.enums import CouncilResult
from awards.models import Dossier, Nomination, UnitCouncilVote, UnitVoteLine
from units.models import User
from units.text import nfc


def voting_nominations(dossier: Dossier) -> list[Nomination]:
    """The round's nominations its council votes on: eligible, of an award type that requires a vote."""
    return list(nominations_needing_vote(dossier).select_related("award_type", "person", "unit", "household")
                .order_by("position", "pk"))


@transaction.atomic
def record_unit_vote(dossier: Dossier, actor: User, *, held_on: datetime.date, member_count: int, present_count: int,
                     chair_name: str, secretary_name: str, yes_counts: Mapping[int, int],
                     member_names: str = "") -> UnitCouncilVote:
    """Record the meeting and its result per nomination (``yes_counts``: nomination id -> yes votes), set each
    nomination's council result and move the round on; raise ``workflow.NotAllowed`` (who, when) or
    ``CouncilError`` (what was typed) and write nothing."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("body__unit").get(pk=dossier.pk)
    workflow.machine_for(dossier).require(actor, "record_vote", dossier)
    chair_name, secretary_name = nfc(chair_name), nfc(secretary_name)
    problems = []
    if member_count < 1:
        problems.append(_("Hội đồng phải có ít nhất một thành viên."))
    if not 0 <= present_count <= member_count:
        problems.append(_("Số thành viên có mặt phải từ 0 đến %(n)s.") % {"n": member_count})
    if not chair_name or not secretary_name:
        problems.append(_("Ghi họ tên người chủ trì và thư ký cuộc họp."))
    if held_on > timezone.localdate():
        problems.append(_("Ngày họp không được sau hôm nay."))
    nominations = voting_nominations(dossier)
    wanted = {n.pk for n in nominations}
    if set(yes_counts) != wanted:
        problems.append(_("Cần ghi số phiếu đồng ý của đúng %(n)s đề nghị phải bỏ phiếu.") % {"n": len(wanted)})
    for n in nominations:
        yes = yes_counts.get(n.pk)
        if yes is not None and not 0 <= yes <= max(member_count, 0):
            problems.append(_("%(name)s: số phiếu đồng ý phải từ 0 đến %(n)s (số thành viên Hội đồng).") % {
                "name": n.recipient_name, "n": member_count})
    if problems:
        raise CouncilError(" ".join(problems))
    vote = UnitCouncilVote.objects.create(
        dossier=dossier, held_on=held_on, member_count=member_count, present_count=present_count,
        chair_name=chair_name, secretary_name=secretary_name, member_names=member_names.strip(), recorded_by=actor)
    passed = 0
    for n in nominations:
        threshold = n.award_type.vote_threshold_pct or Decimal("100")
        ok = tally(yes_counts[n.pk], member_count, threshold)
        UnitVoteLine.objects.create(vote=vote, nomination=n, yes_count=yes_counts[n.pk], threshold_pct=threshold,
                                    passed=ok)
        n.council_result = CouncilResult.PASSED if ok else CouncilResult.FAILED
        n.save(update_fields=["council_result"])
        passed += ok
    note = _("Họp Hội đồng ngày %(day)s: %(passed)s/%(n)s đề nghị đạt tỷ lệ phiếu.") % {
        "day": f"{held_on:%d/%m/%Y}", "passed": passed, "n": len(nominations)}
    workflow.transition(dossier, "record_vote", actor, note=note)
    return vote
