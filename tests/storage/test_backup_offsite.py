"""Backup archives through Django's storage API (issue 21): with BACKUP_BUCKET_NAME the archive of `make backup`
goes to a bucket of its own on the real S3 server of these tests (moto) and no copy stays on the node's disk;
`restore --from-storage` takes it back into an empty database and an empty files bucket."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awards.maintenance import offsite
from awards.maintenance.backup import BackupError
from tests.maintenance.test_backup_restore import source_counts, target  # noqa: F401 (target: a fixture)
from tests.storage.test_s3_storage import record  # noqa: F401 (the fixture: a decision's files in the bucket)

BASE_DIR = Path(__file__).resolve().parents[2]


def backups_setting(var_dir: Path, env: dict) -> dict:
    code = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES['backups']))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "BACKUP_"))}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], cwd=BASE_DIR,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", "VAR_DIR": str(var_dir), **env},
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_backups_go_to_var_backups_by_default_and_to_their_own_bucket_with_backup_bucket_name(tmp_path):
    assert backups_setting(tmp_path, {}) == {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                             "OPTIONS": {"location": f"{tmp_path}/backups"}}
    setting = backups_setting(tmp_path, {"BACKUP_BUCKET_NAME": "tdkt-backups", "AWS_STORAGE_BUCKET_NAME": "tdkt-files",
                               "AWS_S3_ENDPOINT_URL": "http://10.0.0.5:9000", "AWS_ACCESS_KEY_ID": "AK",
                               "AWS_SECRET_ACCESS_KEY": "SK"})
    assert setting["BACKEND"] == "storages.backends.s3.S3Storage"
    assert {k: setting["OPTIONS"][k] for k in ("bucket_name", "endpoint_url", "access_key", "default_acl",
                                               "file_overwrite")} == {
        "bucket_name": "tdkt-backups", "endpoint_url": "http://10.0.0.5:9000", "access_key": "AK",
        "default_acl": "private", "file_overwrite": False}


@pytest.fixture
def backups(make_bucket, settings):
    made = make_bucket()
    settings.BACKUP_BUCKET_NAME = made.name
    settings.STORAGES = {**settings.STORAGES, "backups": made.storage_setting()}
    return made


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_goes_to_the_backups_bucket_and_restores_from_it_into_an_empty_database_and_bucket(
        record, backups, target, make_bucket, settings, tmp_path):  # noqa: F811 (fixtures imported above)
    objects, rows = record.objects(), source_counts()
    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "node-disk"), no_encrypt=True, stdout=out, stderr=io.StringIO())

    stored = backups.objects()
    assert len(stored) == 1
    [(name, data)] = stored.items()
    assert name.startswith("tdkt-backup-") and name.endswith(".tar.gz")
    assert out.getvalue() == f"{name} (STORAGES['backups']) ({len(data)} bytes)\n"
    assert not (tmp_path / "node-disk").exists()  # nothing left on the node's disk
    assert record.objects() == objects  # the files' bucket holds no archive
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        sums = dict(reversed(line.split("  ")) for line in tar.extractfile("SHA256SUMS").read().decode().splitlines())
    assert {n: d for n, d in sums.items() if n.startswith("media/")} == {
        f"media/{key}": hashlib.sha256(body).hexdigest() for key, body in objects.items()}

    listed = io.StringIO()
    call_command("restore", list_stored=True, stdout=listed)
    assert listed.getvalue() == f"{name}\n"

    fresh = make_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": fresh.storage_setting()}
    restored = io.StringIO()
    call_command("restore", name, from_storage=True, database_url=target.url, stdout=restored)
    assert fresh.objects() == objects
    assert target.counts() == rows
    assert restored.getvalue().endswith(f", {len(objects)} media files\n")


def test_an_archive_of_the_same_name_is_never_overwritten(backups, tmp_path):
    archive = tmp_path / "tdkt-backup-20261207T010203Z.tar.gz"
    archive.write_bytes(b"new archive")
    backups.client.put_object(Bucket=backups.name, Key=archive.name, Body=b"older archive")

    with pytest.raises(BackupError) as refused:
        offsite.store_archive(archive)

    assert str(refused.value) == ("Nơi lưu bản sao lưu đã có tệp tdkt-backup-20261207T010203Z.tar.gz: "
                                  "không ghi đè.")
    assert backups.objects() == {archive.name: b"older archive"}


@pytest.mark.parametrize("name", ["tdkt-backup-19990101T000000Z.tar.gz", "../tdkt-backup-x.tar.gz", "db.sqlite3"])
def test_restore_from_storage_names_only_an_archive_that_is_there(backups, name):
    with pytest.raises(CommandError) as refused:
        call_command("restore", name, from_storage=True)
    assert str(refused.value) == f"Không có bản sao lưu {name} ở nơi lưu bản sao lưu."
