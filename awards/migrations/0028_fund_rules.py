"""The rules on the fund in force over the years (sources and their certainty: docs/legal-sources.md, "Quỹ thi
đua, khen thưởng"). None of the texts was read in an official copy: every row is marked unverified and carries no
formation limit (the Board enters it in the admin once the text is checked); the 20 % share for organising the
campaigns is the figure the product remembers from the successive decrees, unverified."""

import datetime

from django.db import migrations

NOTE = ("Chưa đối chiếu văn bản gốc (không tìm thấy bản chính thức trong nguồn tra cứu ngày 2026-12-07). "
        "Mức trích tối đa do Ban nhập khi đã đối chiếu.")
FORMATION = ("Quỹ thi đua, khen thưởng của mỗi cấp được hình thành từ ngân sách nhà nước hằng năm và từ đóng góp "
             "của cá nhân, tổ chức trong và ngoài nước, nguồn thu hợp pháp khác.")
RULES = [
    (datetime.date(2017, 7, 31), datetime.date(2023, 12, 31),
     "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 (chương về quỹ thi đua, khen thưởng)"),
    (datetime.date(2024, 1, 1), datetime.date(2025, 6, 30),
     "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 (chương về quỹ thi đua, khen thưởng)"),
    (datetime.date(2025, 7, 1), None,
     "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 (chương về quỹ thi đua, khen thưởng)"),
]


def load(apps, schema_editor):
    FundRule = apps.get_model("awards", "FundRule")
    for valid_from, valid_to, citation in RULES:
        FundRule.objects.update_or_create(valid_from=valid_from, defaults={
            "valid_to": valid_to, "citation": citation, "formation": FORMATION, "formation_base_label": "",
            "formation_max_percent": None, "campaign_max_percent": 20, "verified": False, "source_note": NOTE})


class Migration(migrations.Migration):
    dependencies = [("awards", "0027_fund_ledger")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
