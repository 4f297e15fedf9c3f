"""``manage.py backup``: the database and the media files in one archive under var/backups/
(see awards.maintenance.backup), encrypted with a passphrase when one is configured
(awards.maintenance.encryption: ``--passphrase-file``, ``BACKUP_PASSPHRASE_FILE`` or ``BACKUP_PASSPHRASE``)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.maintenance import backup, encryption


class Command(BaseCommand):
    help = ("Sao lưu cơ sở dữ liệu và các tệp (tài liệu đính kèm, văn bản PDF) vào một tệp lưu trữ có mã kiểm tra; "
            "mã hóa bằng mật khẩu khi có BACKUP_PASSPHRASE, BACKUP_PASSPHRASE_FILE hoặc --passphrase-file.")

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(Path(settings.VAR_DIR) / "backups"),
                            help="thư mục ghi bản sao lưu (mặc định var/backups/)")
        parser.add_argument("--media-root", default=None, help="thư mục tệp (mặc định MEDIA_ROOT)")
        parser.add_argument("--passphrase-file", default=None, help="tệp chứa mật khẩu mã hóa (một dòng)")
        parser.add_argument("--no-encrypt", action="store_true", help="không mã hóa dù có mật khẩu")

    def handle(self, *args, **options):
        try:
            passphrase = None if options["no_encrypt"] else encryption.passphrase_from(options["passphrase_file"])
            archive = backup.create_backup(Path(options["output_dir"]),
                                           Path(options["media_root"]) if options["media_root"] else None,
                                           passphrase=passphrase)
        except (backup.BackupError, encryption.EncryptionError) as exc:
            raise CommandError(str(exc)) from exc
        if passphrase is None:
            self.stderr.write("Bản sao lưu KHÔNG được mã hóa (chưa đặt BACKUP_PASSPHRASE hoặc BACKUP_PASSPHRASE_FILE).")
        self.stdout.write(f"{archive} ({archive.stat().st_size} bytes)")
