"""Encrypting a backup archive with a passphrase (GnuPG, symmetric AES-256), and decrypting it for a restore.

GnuPG comes from Debian (``scripts/system-deps.sh``). ``age`` was the other candidate, but Debian's age 1.1 reads a
passphrase only from a terminal, and a nightly ``make backup`` has none. The passphrase goes to gpg through a
pipe (``--passphrase-fd 0``), never on a command line (visible in ``ps``) nor in a file of ours; gpg runs with a
throw-away home directory, so no keyring or agent is touched. gpg's integrity protection (MDC) refuses an
altered file; a wrong passphrase and a damaged file both end in one clear message, with nothing restored.

Where the passphrase comes from: ``--passphrase-file`` of the commands, else ``BACKUP_PASSPHRASE_FILE``, else
``BACKUP_PASSPHRASE``; a restore asks for it on the terminal when none is given.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

SUFFIX = ".gpg"
GPG = "gpg"


class EncryptionError(Exception):
    """Encrypting or decrypting cannot go on; the message says why."""


def passphrase_from(file: str | None = None, environ: dict | None = None) -> str | None:
    environ = os.environ if environ is None else environ
    path = file or environ.get("BACKUP_PASSPHRASE_FILE")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").strip("\r\n")
        except OSError as exc:
            raise EncryptionError(_("Không đọc được tệp mật khẩu %(path)s: %(error)s") % {
                "path": path, "error": exc.strerror}) from exc
        if not text:
            raise EncryptionError(_("Tệp mật khẩu %(path)s trống.") % {"path": path})
        return text
    return environ.get("BACKUP_PASSPHRASE") or None


def is_encrypted(archive: Path) -> bool:
    return archive.name.endswith(SUFFIX)


def _run(arguments: list[str], passphrase: str) -> subprocess.CompletedProcess:
    if shutil.which(GPG) is None:
        raise EncryptionError(_("Cần chương trình gpg (GnuPG) để mã hóa, giải mã bản sao lưu: chạy make system-deps."))
    with tempfile.TemporaryDirectory(prefix="tdkt-gpg-") as home:
        os.chmod(home, 0o700)
        return subprocess.run(
            [GPG, "--homedir", home, "--batch", "--yes", "--quiet", "--no-tty", "--pinentry-mode", "loopback",
             "--passphrase-fd", "0", *arguments],
            input=passphrase.encode("utf-8") + b"\n", capture_output=True)


def encrypt(plain: Path, passphrase: str, target: Path) -> Path:
    """Write ``target`` (owner-only, through a temporary name) and remove ``plain``; return ``target``."""
    if not passphrase:
        raise EncryptionError(_("Mật khẩu mã hóa trống."))
    partial = target.with_name(target.name + ".partial")
    result = _run(["--symmetric", "--cipher-algo", "AES256", "--s2k-mode", "3", "--s2k-digest-algo", "SHA512",
                   "--s2k-count", "65011712", "--compress-algo", "none", "--output", str(partial), str(plain)],
                  passphrase)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise EncryptionError(_("gpg không mã hóa được: %(error)s") % {
            "error": result.stderr.decode("utf-8", "replace").strip()})
    os.chmod(partial, 0o600)
    partial.rename(target)
    plain.unlink()
    return target


def decrypt(encrypted: Path, passphrase: str | None, into: Path) -> Path:
    """Decrypt into the folder ``into`` (a private temporary folder of the caller); the plain archive's path."""
    if not passphrase:
        raise EncryptionError(_("Bản sao lưu %(name)s đã được mã hóa: cần mật khẩu (biến môi trường "
                                "BACKUP_PASSPHRASE, BACKUP_PASSPHRASE_FILE hoặc --passphrase-file).") % {
            "name": encrypted.name})
    plain = into / encrypted.name.removesuffix(SUFFIX)
    result = _run(["--decrypt", "--output", str(plain), str(encrypted)], passphrase)
    if result.returncode != 0:
        plain.unlink(missing_ok=True)
        raise EncryptionError(_("Sai mật khẩu của bản sao lưu %(name)s, hoặc tệp đã bị hỏng: không giải mã được; "
                                "không phục hồi gì cả.") % {"name": encrypted.name})
    return plain
