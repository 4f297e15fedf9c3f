"""Luật 47/2005/QH11 (sửa đổi, bổ sung Luật Thi đua, Khen thưởng) is in force from 27/6/2005, not from its
date of 14/6/2005 as 0023 assumed: Văn bản hợp nhất 16/VBHN-VPQH ngày 13/12/2013 of the Văn phòng Quốc hội
(docs/legal-sources.md, "Decision wording"). The same text confirms 39/2013/QH13 from 01/6/2014."""

import datetime

from django.db import migrations

NUMBER = "47/2005/QH11"
ISSUED = datetime.date(2005, 6, 14)
IN_FORCE = datetime.date(2005, 6, 27)


def forward(apps, schema_editor):
    LegalDocument = apps.get_model("awards", "LegalDocument")
    LegalDocument.objects.using(schema_editor.connection.alias).filter(number=NUMBER, valid_from=ISSUED).update(
        valid_from=IN_FORCE)


def backward(apps, schema_editor):
    LegalDocument = apps.get_model("awards", "LegalDocument")
    LegalDocument.objects.using(schema_editor.connection.alias).filter(number=NUMBER, valid_from=IN_FORCE).update(
        valid_from=ISSUED)


class Migration(migrations.Migration):
    dependencies = [("awards", "0030_notices")]
    operations = [migrations.RunPython(forward, backward)]
