"""Hand the outbox's pending work to the queue again (after a broker outage); the same as the periodic
``awards.core.outbox.reap_outbox`` that Celery beat runs every minute."""

from django.core.management.base import BaseCommand

from awards.core import outbox
from awards.models import DeferredStatus, DeferredTask


class Command(BaseCommand):
    help = "Đưa lại vào hàng đợi các việc chạy nền còn chờ (sau khi hàng đợi ngừng hoạt động)."

    def handle(self, *args, **options):
        handed = outbox.reap()
        left = DeferredTask.objects.filter(status=DeferredStatus.PENDING).count()
        self.stdout.write(f"Đã đưa vào hàng đợi {len(handed)} việc; còn chờ {left} việc.")
