"""Encrypted backups (issue 15, finding 8): `make backup` with a passphrase writes only an encrypted archive
(GnuPG, AES-256); `make restore` decrypts it and restores every row and file; a wrong or missing passphrase is
refused in Vietnamese with nothing restored; unencrypted archives still work."""

from __future__ import annotations

import io
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awards.maintenance import backup
from tests.maintenance.test_backup_restore import (  # noqa: F401  (fixtures)
    NOW,
    file_hashes,
    record,
    source_counts,
    target,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSPHRASE = "Mẫu Sơn mây trắng 2026"


def test_encrypted_round_trip_restores_every_row_and_every_file(record, target, tmp_path, monkeypatch):  # noqa: F811
    expected_rows, expected_files = source_counts(), file_hashes(record)
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "b"), stdout=out, stderr=io.StringIO())
    written = list((tmp_path / "b").iterdir())
    assert [p.name.endswith(".tar.gz.gpg") for p in written] == [True]  # no plain copy left beside it
    archive = written[0]
    assert archive.stat().st_mode & 0o777 == 0o600
    data = archive.read_bytes()
    assert not data.startswith(b"\x1f\x8b")  # not a gzip: encrypted
    with pytest.raises(tarfile.TarError):
        tarfile.open(archive).getnames()
    verified = io.StringIO()
    call_command("restore", str(archive), verify_only=True, stdout=verified)
    assert verified.getvalue().strip().endswith("OK")
    restored_media = tmp_path / "restored-media"
    call_command("restore", str(archive), database_url=target.url, media_root=str(restored_media),
                 stdout=io.StringIO())
    assert target.counts() == expected_rows
    assert file_hashes(restored_media) == expected_files


def test_wrong_passphrase_is_refused_and_nothing_restored(record, target, tmp_path, monkeypatch):  # noqa: F811
    archive = backup.create_backup(tmp_path / "b", now=NOW, passphrase=PASSPHRASE)
    assert archive.name == "tdkt-backup-20261123T220000Z.tar.gz.gpg"
    monkeypatch.setenv("BACKUP_PASSPHRASE", "sai mật khẩu")
    restored_media = tmp_path / "restored-media"
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), database_url=target.url, media_root=str(restored_media))
    assert str(refused.value) == ("Sai mật khẩu của bản sao lưu tdkt-backup-20261123T220000Z.tar.gz.gpg, hoặc tệp "
                                  "đã bị hỏng: không giải mã được; không phục hồi gì cả.")
    assert target.counts() == {}
    assert not restored_media.exists()


def test_missing_passphrase_is_refused(record, target, tmp_path, monkeypatch):  # noqa: F811
    archive = backup.create_backup(tmp_path / "b", now=NOW, passphrase=PASSPHRASE)
    monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    monkeypatch.delenv("BACKUP_PASSPHRASE_FILE", raising=False)
    with pytest.raises(CommandError, match="đã được mã hóa: cần mật khẩu"):
        call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m"))
    assert target.counts() == {}


def test_a_flipped_byte_in_the_encrypted_file_is_refused(record, target, tmp_path):  # noqa: F811
    archive = backup.create_backup(tmp_path / "b", now=NOW, passphrase=PASSPHRASE)
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    archive.write_bytes(bytes(raw))
    with pytest.raises(backup.BackupError, match="không giải mã được; không phục hồi gì cả"):
        backup.restore_archive(archive, backup.target_from_url(target.url), tmp_path / "m", passphrase=PASSPHRASE)
    assert target.counts() == {}


def test_passphrase_from_a_file(record, target, tmp_path, monkeypatch):  # noqa: F811
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setenv("BACKUP_PASSPHRASE_FILE", str(secret))
    call_command("backup", output_dir=str(tmp_path / "b"), stdout=io.StringIO())
    archive = next((tmp_path / "b").glob("*.gpg"))
    monkeypatch.delenv("BACKUP_PASSPHRASE_FILE")
    call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m"),
                 passphrase_file=str(secret), stdout=io.StringIO())
    assert target.counts() == source_counts()


def test_without_a_passphrase_the_archive_is_plain_and_says_so(record, target, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.delenv("BACKUP_PASSPHRASE", raising=False)
    monkeypatch.delenv("BACKUP_PASSPHRASE_FILE", raising=False)
    err = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "b"), stdout=io.StringIO(), stderr=err)
    assert "Bản sao lưu KHÔNG được mã hóa" in err.getvalue()
    archive = next((tmp_path / "b").glob("*.tar.gz"))
    call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m"),
                 stdout=io.StringIO())
    assert target.counts() == source_counts()
