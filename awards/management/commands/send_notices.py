"""E-mail the pending notices (the outbox): per-event ones, and with --digest the day's digests too."""

from django.core.management.base import BaseCommand

from awards.notices.delivery import deliver


class Command(BaseCommand):
    help = "Gửi thư điện tử của các thông báo đang chờ (--digest: gửi cả thư tóm tắt trong ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true")

    def handle(self, *args, **options):
        outcome = deliver(digest=options["digest"])
        self.stdout.write(f"Đã gửi {outcome.messages} thư cho {outcome.sent} thông báo; {outcome.skipped} thông báo "
                          f"không gửi thư (người nhận chọn không nhận hoặc chưa có địa chỉ)"
                          + ("; máy chủ thư lỗi, phần còn lại chờ lần sau." if outcome.failed else "."))
