"""The wording of decisions as staff-editable, effective-dated rows (DocumentWording), seeded with the wording real
decisions use; a decision rounds its bonus only when chosen (no rounding by default). The căn cứ: the two laws that
amended the Luật Thi đua, Khen thưởng 2003 (2005 and 2013) become texts of their own, and the province's Quy chế
thi đua, khen thưởng (Lạng Sơn QĐ 30/2014/QĐ-UBND) a legal document of the province's body, cited on its decisions.
Sources: docs/legal-sources.md, "Decision wording"."""

import datetime
import unicodedata

from django.db import migrations, models

WORDINGS = {
    "tinh_hinh_thuc": {
        "subject": "Về việc tặng {danh_hieu}",
        "article_one": "Tặng {danh_hieu} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể, cá nhân có tên tại Điều 1"),
    },
    "tinh_danh_hieu": {
        "subject": "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}",
        "article_one": "Công nhận danh hiệu “{danh_hieu}” năm {nam} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể, cá nhân có tên tại Điều 1"),
    },
    "tinh_co_thi_dua": {
        "subject": "Về việc tặng {danh_hieu} năm {nam}",
        "article_one": "Tặng {danh_hieu} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể có tên tại Điều 1"),
    },
    "don_vi_hinh_thuc": {
        "subject": "Về việc tặng {danh_hieu}",
        "article_one": "Tặng {danh_hieu} của {nguoi_dung_dau} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {don_vi}.",
        "executors": "{thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1",
    },
    "don_vi_danh_hieu": {
        "subject": "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}",
        "article_one": "Công nhận danh hiệu “{danh_hieu}” năm {nam} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {don_vi}.",
        "executors": "{thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1",
    },
}


WORDING_START = datetime.date(2004, 7, 1)  # the Luật Thi đua, Khen thưởng 2003 in force
LAW_2003_BASIS = "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;"
OLD_2003_BASIS = ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung "
                  "một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;")
AMENDING_LAWS = [
    {"number": "47/2005/QH11", "kind": "luat", "issuer": "Quốc hội", "issued_on": datetime.date(2005, 6, 14),
     "title": "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng",
     # In force from 27/6/2005 (16/VBHN-VPQH): corrected by migration 0031.
     "valid_from": datetime.date(2005, 6, 14), "valid_to": datetime.date(2023, 12, 31), "basis_order": 21,
     "basis_text": "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;"},
    {"number": "39/2013/QH13", "kind": "luat", "issuer": "Quốc hội", "issued_on": datetime.date(2013, 11, 16),
     "title": "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng",
     "valid_from": datetime.date(2014, 6, 1), "valid_to": datetime.date(2023, 12, 31), "basis_order": 22,
     "basis_text": ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm "
                    "2013;")},
]
PROVINCE_RULES = {
    "number": "30/2014/QĐ-UBND", "kind": "quyet_dinh", "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
    "issued_on": datetime.date(2014, 12, 30),
    "title": "Ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn",
    # In force and replacement not read: ended with the 2003 law it rests on; staff add the current Quy chế.
    "valid_from": datetime.date(2014, 12, 30), "valid_to": datetime.date(2023, 12, 31), "basis_order": 40,
    "basis_text": ("Căn cứ Quyết định số 30/2014/QĐ-UBND ngày 30 tháng 12 năm 2014 của Ủy ban nhân dân tỉnh ban "
                   "hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn;"),
}


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def forward(apps, schema_editor):
    db = schema_editor.connection.alias
    DocumentWording = apps.get_model("awards", "DocumentWording")
    LegalDocument = apps.get_model("awards", "LegalDocument")
    IssuingBody = apps.get_model("awards", "IssuingBody")
    for kind, texts in WORDINGS.items():
        DocumentWording.objects.using(db).get_or_create(
            kind=kind, valid_from=WORDING_START,
            defaults={**{key: nfc(value) for key, value in texts.items()},
                      "legal_citation": "Mẫu theo quyết định thực tế (docs/legal-sources.md)"})
    LegalDocument.objects.using(db).filter(number="15/2003/QH11", basis_text=nfc(OLD_2003_BASIS)).update(
        basis_text=nfc(LAW_2003_BASIS))
    law_2022 = LegalDocument.objects.using(db).filter(number="06/2022/QH15").first()
    for row in AMENDING_LAWS:
        LegalDocument.objects.using(db).get_or_create(
            number=row["number"], defaults={**{k: nfc(v) for k, v in row.items()}, "replaced_by": law_2022})
    province = IssuingBody.objects.using(db).filter(kind="tinh").order_by("valid_from", "pk").first()
    if province is not None:
        LegalDocument.objects.using(db).get_or_create(
            number=PROVINCE_RULES["number"],
            defaults={**{k: nfc(v) for k, v in PROVINCE_RULES.items()}, "body": province})


def backward(apps, schema_editor):
    db = schema_editor.connection.alias
    LegalDocument = apps.get_model("awards", "LegalDocument")
    LegalDocument.objects.using(db).filter(number__in=["47/2005/QH11", "39/2013/QH13", "30/2014/QĐ-UBND"]).delete()
    LegalDocument.objects.using(db).filter(number="15/2003/QH11", basis_text=nfc(LAW_2003_BASIS)).update(
        basis_text=nfc(OLD_2003_BASIS))


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0022_import_jobs'),
    ]

    operations = [
        migrations.AlterField(
            model_name='decision',
            name='rounding',
            field=models.CharField(choices=[('none', 'Không làm tròn'), ('up_1000', 'Làm tròn lên hàng nghìn đồng'), ('up_10000', 'Làm tròn lên hàng chục nghìn đồng')], default='none', max_length=10, verbose_name='làm tròn tiền thưởng'),
        ),
        migrations.CreateModel(
            name='DocumentWording',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('tinh_hinh_thuc', 'Quyết định của Chủ tịch UBND tỉnh tặng hình thức khen thưởng (Bằng khen)'), ('tinh_danh_hieu', 'Quyết định của Chủ tịch UBND tỉnh công nhận danh hiệu thi đua'), ('tinh_co_thi_dua', 'Quyết định của Chủ tịch UBND tỉnh tặng Cờ thi đua'), ('don_vi_hinh_thuc', 'Quyết định của thủ trưởng đơn vị tặng hình thức khen thưởng (Giấy khen)'), ('don_vi_danh_hieu', 'Quyết định của thủ trưởng đơn vị công nhận danh hiệu thi đua')], max_length=20, verbose_name='loại quyết định')),
                ('valid_from', models.DateField(verbose_name='áp dụng từ ngày')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='đến ngày')),
                ('subject', models.CharField(help_text='Ví dụ "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}".', max_length=300, verbose_name='trích yếu')),
                ('article_one', models.TextField(help_text='Ví dụ "Tặng {danh_hieu} {so_luong}, {ly_do} (có danh sách kèm theo)."', verbose_name='Điều 1')),
                ('proposal', models.TextField(help_text='Ví dụ "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}."', verbose_name='dòng Theo đề nghị')),
                ('executors', models.TextField(help_text='Đứng trước "chịu trách nhiệm thi hành Quyết định này", ví dụ "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1".', verbose_name='Điều thi hành: những người thi hành')),
                ('legal_citation', models.CharField(blank=True, max_length=255, verbose_name='căn cứ của cách viết')),
            ],
            options={
                'verbose_name': 'mẫu câu chữ quyết định',
                'verbose_name_plural': 'mẫu câu chữ quyết định',
                'ordering': ['kind', '-valid_from'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'valid_from'), name='document_wording_version_unique'), models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='document_wording_valid_range', violation_error_message='Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.')],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
