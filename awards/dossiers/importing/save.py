"""Excel import of a nominee list into a dossier (the template is ``template.build_template``).

The import is all or nothing: every row is checked, every problem is collected with its Excel row number and
column header, and only a clean file is written, inside one transaction. Importing the same file twice adds
nothing: a row whose recipient already has a nomination for the same award in the dossier is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max

from awards.core.sheets import ErrorsReport, ImportError, Refused
from awards.dossiers.importing.columns import household_head
from awards.dossiers.importing.reading import read_sheet
from awards.dossiers.importing.resolve import Plan, attach_existing, check_rows
from awards.enums import RecipientKind
from awards.models import Dossier, Nomination
from units.models import Household, Person
from units.scope import recipient_scope


@dataclass
class ImportReport(ErrorsReport):
    """What an import did: either ``errors`` (and nothing saved) or the ``created`` / ``skipped`` counts."""

    created: int = 0
    skipped: int = 0
    persons_created: int = 0
    households_created: int = 0
    errors: list[ImportError] = field(default_factory=list)


def import_nominees(dossier: Dossier, uploaded_file: Any, actor: Any) -> ImportReport:
    """Read the first sheet of ``uploaded_file`` and add its rows to ``dossier`` as nominations, all or nothing.

    ``actor`` is the user importing: what the rows may name is his ``recipient_scope`` (a unit's officer: the
    dossier's unit and the units below it, their persons and households; board staff: the whole province).
    Nominations and persons carry no author yet, so it is not stored."""
    try:
        sheet, errors = read_sheet(uploaded_file)
    except Refused as refused:
        return ImportReport(errors=[ImportError(0, "", refused.message)])
    if errors or sheet is None:
        return ImportReport(errors=errors)

    with transaction.atomic():
        # One import at a time per dossier, so two simultaneous uploads of one file cannot both add it.
        dossier = Dossier.objects.select_for_update().select_related("unit").get(pk=dossier.pk)
        scope = recipient_scope(actor, dossier.unit)
        plans, errors = check_rows(dossier, sheet, scope)
        if errors:
            return ImportReport(errors=errors)
        attach_existing(plans, dossier, scope)
        return _write(dossier, plans)


def _write(dossier: Dossier, plans: list[Plan]) -> ImportReport:
    report = ImportReport()
    existing = set(dossier.nominations.values_list("recipient_key", "award_type__code"))
    position = dossier.nominations.aggregate(last=Max("position"))["last"] or 0
    persons: dict[tuple[Any, ...], Person] = {}
    households: dict[tuple[Any, ...], Household] = {}

    for plan in plans:
        key = plan.existing_key(dossier)
        if key is not None and (key, plan.award.code) in existing:
            report.skipped += 1
            continue
        nomination = Nomination(
            dossier=dossier, recipient_kind=plan.kind, award_type=plan.award, achievement=plan.achievement,
            period="",
        )
        if plan.kind == RecipientKind.INDIVIDUAL:
            if plan.person_id is None and plan.identity not in persons:
                extra = {"category": plan.category} if plan.category else {}
                persons[plan.identity] = Person.objects.create(
                    full_name=plan.name, gender=plan.gender, birth_date=plan.birth_date, position=plan.position,
                    unit=plan.unit, **extra,
                )
                report.persons_created += 1
            nomination.person_id = plan.person_id or persons[plan.identity].pk
        elif plan.kind == RecipientKind.HOUSEHOLD:
            if plan.household_id is None and plan.identity not in households:
                households[plan.identity] = Household.objects.create(
                    name=plan.name, head_name=household_head(plan.name), commune=plan.unit,
                )
                report.households_created += 1
            nomination.household_id = plan.household_id or households[plan.identity].pk
        elif plan.unit is not None:
            nomination.unit = plan.unit
        else:
            nomination.collective_name = plan.name
        position += 1
        nomination.position = position
        nomination.save()
        existing.add((nomination.recipient_key, plan.award.code))
        report.created += 1
    return report
