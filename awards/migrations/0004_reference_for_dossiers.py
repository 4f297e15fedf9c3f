"""Reference data for the dossier workflow: required attachments per award type, appraisal time limits
and public holidays. All of it is editable by staff in the admin.

* Required attachments follow Luật TĐKT 2022 Điều 84 k1 (domain.md 3.1): tờ trình, báo cáo thành tích and
  biên bản bình xét for danh hiệu thi đua and state honours, plus the sáng kiến/đề tài certificate for
  Chiến sĩ thi đua cấp tỉnh and toàn quốc; tờ trình and báo cáo thành tích for Bằng khen, Giấy khen and
  Kỷ niệm chương.
* Time limits [M]: 15 working days by default, 7 for đột xuất (the Lạng Sơn quy chế was not found).
* Holidays: the fixed days of Bộ luật Lao động 2019 Điều 112 and, per year, Tết Nguyên đán (the day before
  mùng 1 to mùng 4) and Giỗ Tổ Hùng Vương (10/3 âm lịch). The Government shifts days each year: staff
  adjust the table to the yearly announcement.
"""

import datetime

from django.db import migrations

BASIC = ["to_trinh", "bao_cao"]
WITH_MINUTES = ["to_trinh", "bao_cao", "bien_ban"]
WITH_INITIATIVE = ["to_trinh", "bao_cao", "bien_ban", "sang_kien"]
BY_FAMILY = {
    "danh_hieu_thi_dua": WITH_MINUTES,
    "huan_chuong": WITH_MINUTES,
    "huy_chuong": WITH_MINUTES,
    "vinh_du_nha_nuoc": WITH_MINUTES,
    "giai_thuong": WITH_MINUTES,
    "ky_niem_chuong": BASIC,
    "bang_khen": BASIC,
    "giay_khen": BASIC,
}
BY_CODE = {"chien-si-thi-dua-cap-tinh": WITH_INITIATIVE, "chien-si-thi-dua-toan-quoc": WITH_INITIATIVE}

LUNAR_NEW_YEAR = {
    2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}
HUNG_KINGS = {
    2019: (4, 14), 2020: (4, 2), 2021: (4, 21), 2022: (4, 10), 2023: (4, 29), 2024: (4, 18), 2025: (4, 7),
    2026: (4, 26), 2027: (4, 16), 2028: (4, 4), 2029: (4, 23), 2030: (4, 12),
}


def holidays():
    for year in range(2019, 2031):
        yield datetime.date(year, 1, 1), "Tết Dương lịch"
        yield datetime.date(year, 4, 30), "Ngày Chiến thắng"
        yield datetime.date(year, 5, 1), "Ngày Quốc tế lao động"
        yield datetime.date(year, 9, 2), "Quốc khánh"
        if year >= 2021:
            yield datetime.date(year, 9, 1), "Quốc khánh (ngày liền kề)"
        month, day = LUNAR_NEW_YEAR[year]
        first = datetime.date(year, month, day)
        for offset in range(-1, 4):
            yield first + datetime.timedelta(days=offset), "Tết Nguyên đán"
        month, day = HUNG_KINGS[year]
        yield datetime.date(year, month, day), "Giỗ Tổ Hùng Vương"


def load(apps, schema_editor):
    db = schema_editor.connection.alias
    AwardType = apps.get_model("awards", "AwardType")
    for award in AwardType.objects.using(db).all():
        award.required_attachments = BY_CODE.get(award.code, BY_FAMILY[award.family])
        award.save(update_fields=["required_attachments"])
    ProcessingTimeLimit = apps.get_model("awards", "ProcessingTimeLimit")
    ProcessingTimeLimit.objects.using(db).update_or_create(occasion="", defaults={"working_days": 15})
    ProcessingTimeLimit.objects.using(db).update_or_create(occasion="dot_xuat", defaults={"working_days": 7})
    Holiday = apps.get_model("awards", "Holiday")
    for date, name in holidays():
        Holiday.objects.using(db).update_or_create(date=date, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_dossiers_and_council")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
