"""``manage.py restore ARCHIVE``: decrypt an encrypted archive (``.gpg``), verify every checksum, then restore into
an empty database and the media folder. With ``--from-storage`` the archive is a name in ``STORAGES["backups"]``
(``--list-stored`` lists them), fetched into a private temporary folder first."""

from __future__ import annotations

import contextlib
import getpass
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.maintenance import backup, encryption, offsite


class Command(BaseCommand):
    help = ("Phục hồi từ một bản sao lưu: giải mã (tệp .gpg), kiểm tra mã của mọi tệp trước, rồi phục hồi vào một "
            "cơ sở dữ liệu trống và thư mục tệp.")

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="tệp tdkt-backup-*.tar.gz hoặc tdkt-backup-*.tar.gz.gpg")
        parser.add_argument("--from-storage", action="store_true",
                            help="ARCHIVE là tên một bản sao lưu ở nơi lưu bản sao lưu (STORAGES['backups'])")
        parser.add_argument("--list-stored", action="store_true", help="liệt kê các bản sao lưu ở nơi lưu")
        parser.add_argument("--database-url", default=None,
                            help="cơ sở dữ liệu đích (mặc định: DATABASE_URL của ứng dụng); phải trống")
        parser.add_argument("--media-root", default=None, help="thư mục tệp đích (mặc định MEDIA_ROOT)")
        parser.add_argument("--verify-only", action="store_true", help="chỉ kiểm tra bản sao lưu")
        parser.add_argument("--passphrase-file", default=None, help="tệp chứa mật khẩu giải mã (một dòng)")

    def _passphrase(self, archive: Path, file: str | None) -> str | None:
        if not encryption.is_encrypted(archive):
            return None
        passphrase = encryption.passphrase_from(file)
        if passphrase is None and sys.stdin.isatty():
            passphrase = getpass.getpass(f"Mật khẩu của bản sao lưu {archive.name}: ")
        return passphrase

    def handle(self, *args, **options):
        if options["list_stored"]:
            for name in offsite.stored_archives():
                self.stdout.write(name)
            return
        if not options["archive"]:
            raise CommandError("Cần tên bản sao lưu (ARCHIVE).")
        try:
            with (offsite.fetched_archive(options["archive"]) if options["from_storage"]
                  else contextlib.nullcontext(Path(options["archive"]))) as archive:
                self._restore(archive, options)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc

    def _restore(self, archive: Path, options: dict) -> None:
        try:
            passphrase = self._passphrase(archive, options["passphrase_file"])
            if options["verify_only"]:
                with backup.plain_archive(archive, passphrase) as plain:
                    manifest = backup.verify_archive(plain)
                self.stdout.write(f"{archive}: {len(manifest)} OK")
                return
            target = backup.target_from_url(options["database_url"]) if options["database_url"] else None
            result = backup.restore_archive(archive, target,
                                            Path(options["media_root"]) if options["media_root"] else None,
                                            passphrase=passphrase)
        except (backup.BackupError, encryption.EncryptionError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{archive}: {result['engine']} {result['created_at']}, {result['media_files']} media files")
