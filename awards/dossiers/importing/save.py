"""Excel import of a nominee list into a dossier (the template is ``template.build_template``); a web request queues
it as an import job (``jobs``), run by the worker.

The import is all or nothing: every row is checked, every problem is collected with its Excel row number and
column header, and only a clean file is written, inside one transaction. Importing the same file twice adds
nothing: a row whose recipient already has a nomination for the same award in the dossier is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
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
from units.text import nfc


@dataclass
class ImportReport(ErrorsReport):
    """What an import did: either ``errors`` (and nothing saved) or the ``created`` / ``skipped`` counts."""

    created: int = 0
    skipped: int = 0
    persons_created: int = 0
    households_created: int = 0
    errors: list[ImportError] = field(default_factory=list)


Progress = Callable[[int, int, int], None]
"""Told (rows checked, rows saved, rows in the file) while a long import runs."""

BATCH = 1000
"""Rows per INSERT of the bulk writes."""


def import_nominees(dossier: Dossier, uploaded_file: Any, actor: Any, progress: Progress | None = None) -> ImportReport:
    """Read the sheet of ``uploaded_file`` holding the list and add its rows to ``dossier`` as nominations, all or
    nothing.

    ``actor`` is the user importing: what the rows may name is his ``recipient_scope`` (a unit's officer: the
    dossier's unit and the units below it, their persons and households; board staff: the whole province).
    Nominations and persons carry no author yet, so it is not stored. ``progress`` (for the import job's page) is
    told the rows checked and saved as they go."""
    try:
        sheet, errors = read_sheet(uploaded_file)
    except Refused as refused:
        return ImportReport(errors=[ImportError(0, "", refused.message)])
    if errors or sheet is None:
        return ImportReport(errors=errors)
    total = len(sheet.rows)
    tell: Progress = progress or (lambda checked, saved, total: None)
    tell(0, 0, total)

    with transaction.atomic():
        # One import at a time per dossier, so two simultaneous uploads of one file cannot both add it.
        dossier = Dossier.objects.select_for_update().select_related("unit").get(pk=dossier.pk)
        scope = recipient_scope(actor, dossier.unit)
        plans, errors = check_rows(dossier, sheet, scope, progress=lambda checked: tell(checked, 0, total))
        if errors:
            return ImportReport(errors=errors)
        tell(total, 0, total)
        attach_existing(plans, dossier, scope)
        return _write(dossier, plans, lambda saved: tell(total, saved, total))


def _write(dossier: Dossier, plans: list[Plan], saved: Callable[[int], None]) -> ImportReport:
    """Write the plans in bulk (new persons, new households, then the nominations, ``BATCH`` rows per INSERT),
    skipping recipients the dossier already proposes for the same award. The models' ``save()`` only normalises text
    (NFC) and computes ``Nomination.recipient_key``; both are done here, and no signal listens to these models."""
    report = ImportReport()
    existing = set(dossier.nominations.values_list("recipient_key", "award_type__code"))
    position = dossier.nominations.aggregate(last=Max("position"))["last"] or 0

    kept: list[Plan] = []
    for plan in plans:
        key = plan.existing_key(dossier)
        if key is not None and (key, plan.award.code) in existing:
            report.skipped += 1
            continue
        if key is not None:
            existing.add((key, plan.award.code))
        kept.append(plan)

    persons: dict[tuple[Any, ...], Person] = {}
    households: dict[tuple[Any, ...], Household] = {}
    for plan in kept:
        if plan.kind == RecipientKind.INDIVIDUAL and plan.person_id is None and plan.identity not in persons:
            extra = {"category": plan.category} if plan.category else {}
            persons[plan.identity] = Person(full_name=nfc(plan.name), gender=plan.gender, birth_date=plan.birth_date,
                                            position=nfc(plan.position), unit=plan.unit, **extra)
        elif plan.kind == RecipientKind.HOUSEHOLD and plan.household_id is None and plan.identity not in households:
            households[plan.identity] = Household(name=nfc(plan.name), head_name=household_head(plan.name),
                                                  commune=plan.unit)
    Person.objects.bulk_create(persons.values(), batch_size=BATCH)
    Household.objects.bulk_create(households.values(), batch_size=BATCH)
    report.persons_created, report.households_created = len(persons), len(households)

    nominations: list[Nomination] = []
    for plan in kept:
        nomination = Nomination(dossier=dossier, recipient_kind=plan.kind, award_type=plan.award,
                                achievement=nfc(plan.achievement), period="")
        if plan.kind == RecipientKind.INDIVIDUAL:
            nomination.person_id = plan.person_id or persons[plan.identity].pk
        elif plan.kind == RecipientKind.HOUSEHOLD:
            nomination.household_id = plan.household_id or households[plan.identity].pk
        elif plan.unit is not None:
            nomination.unit = plan.unit
        else:
            nomination.collective_name = nfc(plan.name)
        position += 1
        nomination.position = position
        nomination.recipient_key = nomination.compute_recipient_key()
        nominations.append(nomination)
    for start in range(0, len(nominations), BATCH):
        Nomination.objects.bulk_create(nominations[start:start + BATCH])
        saved(min(start + BATCH, len(nominations)) + report.skipped)
    report.created = len(nominations)
    return report
