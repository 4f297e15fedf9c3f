"""The Hội đồng's biên bản get a number of their own series ("05/BB-HĐTĐKT", per year, gapless, given when the
session is closed) and the session names its chủ tọa and thư ký. Sessions closed before this migration are
numbered here, by meeting date within each year, so the series has no gap."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def number_closed_sessions(apps, schema_editor):
    Session = apps.get_model("awards", "CouncilSession")
    Sequence = apps.get_model("awards", "CouncilMinutesSequence")
    last: dict[int, int] = {}
    closed = Session.objects.filter(status="closed", minutes_number__isnull=True).order_by("held_on", "closed_at",
                                                                                         "pk")
    for session in closed:
        year = session.held_on.year
        last[year] = last.get(year, 0) + 1
        Session.objects.filter(pk=session.pk).update(minutes_year=year, minutes_number=last[year])
    for year, number in last.items():
        Sequence.objects.update_or_create(year=year, defaults={"last_number": number})


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0015_award_summary_by_body'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CouncilMinutesSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True)),
                ('last_number', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'sổ số biên bản Hội đồng',
                'verbose_name_plural': 'sổ số biên bản Hội đồng',
            },
        ),
        migrations.AddField(
            model_name='councilsession',
            name='chair',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='chủ tọa (thành viên Hội đồng)'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='chair_name',
            field=models.CharField(blank=True, max_length=150, verbose_name='chủ tọa (họ tên, nếu không phải thành viên)'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='chair_position',
            field=models.CharField(blank=True, max_length=255, verbose_name='chức vụ của chủ tọa'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='minutes_number',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='số biên bản'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='minutes_year',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='năm của sổ biên bản'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='secretary',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='thư ký (thành viên Hội đồng)'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='secretary_name',
            field=models.CharField(blank=True, max_length=150, verbose_name='thư ký (họ tên, nếu không phải thành viên)'),
        ),
        migrations.AddField(
            model_name='councilsession',
            name='secretary_position',
            field=models.CharField(blank=True, max_length=255, verbose_name='chức vụ của thư ký'),
        ),
        migrations.AddConstraint(
            model_name='councilsession',
            constraint=models.UniqueConstraint(fields=('minutes_year', 'minutes_number'), name='council_minutes_number_unique', violation_error_message='Số biên bản này đã được dùng.'),
        ),
        migrations.RunPython(number_closed_sessions, migrations.RunPython.noop),
    ]
