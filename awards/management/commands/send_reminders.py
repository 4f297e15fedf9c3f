"""The reminders due today (or on --today), each once per threshold: what Celery beat runs hourly."""

import datetime

from django.core.management.base import BaseCommand

from awards.notices import reminders


class Command(BaseCommand):
    help = "Gửi nhắc việc: hạn giải quyết hồ sơ, hạn báo cáo phong trào, phiếu Hội đồng chưa bỏ, quyết định chờ ký."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, **options):
        sent = reminders.run(options["today"])
        self.stdout.write("Nhắc việc đã gửi: " + ", ".join(f"{kind} {n}" for kind, n in sent.items()))
