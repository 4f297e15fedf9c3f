"""Backup archives kept through Django's storage API (issue 21): ``STORAGES["backups"]`` is a bucket of its own
when ``BACKUP_BUCKET_NAME`` is set, otherwise the folder var/backups/. A node with no disk worth keeping writes the
archive to a private temporary folder, hands it to that storage (checking the stored object's sha256 against the
file's) and deletes its copy; ``restore --from-storage NAME`` fetches it back into a private temporary folder."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils.translation import gettext as _

from awards.maintenance.backup import CHUNK, BackupError

PREFIX = "tdkt-backup-"


def backup_storage() -> Storage:
    return storages["backups"]


def _sha256(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def store_archive(archive: Path) -> str:
    """Put ``archive`` into the backups storage under its own name (never over another one) and return that name,
    after reading the stored object back and comparing its sha256 with the file's."""
    storage = backup_storage()
    if storage.exists(archive.name):
        raise BackupError(_("Nơi lưu bản sao lưu đã có tệp %(name)s: không ghi đè.") % {"name": archive.name})
    with archive.open("rb") as handle:
        local = _sha256(handle)
        handle.seek(0)
        name = storage.save(archive.name, File(handle, name=archive.name))
    with storage.open(name, "rb") as stored:
        if _sha256(stored) != local:
            storage.delete(name)
            raise BackupError(_("Bản sao lưu %(name)s lưu lên không khớp mã kiểm tra: đã xóa bản lỗi.")
                              % {"name": name})
    return name


def stored_archives() -> list[str]:
    """The archives in the backups storage, oldest first (their names carry the UTC time)."""
    try:
        _directories, files = backup_storage().listdir("")
    except FileNotFoundError:
        return []
    return sorted(name for name in files if name.startswith(PREFIX))


def _local_name(name: str) -> str:
    """``name`` as a local file name: a stored key may run to 1024 characters, a file name to 255 bytes; a long one
    becomes its prefix, a hash of it and its endings (.tar.gz, .gpg: what restore reads from the name)."""
    if len(name.encode()) <= 200:
        return name
    endings = "".join(Path(name).suffixes[-3:])[-40:]
    return f"{PREFIX}{hashlib.sha256(name.encode()).hexdigest()[:16]}{endings}"


@contextlib.contextmanager
def fetched_archive(name: str) -> Iterator[Path]:
    """The stored archive ``name`` as a file in a private temporary folder (removed afterwards)."""
    storage = backup_storage()
    if "/" in name or not name.startswith(PREFIX) or not storage.exists(name):
        raise BackupError(_("Không có bản sao lưu %(name)s ở nơi lưu bản sao lưu.") % {"name": name})
    with tempfile.TemporaryDirectory(prefix="tdkt-restore-") as work:
        path = Path(work) / _local_name(name)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, storage.open(name, "rb") as stored:
            for chunk in iter(lambda: stored.read(CHUNK), b""):
                out.write(chunk)
        yield path
