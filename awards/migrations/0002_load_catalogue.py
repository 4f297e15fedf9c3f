"""Load the award catalogue: legal documents, award types (effective-dated) and the base salary.

Idempotent upserts on natural keys, so running the forward function again changes no row count:
LegalDocument by ``number``, AwardType by (``code``, ``valid_from``), BaseSalary by ``valid_from``.
The rows live in ``_catalogue_data`` (not a migration: Django skips modules starting with "_").
"""

import unicodedata

from django.db import migrations

from awards.migrations._catalogue_data import AWARD_TYPES, BASE_SALARIES, LEGAL_DOCUMENTS

# Historical models do not run the models' ``save()``, which NFC-normalises names; do it here.
TEXT_FIELDS = {"title", "basis_text", "name", "short_name", "series", "legal_citation", "note"}


def _normalised(row: dict) -> dict:
    return {
        key: unicodedata.normalize("NFC", value) if key in TEXT_FIELDS and isinstance(value, str) else value
        for key, value in row.items()
    }


def load_catalogue(apps, schema_editor):
    db = schema_editor.connection.alias
    LegalDocument = apps.get_model("awards", "LegalDocument")
    AwardType = apps.get_model("awards", "AwardType")
    BaseSalary = apps.get_model("awards", "BaseSalary")

    replacements = {}
    for row in LEGAL_DOCUMENTS:
        data = _normalised(row)
        number = data.pop("number")
        replaced_by_number = data.pop("replaced_by_number")
        LegalDocument.objects.using(db).update_or_create(number=number, defaults=data)
        if replaced_by_number:
            replacements[number] = replaced_by_number
    for number, replaced_by_number in replacements.items():
        successor = LegalDocument.objects.using(db).get(number=replaced_by_number)
        LegalDocument.objects.using(db).filter(number=number).update(replaced_by=successor)

    for row in AWARD_TYPES:
        data = _normalised(row)
        code = data.pop("code")
        valid_from = data.pop("valid_from")
        AwardType.objects.using(db).update_or_create(code=code, valid_from=valid_from, defaults=data)

    for row in BASE_SALARIES:
        data = dict(row)
        valid_from = data.pop("valid_from")
        BaseSalary.objects.using(db).update_or_create(valid_from=valid_from, defaults=data)


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_catalogue, migrations.RunPython.noop),
    ]
