"""Deciding bodies at every level (issue 13): ``IssuingBody`` and the effective-dated ``DecidingPower`` table;
decisions, signers, number series, awards and legal documents get a body (nullable here; the province body is
created and every existing row pointed at it in 0012, and the body becomes required in 0013)."""

import django.db.models.deletion
from django.db import migrations, models

AUTHORITY_CHOICES = [
    ("chu_tich_nuoc", "Chủ tịch nước"),
    ("thu_tuong", "Thủ tướng Chính phủ"),
    ("bo_nganh", "Bộ, ban, ngành, cơ quan Trung ương"),
    ("chu_tich_ubnd_tinh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("chu_tich_ubnd_huyen", "Chủ tịch Ủy ban nhân dân cấp huyện"),
    ("chu_tich_ubnd_xa", "Chủ tịch Ủy ban nhân dân cấp xã"),
    ("thu_truong_don_vi", "Thủ trưởng cơ quan, đơn vị, doanh nghiệp"),
]
BODY_KIND_CHOICES = [
    ("tinh", "Tỉnh (Chủ tịch UBND tỉnh)"),
    ("so_ban_nganh", "Sở, ban, ngành"),
    ("huyen", "Huyện, thành phố (đến 30/6/2025)"),
    ("xa_phuong", "Xã, phường"),
    ("su_nghiep", "Đơn vị sự nghiệp"),
    ("doanh_nghiep", "Doanh nghiệp"),
]


def body_field(null=True, **kwargs):
    return models.ForeignKey(null=null, on_delete=django.db.models.deletion.PROTECT, to="awards.issuingbody",
                             **kwargs)


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0010_load_eligibility_rules"),
        ("units", "0005_cluster_year_history"),
    ]

    operations = [
        migrations.CreateModel(
            name="IssuingBody",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=BODY_KIND_CHOICES, max_length=20,
                                          verbose_name="loại cơ quan ban hành")),
                ("head_title", models.CharField(help_text='Như người ta vẫn viết: "Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch UBND xã Đề Thám".', max_length=200, verbose_name="chức danh người đứng đầu")),
                ("short_head_title", models.CharField(blank=True, help_text='Dùng trong dòng "Kèm theo Quyết định số … của …" và trên cổng thông tin, ví dụ "Chủ tịch UBND tỉnh"; để trống thì dùng chức danh đầy đủ.', max_length=200, verbose_name="chức danh viết gọn")),
                ("signature_title", models.CharField(help_text='Ví dụ "GIÁM ĐỐC", "CHỦ TỊCH", "HIỆU TRƯỞNG".', max_length=100, verbose_name="chức danh ký")),
                ("deputy_title", models.CharField(help_text='Ví dụ "PHÓ GIÁM ĐỐC": in dưới dòng "KT. GIÁM ĐỐC".', max_length=100, verbose_name="chức danh cấp phó ký thay")),
                ("parent_name", models.CharField(blank=True, help_text='Dòng trên cùng, chữ in hoa không đậm, ví dụ "UBND TỈNH LẠNG SƠN". Để trống khi không có (Ủy ban nhân dân các cấp).', max_length=120, verbose_name="tên cơ quan chủ quản")),
                ("issuer_name", models.CharField(help_text='Chữ in hoa đậm; xuống dòng bằng dấu "/", ví dụ "ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN" hoặc "SỞ GIÁO DỤC VÀ ĐÀO TẠO".', max_length=200, verbose_name="tên cơ quan ban hành")),
                ("authority_line", models.CharField(help_text='In trên phần căn cứ, ví dụ "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO".', max_length=200, verbose_name="dòng thẩm quyền ban hành")),
                ("symbol", models.CharField(help_text='Ví dụ "QĐ-SGDĐT"; "QĐ-UBND" cho Ủy ban nhân dân các cấp.', max_length=30, verbose_name="ký hiệu quyết định")),
                ("place", models.CharField(help_text='Dòng "Lạng Sơn, ngày … tháng … năm …".', max_length=60, verbose_name="địa danh")),
                ("fund_name", models.CharField(help_text='Ví dụ "Quỹ Thi đua, khen thưởng tỉnh"; in trong điều khoản tiền thưởng.', max_length=200, verbose_name="quỹ chi tiền thưởng")),
                ("valid_from", models.DateField(verbose_name="ban hành quyết định từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="đến ngày")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("unit", models.ForeignKey(blank=True, help_text="Bắt buộc, trừ Chủ tịch UBND tỉnh khi cây đơn vị "
                                                                  "chưa có nút của tỉnh.",
                                           null=True, on_delete=django.db.models.deletion.PROTECT,
                                           related_name="issuing_bodies", to="units.unit", verbose_name="đơn vị")),
            ],
            options={
                "verbose_name": "cơ quan ban hành quyết định",
                "verbose_name_plural": "cơ quan ban hành quyết định",
                "ordering": ["kind", "head_title", "-valid_from"],
                "constraints": [
                    models.UniqueConstraint(fields=("unit", "valid_from"), name="issuing_body_unit_version_unique"),
                    models.CheckConstraint(
                        condition=models.Q(("valid_to__isnull", True), ("valid_to__gte", models.F("valid_from")),
                                           _connector="OR"),
                        name="issuing_body_valid_range",
                        violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
                    models.CheckConstraint(
                        condition=models.Q(("kind", "tinh"), ("unit__isnull", False), _connector="OR"),
                        name="issuing_body_has_unit", violation_error_message="Chọn đơn vị của cơ quan ban hành."),
                ],
            },
        ),
        migrations.CreateModel(
            name="DecidingPower",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("award_code", models.SlugField(max_length=80, verbose_name="mã danh hiệu, hình thức")),
                ("body_kind", models.CharField(choices=BODY_KIND_CHOICES, max_length=20,
                                               verbose_name="loại cơ quan ban hành")),
                ("valid_from", models.DateField(verbose_name="từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="đến ngày")),
                ("legal_citation", models.CharField(max_length=255, verbose_name="căn cứ pháp lý")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
            ],
            options={
                "verbose_name": "thẩm quyền quyết định khen thưởng",
                "verbose_name_plural": "thẩm quyền quyết định khen thưởng",
                "ordering": ["award_code", "body_kind", "valid_from"],
                "constraints": [
                    models.UniqueConstraint(fields=("award_code", "body_kind", "valid_from"),
                                            name="deciding_power_unique"),
                    models.CheckConstraint(
                        condition=models.Q(("valid_to__isnull", True), ("valid_to__gte", models.F("valid_from")),
                                           _connector="OR"),
                        name="deciding_power_valid_range",
                        violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
                ],
            },
        ),
        # The authority choices gain the Chủ tịch UBND cấp huyện (until 30/6/2025).
        migrations.AlterField(model_name="award", name="authority",
                              field=models.CharField(choices=AUTHORITY_CHOICES, max_length=30)),
        migrations.AlterField(model_name="awardtype", name="authority",
                              field=models.CharField(choices=AUTHORITY_CHOICES, max_length=30,
                                                     verbose_name="thẩm quyền quyết định")),
        migrations.AlterField(model_name="decision", name="authority",
                              field=models.CharField(choices=AUTHORITY_CHOICES, default="chu_tich_ubnd_tinh",
                                                     max_length=30, verbose_name="thẩm quyền")),
        migrations.AlterField(model_name="dossier", name="authority",
                              field=models.CharField(choices=AUTHORITY_CHOICES, default="chu_tich_ubnd_tinh",
                                                     help_text="Hồ sơ trình ai quyết định; chỉ chọn được danh hiệu, "
                                                               "hình thức thuộc thẩm quyền này.",
                                                     max_length=30, verbose_name="cấp quyết định")),
        migrations.AlterField(model_name="signer", name="capacity",
                              field=models.CharField(choices=[
                                  ("chu_tich", "Người đứng đầu ký (CHỦ TỊCH, GIÁM ĐỐC...)"),
                                  ("kt_chu_tich", "Cấp phó ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH...)")],
                                  max_length=20, verbose_name="thẩm quyền ký")),
        # What a decision copies from its body, besides the fields it already had (province defaults).
        migrations.AddField(model_name="decision", name="parent_line",
                            field=models.CharField(blank=True, max_length=120, verbose_name="cơ quan chủ quản")),
        migrations.AddField(model_name="decision", name="signature_title",
                            field=models.CharField(default="CHỦ TỊCH", max_length=100, verbose_name="chức danh ký")),
        migrations.AddField(model_name="decision", name="deputy_title",
                            field=models.CharField(default="PHÓ CHỦ TỊCH", max_length=100,
                                                   verbose_name="chức danh cấp phó ký thay")),
        migrations.AddField(model_name="decision", name="fund_name",
                            field=models.CharField(default="Quỹ Thi đua, khen thưởng tỉnh", max_length=200,
                                                   verbose_name="quỹ chi tiền thưởng")),
        # The body of every row that has one; required from 0013 where the model requires it.
        migrations.AddField(model_name="decision", name="body",
                            field=body_field(related_name="decisions", verbose_name="cơ quan ban hành")),
        migrations.AddField(model_name="signer", name="body",
                            field=body_field(related_name="signers", verbose_name="ký quyết định của")),
        migrations.AddField(model_name="numbersequence", name="body",
                            field=body_field(related_name="number_sequences", verbose_name="cơ quan ban hành")),
        migrations.AddField(model_name="award", name="body",
                            field=body_field(blank=True, related_name="awards", verbose_name="cơ quan ban hành",
                                             help_text="Cơ quan đã ra quyết định trong phần mềm; trống với khen "
                                                       "thưởng của cấp trên và khen thưởng nhập từ hồ sơ lưu trữ.")),
        migrations.AddField(model_name="legaldocument", name="body",
                            field=body_field(blank=True, related_name="legal_documents",
                                             verbose_name="văn bản riêng của cơ quan ban hành",
                                             help_text="Để trống: văn bản của Trung ương hoặc của tỉnh, làm căn cứ "
                                                       "cho quyết định của tỉnh. Chọn một cơ quan cho văn bản riêng "
                                                       "của cơ quan đó, ví dụ Quy chế thi đua, khen thưởng của Sở.")),
    ]
