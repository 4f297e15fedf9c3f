"""``manage.py create_api_token NAME --scopes read,write --unit CODE``: a client system of the API. The key is
printed once, alone on the last line; only its hash is stored."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from awards.api.auth import create_client
from units.models import Unit


class Command(BaseCommand):
    help = "Tạo khóa API cho một hệ thống kết nối (in khóa một lần, ở dòng cuối)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--scopes", default="read", help="read, write, citizen_id, central (phân cách dấu phẩy)")
        parser.add_argument("--unit", default="", help="mã đơn vị: hệ thống chỉ đọc, ghi đơn vị này và cấp dưới")

    def handle(self, *args, name: str, scopes: str, unit: str, **options):
        chosen = Unit.objects.filter(code=unit).first() if unit else None
        if unit and chosen is None:
            raise CommandError(f"Không có đơn vị mã {unit}.")
        try:
            client, key = create_client(name, [s.strip() for s in scopes.split(",") if s.strip()], chosen)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã tạo hệ thống {client.name} (phạm vi {client.scopes}"
                          f"{', đơn vị ' + chosen.name if chosen else ''}). Khóa chỉ hiện một lần:")
        self.stdout.write(key)
