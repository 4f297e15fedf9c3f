"""``manage.py backup``: the database and the media files in one archive under var/backups/
(see awards.maintenance.backup), encrypted with a passphrase when one is configured
(awards.maintenance.encryption: ``--passphrase-file``, ``BACKUP_PASSPHRASE_FILE`` or ``BACKUP_PASSPHRASE``);
with ``--to-storage``, or whenever ``BACKUP_BUCKET_NAME`` is set, the archive goes to ``STORAGES["backups"]``
(awards.maintenance.offsite) and no copy stays on this node's disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.maintenance import backup, encryption, offsite


class Command(BaseCommand):
    help = ("Sao lưu cơ sở dữ liệu và các tệp (tài liệu đính kèm, văn bản PDF) vào một tệp lưu trữ có mã kiểm tra; "
            "mã hóa bằng mật khẩu khi có BACKUP_PASSPHRASE, BACKUP_PASSPHRASE_FILE hoặc --passphrase-file.")

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(Path(settings.VAR_DIR) / "backups"),
                            help="thư mục ghi bản sao lưu (mặc định var/backups/)")
        parser.add_argument("--media-root", default=None, help="thư mục tệp (mặc định MEDIA_ROOT)")
        parser.add_argument("--passphrase-file", default=None, help="tệp chứa mật khẩu mã hóa (một dòng)")
        parser.add_argument("--no-encrypt", action="store_true", help="không mã hóa dù có mật khẩu")
        parser.add_argument("--to-storage", action="store_true",
                            help="ghi bản sao lưu vào nơi lưu bản sao lưu (STORAGES['backups']; mặc định khi có "
                                 "BACKUP_BUCKET_NAME), không giữ bản trên đĩa máy này")

    def handle(self, *args, **options):
        try:
            passphrase = None if options["no_encrypt"] else encryption.passphrase_from(options["passphrase_file"])
            media_root = Path(options["media_root"]) if options["media_root"] else None
            if options["to_storage"] or settings.BACKUP_BUCKET_NAME:
                with tempfile.TemporaryDirectory(prefix="tdkt-backup-out-") as work:
                    archive = backup.create_backup(Path(work), media_root, passphrase=passphrase)
                    size = archive.stat().st_size
                    name = offsite.store_archive(archive)
                where = f"{name} (STORAGES['backups'])"
            else:
                archive = backup.create_backup(Path(options["output_dir"]), media_root, passphrase=passphrase)
                where, size = str(archive), archive.stat().st_size
        except (backup.BackupError, encryption.EncryptionError) as exc:
            raise CommandError(str(exc)) from exc
        if passphrase is None:
            self.stderr.write("Bản sao lưu KHÔNG được mã hóa (chưa đặt BACKUP_PASSPHRASE hoặc BACKUP_PASSPHRASE_FILE).")
        self.stdout.write(f"{where} ({size} bytes)")
