"""Load the eligibility rules (``_eligibility_rules.py``): upserted by (code, valid_from)."""

from django.db import migrations


def load(apps, schema_editor):
    from awards.migrations._eligibility_rules import rules

    EligibilityRule = apps.get_model("awards", "EligibilityRule")
    LegalDocument = apps.get_model("awards", "LegalDocument")
    documents = dict(LegalDocument.objects.values_list("number", "pk"))
    for row in rules():
        row = dict(row)
        number = row.pop("legal_document_number")
        row["legal_document_id"] = documents.get(number)
        EligibilityRule.objects.update_or_create(code=row.pop("code"), valid_from=row.pop("valid_from"),
                                                 defaults=row)


def unload(apps, schema_editor):
    apps.get_model("awards", "EligibilityRule").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [("awards", "0009_yearly_facts_and_eligibility")]

    operations = [migrations.RunPython(load, unload)]
