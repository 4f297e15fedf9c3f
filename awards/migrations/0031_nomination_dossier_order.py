"""One page of a dossier's nominees read in order from an index (the dossier page at 5,000 nominees, issue 15)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("awards", "0030_notices")]

    operations = [
        migrations.AddIndex(
            model_name="nomination",
            index=models.Index(fields=["dossier", "position", "id"], name="nomination_dossier_order"),
        ),
    ]
