"""The fund's rules with the articles found (docs/legal-sources.md, "Quỹ thi đua, khen thưởng", read 2026-12-07):
NĐ 91/2017/NĐ-CP Điều 65 khoản 1 is "nguồn và mức trích" of the fund (quoted by Thông tư 07/2019/TT-BVHTTDL
Điều 30 khoản 3); the 20 % share for organising and directing the campaigns is the rule of Thông tư 71/2011/TT-BTC
Điều 4 khoản 2 điểm c (under NĐ 42/2010), quoted by a provincial newspaper; its wording in NĐ 91/2017, 98/2023 and
152/2025 was not found in an official copy. The rows stay unverified; their citations now name what was found."""

from django.db import migrations

SOURCES = (
    "Đã tìm ngày 2026-12-07 (bản lưu, không có bản chính thức): (1) NĐ 91/2017/NĐ-CP Điều 65 khoản 1 quy định "
    "nguồn và mức trích quỹ (Thông tư 07/2019/TT-BVHTTDL Điều 30 khoản 3 dẫn lại, bản thuvienphapluat.vn); "
    "(2) mức \"không quá 20% trong tổng lập Quỹ thi đua, khen thưởng của từng cấp để chi cho công tác tổ chức, "
    "chỉ đạo các phong trào thi đua\" là quy định của Thông tư 71/2011/TT-BTC Điều 4 khoản 2 điểm c (hướng dẫn "
    "NĐ 42/2010/NĐ-CP), báo Ninh Thuận dẫn lại; chưa đọc được điều tương ứng của NĐ 91/2017, 98/2023, 152/2025. "
    "Mức trích tối đa (hình thành quỹ) chưa tìm được: Ban nhập khi đã đối chiếu.")
CITATIONS = {
    "2017-07-31": ("Nghị định số 91/2017/NĐ-CP ngày 31/7/2017, Điều 65 khoản 1 (nguồn và mức trích quỹ); tỷ lệ "
                   "20% theo Thông tư 71/2011/TT-BTC Điều 4 khoản 2 điểm c"),
    "2024-01-01": ("Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 (chương về quỹ thi đua, khen thưởng; số điều chưa "
                   "đối chiếu)"),
    "2025-07-01": ("Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 (chương về quỹ thi đua, khen thưởng; số điều chưa "
                   "đối chiếu)"),
}


def load(apps, schema_editor):
    FundRule = apps.get_model("awards", "FundRule")
    for valid_from, citation in CITATIONS.items():
        FundRule.objects.filter(valid_from=valid_from, verified=False).update(citation=citation, source_note=SOURCES)


class Migration(migrations.Migration):
    dependencies = [("awards", "0030_notices")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
