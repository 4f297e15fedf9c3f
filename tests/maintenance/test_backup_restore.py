"""`make backup` / `make restore` as a round trip: every table's row count and every file's sha256 come back
exactly; a damaged archive is refused with a clear message and the target is left untouched.

Runs on the database the suite runs on: SQLite restores into a temporary file, PostgreSQL into a database of its
own (created and dropped here)."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import sqlite3
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from awards.documents import services as documents
from awards.maintenance import backup
from tests.factories import issue_decision, make_draft_decision, with_board_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NOW = datetime.datetime(2026, 11, 23, 22, 0, tzinfo=datetime.UTC)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def source_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def file_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def record(unit_a, officer_a, staff, settings, tmp_path, django_capture_on_commit_callbacks):
    """Some data and files: a dossier with attachments and a published decision with its rendered PDF."""
    settings.MEDIA_ROOT = tmp_path / "media"
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(with_board_submission(decision), staff)
    with django_capture_on_commit_callbacks(execute=True):
        documents.request_document(decision, "decision")
    assert len(file_hashes(settings.MEDIA_ROOT)) >= 2
    return settings.MEDIA_ROOT


class Target:
    """An empty database to restore into: a temporary SQLite file, or a fresh PostgreSQL database."""

    def __init__(self, tmp_path: Path):
        if is_postgres():
            db = django_settings.DATABASES["default"]
            self.name = f"{db['NAME']}_restore_{uuid.uuid4().hex[:6]}"
            self.config = {**db, "NAME": self.name}
            self._psql("postgres", f'CREATE DATABASE "{self.name}"')
            host = db["HOST"] or "%2Fvar%2Frun%2Fpostgresql"
            auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
            self.url = f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{self.name}"
        else:
            self.name = str(tmp_path / "restored.sqlite3")
            self.url = f"sqlite:///{self.name}"

    def _psql(self, database: str, sql: str) -> str:
        env = backup._pg_env({**django_settings.DATABASES["default"], "NAME": database})
        return subprocess.run(["psql", "-qtAc", sql], env=env, capture_output=True, text=True, check=True).stdout

    def counts(self) -> dict[str, int]:
        if is_postgres():
            tables = self._psql(self.name, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split()
            return {t: int(self._psql(self.name, f'SELECT count(*) FROM "{t}"')) for t in sorted(tables)}
        if not Path(self.name).exists():
            return {}
        with sqlite3.connect(self.name) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                               "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}

    def drop(self):
        if is_postgres():
            self._psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}"')


@pytest.fixture
def target(tmp_path):
    made = Target(tmp_path)
    yield made
    made.drop()


def test_round_trip_restores_every_row_and_every_file(record, target, tmp_path):
    expected_rows, expected_files = source_counts(), file_hashes(record)
    assert expected_rows["awards_award"] == 1 and expected_rows["awards_decisiondocument"] == 1
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    assert archive.name == "tdkt-backup-20261123T220000Z.tar.gz"
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        sums = tar.extractfile("SHA256SUMS").read().decode()
    assert names[-1] == "SHA256SUMS"
    assert ("database.pgdump" if is_postgres() else "database.sqlite3") in names
    assert sorted(n for n in names if n.startswith("media/")) == sorted(f"media/{p}" for p in expected_files)
    assert len(sums.splitlines()) == len(names) - 1

    restored_media = tmp_path / "restored-media"
    call_command("restore", str(archive), database_url=target.url, media_root=str(restored_media))

    assert target.counts() == expected_rows
    assert file_hashes(restored_media) == expected_files


def test_backup_command_writes_under_the_output_dir(record, tmp_path):
    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "b"), stdout=out)
    archives = list((tmp_path / "b").glob("tdkt-backup-*.tar.gz"))
    assert len(archives) == 1 and out.getvalue().startswith(str(archives[0]))
    verified = io.StringIO()
    call_command("restore", str(archives[0]), verify_only=True, stdout=verified)
    assert verified.getvalue().strip().endswith("OK")


def test_truncated_archive_is_refused_and_target_untouched(record, target, tmp_path):
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    restored_media = tmp_path / "restored-media"
    with pytest.raises(CommandError, match=r"Bản sao lưu tdkt-backup-20261123T220000Z.tar.gz bị hỏng hoặc không "
                                           r"đầy đủ .*; không phục hồi gì cả\."):
        call_command("restore", str(archive), database_url=target.url, media_root=str(restored_media))
    assert target.counts() == {}
    assert not restored_media.exists()


def test_altered_file_inside_a_well_formed_archive_is_refused(record, target, tmp_path):
    """The archive opens fine but one attachment differs from its recorded checksum."""
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    altered = tmp_path / "altered.tar.gz"
    victim = None
    with tarfile.open(archive) as src, tarfile.open(altered, "w:gz") as dst:
        for member in src:
            data = src.extractfile(member).read()
            if victim is None and member.name.startswith("media/attachments/"):
                victim, data = member.name, data + b"x"
                member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    assert victim is not None
    restored_media = tmp_path / "restored-media"
    with pytest.raises(CommandError, match=f"sai mã kiểm tra của {victim}"):
        call_command("restore", str(altered), database_url=target.url, media_root=str(restored_media))
    assert target.counts() == {}
    assert not restored_media.exists()


def test_corrupted_bytes_are_refused(record, target, tmp_path):
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    raw = bytearray(gzip.decompress(archive.read_bytes()))
    raw[len(raw) // 3] ^= 0xFF  # one flipped byte somewhere in the middle of the tar stream
    archive.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(CommandError, match="bị hỏng hoặc không đầy đủ"):
        call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m"))
    assert target.counts() == {}


def test_restore_refuses_a_database_that_is_not_empty(record, target, tmp_path):
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m1"))
    before = target.counts()
    with pytest.raises(CommandError, match="đã có dữ liệu: chỉ phục hồi vào một cơ sở dữ liệu trống"):
        call_command("restore", str(archive), database_url=target.url, media_root=str(tmp_path / "m2"))
    assert target.counts() == before
    assert not (tmp_path / "m2").exists()


def test_a_symbolic_link_in_the_media_folder_is_not_followed(record, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("not part of the record")
    (record / "link.txt").symlink_to(outside)

    archive = backup.create_backup(tmp_path / "backups", now=NOW)

    with tarfile.open(archive) as tar:
        assert "media/link.txt" not in tar.getnames()
