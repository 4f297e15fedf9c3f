"""Draft nominations from "Ai đủ điều kiện năm nay": the candidates staff or an officer chose
(``awards.record.eligibility.candidates.candidates_for``) become draft nominations, one draft dossier per
proposing unit, never duplicating a live nomination."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext

from awards.catalogue import in_force
from awards.dossiers import services
from awards.enums import OccasionType, RecipientKind
from awards.models import Dossier, Nomination, NoticeKind
from awards.notices.record import record, unit_officers
from units.models import Person, Unit, User


@transaction.atomic
def create_draft_nominations(chosen: list[dict], award_code: str, year: int, actor: User,
                             proposer: Unit | None) -> tuple[dict, list[str]]:
    """Candidates chosen on "Ai đủ điều kiện năm nay" become draft nominations, one draft dossier per proposing
    unit. The nominees' rows are locked first (in primary-key order, persons then units), so two people pressing
    the button for the same nominee at the same moment create one nomination, not two: the second waits and then
    finds the first one's nomination as a duplicate.

    ``proposer``: the officer's unit proposes for everyone under it; for staff (``None``) each nominee's own
    unit (a person's, or the collective itself) is the proposing unit."""
    person_ids = sorted(item["subject"].pk for item in chosen if isinstance(item["subject"], Person))
    unit_ids = sorted(item["subject"].pk for item in chosen if not isinstance(item["subject"], Person))
    list(Person.objects.select_for_update().filter(pk__in=person_ids).order_by("pk").values_list("pk", flat=True))
    list(Unit.objects.select_for_update().filter(pk__in=unit_ids).order_by("pk").values_list("pk", flat=True))
    award_type = in_force.award_type_on(award_code, datetime.date(year, 12, 31))
    created: dict[Dossier, list[Nomination]] = {}
    skipped = []
    by_unit: dict[int, Dossier] = {}
    for item in chosen:
        subject = item["subject"]
        is_person = isinstance(subject, Person)
        proposing = proposer or (subject.unit if is_person else subject)
        if proposing is None:
            skipped.append(str(subject))
            continue
        probe_dossier = Dossier(unit=proposing, year=year)
        nomination = Nomination(
            dossier=probe_dossier, award_type=award_type,
            recipient_kind=RecipientKind.INDIVIDUAL if is_person else RecipientKind.COLLECTIVE,
            person=subject if is_person else None, unit=None if is_person else subject,
        )
        nomination.recipient_key = nomination.compute_recipient_key()
        if services.duplicates_of(nomination).exists():
            skipped.append(str(subject))
            continue
        dossier = by_unit.get(proposing.pk)
        if dossier is None:
            dossier = Dossier.objects.create(
                unit=proposing, year=year, occasion=OccasionType.MERIT, authority=award_type.authority,
                title=gettext("Đề nghị tặng %(award)s năm %(year)s") % {"award": award_type.name, "year": year},
                created_by=actor,
            )
            by_unit[proposing.pk] = dossier
        nomination.dossier = dossier
        nomination.position = len(created.get(dossier, [])) + 1
        # "Thành tích" is the unit's own words and flows into the decision: left for the officer to write, never
        # filled with the machine's checklist (which the dossier page shows beside the nomination anyway).
        nomination.achievement = ""
        nomination.save()
        created.setdefault(dossier, []).append(nomination)
    if proposer is None:  # drafted by the Board: the units' officers write the achievements and send them
        for dossier, nominations in created.items():
            record(NoticeKind.DOSSIER_DRAFTED, unit_officers(dossier.unit_id),
                   f"Ban Thi đua - Khen thưởng đã lập dự thảo hồ sơ {dossier.reference} ({len(nominations)} đề nghị "
                   f"{award_type.name}): đơn vị viết thành tích, bổ sung tài liệu và gửi hồ sơ",
                   reverse("awards:dossier", args=[dossier.reference]))
    return created, skipped
