"""``manage.py backup``: the database and the media files in one archive under var/backups/
(see awards.maintenance.backup)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.maintenance import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp (tài liệu đính kèm, văn bản PDF) vào một tệp lưu trữ có mã kiểm tra."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(Path(settings.VAR_DIR) / "backups"),
                            help="thư mục ghi bản sao lưu (mặc định var/backups/)")
        parser.add_argument("--media-root", default=None, help="thư mục tệp (mặc định MEDIA_ROOT)")

    def handle(self, *args, **options):
        try:
            archive = backup.create_backup(Path(options["output_dir"]),
                                           Path(options["media_root"]) if options["media_root"] else None)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{archive} ({archive.stat().st_size} bytes)")
