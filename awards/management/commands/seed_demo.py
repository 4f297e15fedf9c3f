"""``python manage.py seed_demo``: load (or refresh) the Lạng Sơn demo data."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from awards.demo import seed_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu tỉnh Lạng Sơn (đơn vị, cụm khối, phong trào, tài khoản demo); chạy lại không đổi dữ liệu."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--unit-rounds", action="store_true",
            help="Giữ để tương thích: các đợt xét của Sở GD&ĐT, xã Đề Thám và xã Hiệp Hạ năm 2019, 2020 nay luôn được "
                 "nạp.")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = seed_demo()
        for model_label, count in counts.items():
            name = str(apps.get_model(model_label)._meta.verbose_name_plural)
            self.stdout.write(f"{name[:1].upper()}{name[1:]}: {count} bản ghi mẫu.")
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu mẫu tỉnh Lạng Sơn (mật khẩu demo: thidua2021)."))
