"""``manage.py restore ARCHIVE``: verify every checksum, then restore into an empty database and the media folder."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.maintenance import backup


class Command(BaseCommand):
    help = ("Phục hồi từ một bản sao lưu: kiểm tra mã của mọi tệp trước, rồi phục hồi vào một cơ sở dữ liệu trống "
            "và thư mục tệp.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp tdkt-backup-*.tar.gz")
        parser.add_argument("--database-url", default=None,
                            help="cơ sở dữ liệu đích (mặc định: DATABASE_URL của ứng dụng); phải trống")
        parser.add_argument("--media-root", default=None, help="thư mục tệp đích (mặc định MEDIA_ROOT)")
        parser.add_argument("--verify-only", action="store_true", help="chỉ kiểm tra bản sao lưu")

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        try:
            if options["verify_only"]:
                manifest = backup.verify_archive(archive)
                self.stdout.write(f"{archive}: {len(manifest)} OK")
                return
            target = backup.target_from_url(options["database_url"]) if options["database_url"] else None
            result = backup.restore_archive(archive, target,
                                            Path(options["media_root"]) if options["media_root"] else None)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{archive}: {result['engine']} {result['created_at']}, {result['media_files']} media files")
