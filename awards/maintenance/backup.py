"""Backup and restore of the whole record: the database and the media files (uploaded attachments, rendered PDFs)
in one timestamped archive with a checksum manifest.

Layout of ``tdkt-backup-<UTC time>.tar.gz``::

    meta.json            engine, time, Django version, counts
    database.pgdump      PostgreSQL: pg_dump custom format (restored with pg_restore)
    database.sqlite3     SQLite: a consistent copy made with SQLite's online backup API
    media/...            every file under MEDIA_ROOT
    SHA256SUMS           sha256 of every member above, in ``sha256sum -c`` format (written last)

SQLite is copied with the backup API rather than ``dumpdata``: it is a page-exact, transactionally consistent
copy taken while the site runs, keeps every table (sessions, sequences, search columns) and loads back without
the content-type and permission clashes of ``loaddata``.

A restore verifies every checksum before it touches anything, and only restores into an empty database."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import dj_database_url
import django
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from awards.maintenance import encryption

SUMS = "SHA256SUMS"
META = "meta.json"
PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    engine: str  # "postgres" or "sqlite"
    config: dict

    @property
    def name(self) -> str:
        return str(self.config["NAME"])


def default_target() -> Target:
    config = settings.DATABASES["default"]
    return Target("postgres" if config["ENGINE"].endswith("postgresql") else "sqlite", dict(config))


def target_from_url(url: str) -> Target:
    config = dj_database_url.parse(url)
    if config["ENGINE"].endswith("postgresql"):
        return Target("postgres", config)
    if config["ENGINE"].endswith("sqlite3"):
        return Target("sqlite", config)
    raise BackupError(_("Chỉ sao lưu, phục hồi được PostgreSQL và SQLite: %(url)s") % {"url": url})


def _pg_env(config: dict) -> dict:
    env = {**os.environ, "PGDATABASE": str(config["NAME"]), "PGUSER": config.get("USER") or "postgres"}
    if config.get("HOST"):
        env["PGHOST"] = config["HOST"]
    if config.get("PORT"):
        env["PGPORT"] = str(config["PORT"])
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return env


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# --- backup ------------------------------------------------------------------------------------------------------

def create_backup(output_dir: Path, media_root: Path | None = None, now: datetime.datetime | None = None,
                  passphrase: str | None = None) -> Path:
    """Write the archive under ``output_dir`` and return its path (written to a temporary name, then renamed).
    With a passphrase the archive is encrypted (``….tar.gz.gpg``); its plain form exists only in a private
    temporary folder."""
    now = now or datetime.datetime.now(datetime.UTC)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    source = default_target()
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"tdkt-backup-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    if passphrase:
        archive = archive.with_name(archive.name + encryption.SUFFIX)
    if archive.exists():
        raise BackupError(_("Đã có bản sao lưu %(name)s.") % {"name": archive.name})
    with tempfile.TemporaryDirectory(prefix="tdkt-backup-") as work:
        work_dir = Path(work)
        if source.engine == "postgres":
            database_member = PG_DUMP
            result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(work_dir / PG_DUMP)],
                                    env=_pg_env(source.config), capture_output=True, text=True)
            if result.returncode != 0:
                raise BackupError(_("pg_dump không chạy được: %(error)s") % {"error": result.stderr.strip()})
        else:
            database_member = SQLITE_COPY
            connection.ensure_connection()
            copy = sqlite3.connect(work_dir / SQLITE_COPY)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
        media = _media_files(media_root)
        meta = {"format": 1, "created_at": now.isoformat(), "engine": source.engine, "database": source.name,
                "django": django.get_version(), "media_files": len(media)}
        (work_dir / META).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        members = [(META, work_dir / META), (database_member, work_dir / database_member)]
        members += [(f"media/{p.relative_to(media_root).as_posix()}", p) for p in media]
        sums = "".join(f"{_sha256(path)}  {name}\n" for name, path in members)
        plain = archive.with_name(archive.name.removesuffix(encryption.SUFFIX))
        partial = (work_dir / plain.name) if passphrase else plain.with_name(plain.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # personal data: owner only
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            for name, path in members:
                tar.add(path, arcname=name, recursive=False)
            info = tarfile.TarInfo(SUMS)
            data = sums.encode()
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        if passphrase:
            try:
                encryption.encrypt(partial, passphrase, archive)
            except encryption.EncryptionError as exc:
                raise BackupError(str(exc)) from exc
        else:
            partial.rename(archive)
    return archive


@contextlib.contextmanager
def plain_archive(archive: Path, passphrase: str | None = None):
    """The archive itself, or for an encrypted one (``.gpg``) its decrypted form in a private temporary folder
    (removed afterwards). A wrong passphrase raises ``BackupError`` before anything is read or restored."""
    if not encryption.is_encrypted(archive):
        yield archive
        return
    if not archive.is_file():
        raise BackupError(_("Không tìm thấy bản sao lưu %(path)s.") % {"path": archive})
    with tempfile.TemporaryDirectory(prefix="tdkt-decrypt-") as work:
        os.chmod(work, 0o700)
        try:
            plain = encryption.decrypt(archive, passphrase, Path(work))
        except encryption.EncryptionError as exc:
            raise BackupError(str(exc)) from exc
        yield plain


# --- verification ------------------------------------------------------------------------------------------------

def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def verify_archive(archive: Path) -> dict:
    """Read every member and check it against SHA256SUMS; returns the manifest {name: sha256} and meta.
    Raises ``BackupError`` naming the first problem (damaged, incomplete or altered archive)."""
    damaged = _("Bản sao lưu %(name)s bị hỏng hoặc không đầy đủ (%(why)s); không phục hồi gì cả.")
    if not archive.is_file():
        raise BackupError(_("Không tìm thấy bản sao lưu %(path)s.") % {"path": archive})
    digests: dict[str, str] = {}
    sums_text = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                if not _safe_name(member.name) or not member.isfile():
                    raise BackupError(damaged % {"name": archive.name, "why": _("tệp lạ %(m)s") % {"m": member.name}})
                handle = tar.extractfile(member)
                digest = hashlib.sha256()
                for chunk in iter(lambda h=handle: h.read(CHUNK), b""):
                    digest.update(chunk)
                if member.name == SUMS:
                    handle = tar.extractfile(member)
                    sums_text = handle.read().decode("utf-8")
                else:
                    digests[member.name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as exc:
        raise BackupError(damaged % {"name": archive.name, "why": f"{exc.__class__.__name__}: {exc}"}) from exc
    if sums_text is None:
        raise BackupError(damaged % {"name": archive.name, "why": _("thiếu %(f)s") % {"f": SUMS}})
    expected = {}
    for line in sums_text.splitlines():
        digest, _sep, name = line.partition("  ")
        expected[name] = digest
    for name, digest in sorted(expected.items()):
        if name not in digests:
            raise BackupError(damaged % {"name": archive.name, "why": _("thiếu %(f)s") % {"f": name}})
        if digests[name] != digest:
            raise BackupError(damaged % {"name": archive.name, "why": _("sai mã kiểm tra của %(f)s") % {"f": name}})
    unlisted = sorted(set(digests) - set(expected))
    if unlisted:
        raise BackupError(damaged % {"name": archive.name, "why": _("tệp không có trong danh sách: %(f)s") % {
            "f": ", ".join(unlisted)}})
    if META not in expected or (PG_DUMP not in expected and SQLITE_COPY not in expected):
        raise BackupError(damaged % {"name": archive.name, "why": _("thiếu cơ sở dữ liệu")})
    return expected


# --- restore -----------------------------------------------------------------------------------------------------

def _is_empty(target: Target) -> bool:
    if target.engine == "postgres":
        result = subprocess.run(["psql", "-qtAc", "SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_schema = 'public'"], env=_pg_env(target.config),
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(_("Không kết nối được cơ sở dữ liệu %(db)s: %(error)s") % {
                "db": target.name, "error": result.stderr.strip()})
        return result.stdout.strip() == "0"
    path = Path(target.name)
    if not path.exists() or path.stat().st_size == 0:
        return True
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0


def restore_archive(archive: Path, target: Target | None = None, media_root: Path | None = None,
                    passphrase: str | None = None) -> dict:
    """Decrypt (an encrypted archive), verify, then restore the database into the (empty) target and the files
    into ``media_root``."""
    with plain_archive(archive, passphrase) as plain:
        return _restore(plain, target, media_root)


def _restore(archive: Path, target: Target | None, media_root: Path | None) -> dict:
    target = target or default_target()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = verify_archive(archive)
    with tarfile.open(archive, mode="r:gz") as tar:
        meta = json.loads(tar.extractfile(META).read().decode("utf-8"))
    if meta["engine"] != target.engine:
        raise BackupError(_("Bản sao lưu là của %(src)s, không phục hồi vào %(dst)s được.") % {
            "src": meta["engine"], "dst": target.engine})
    if not _is_empty(target):
        raise BackupError(_("Cơ sở dữ liệu %(db)s đã có dữ liệu: chỉ phục hồi vào một cơ sở dữ liệu trống "
                            "(tạo mới rồi chạy lại).") % {"db": target.name})
    clashes = []
    for name, digest in manifest.items():
        if name.startswith("media/"):
            existing = media_root / name.removeprefix("media/")
            if existing.exists() and _sha256(existing) != digest:
                clashes.append(name.removeprefix("media/"))
    if clashes:
        raise BackupError(_("Thư mục tệp %(root)s đã có tệp khác cùng tên (%(files)s): không ghi đè.") % {
            "root": media_root, "files": ", ".join(clashes[:5])})

    with tempfile.TemporaryDirectory(prefix="tdkt-restore-") as work:
        work_dir = Path(work)
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                if member.name in (SUMS, META) or member.name.startswith("media/"):
                    continue
                with tar.extractfile(member) as src, open(work_dir / member.name, "wb") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
            if target.engine == "postgres":
                result = subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
                                         "--dbname", target.name, str(work_dir / PG_DUMP)],
                                        env=_pg_env(target.config), capture_output=True, text=True)
                if result.returncode != 0:
                    raise BackupError(_("pg_restore không chạy được: %(error)s") % {"error": result.stderr.strip()})
            else:
                Path(target.name).parent.mkdir(parents=True, exist_ok=True)
                src = sqlite3.connect(work_dir / SQLITE_COPY)
                dst = sqlite3.connect(target.name)
                try:
                    src.backup(dst)
                finally:
                    src.close()
                    dst.close()
            restored = 0
            for member in tar:
                if not member.name.startswith("media/"):
                    continue
                path = media_root / member.name.removeprefix("media/")
                path.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as src_file, open(path, "wb") as dst_file:
                    shutil.copyfileobj(src_file, dst_file, CHUNK)
                restored += 1
    return {"engine": meta["engine"], "created_at": meta["created_at"], "media_files": restored}
