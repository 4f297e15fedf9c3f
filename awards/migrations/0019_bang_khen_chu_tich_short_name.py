"""The Bằng khen of the province is the Chủ tịch UBND tỉnh's (Luật TĐKT 2003 Điều 39, 2022 Điều 74): its short
name read "Bằng khen của UBND tỉnh" on the dashboard, the exports and the summary. Rows staff renamed since are
left alone; units' lists that still say "Bằng khen của UBND tỉnh" are read by the importer
(``awards.catalogue.in_force.FORMER_SHORT_NAMES``)."""

from django.db import migrations

CODE = "bang-khen-chu-tich-ubnd-tinh"
OLD, NEW = "Bằng khen của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"


def rename(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    AwardType.objects.using(schema_editor.connection.alias).filter(code=CODE, short_name=OLD).update(short_name=NEW)


def rename_back(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    AwardType.objects.using(schema_editor.connection.alias).filter(code=CODE, short_name=NEW).update(short_name=OLD)


class Migration(migrations.Migration):
    dependencies = [("awards", "0018_unit_rounds")]

    operations = [migrations.RunPython(rename, rename_back)]
