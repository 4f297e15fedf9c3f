"""Attacks on ``restore --from-storage NAME`` (issue 21): names that climb out of the backups storage, carry NUL,
are not backups, or are longer than a local file name can be; each is refused with the Vietnamese message and
nothing is read nor written outside a private temporary folder."""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_disk(settings, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    settings.STORAGES = {**settings.STORAGES, "backups": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": str(folder)}}}
    (tmp_path / "tdkt-backup-outside.tar.gz").write_bytes(b"not a backup")
    (folder / "notes.txt").write_text("x")
    return folder


@pytest.mark.parametrize("name", [
    "../tdkt-backup-outside.tar.gz", "tdkt-backup-../../tdkt-backup-outside.tar.gz", "tdkt-backup-\x00.tar.gz",
    "tdkt-backup-..", "tdkt-backup-.", "notes.txt", "/etc/passwd", "tdkt-backup-..\\..\\tdkt-backup-outside.tar.gz",
    "tdkt-backup-" + "a" * 400 + ".tar.gz", "",
])
def test_hostile_names_are_refused(name, on_disk):
    with pytest.raises(CommandError) as excinfo:
        call_command("restore", name, "--from-storage", "--verify-only")
    assert str(excinfo.value) in (f"Không có bản sao lưu {name} ở nơi lưu bản sao lưu.", "Cần tên bản sao lưu (ARCHIVE).")


def test_a_stored_name_too_long_for_a_local_file(make_bucket, settings):
    """S3 keys run to 1024 characters, local file names to 255: the fetched copy is still written (under a short
    name keeping the endings), then checked like any other (here refused: not a backup)."""
    made = make_bucket()
    settings.STORAGES = {**settings.STORAGES, "backups": made.storage_setting()}
    name = "tdkt-backup-" + "a" * 300 + ".tar.gz"
    made.client.put_object(Bucket=made.name, Key=name, Body=b"not a backup")
    with pytest.raises(CommandError) as excinfo:
        call_command("restore", name, "--from-storage", "--verify-only")
    local = "tdkt-backup-" + hashlib.sha256(name.encode()).hexdigest()[:16] + ".tar.gz"
    assert str(excinfo.value) == (f"Bản sao lưu {local} bị hỏng hoặc không đầy đủ (ReadError: not a gzip file); không "
                                  "phục hồi gì cả.")
