"""Every decision, signer and number series now has its body (0012): the body becomes required, the number's
uniqueness becomes (body, year, number) and the series is kept per body and year."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("awards", "0012_province_body_and_powers")]

    operations = [
        migrations.RemoveConstraint(model_name="decision", name="decision_number_unique"),
        migrations.RemoveConstraint(model_name="numbersequence", name="number_sequence_unique"),
        migrations.RemoveField(model_name="numbersequence", name="authority"),
        migrations.RemoveField(model_name="signer", name="authority"),
        migrations.AlterField(
            model_name="decision", name="body",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="decisions",
                                    to="awards.issuingbody", verbose_name="cơ quan ban hành"),
        ),
        migrations.AlterField(
            model_name="signer", name="body",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="signers",
                                    to="awards.issuingbody", verbose_name="ký quyết định của"),
        ),
        migrations.AlterField(
            model_name="numbersequence", name="body",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="number_sequences",
                                    to="awards.issuingbody", verbose_name="cơ quan ban hành"),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(fields=("body", "year", "number"), name="decision_number_unique",
                                               violation_error_message="Số quyết định này đã được dùng."),
        ),
        migrations.AddConstraint(
            model_name="numbersequence",
            constraint=models.UniqueConstraint(fields=("body", "year"), name="number_sequence_unique"),
        ),
    ]
