"""Where the keys are: four signer back-ends behind one interface.

``Backend.certificate()`` is the signing certificate (DER) and its chain; ``Backend.sign(pdf, spot, name)`` adds
one signature and returns the signed bytes. Key file and PKCS#11 token sign in the server with pyHanko's own
signers; the remote service signs a digest over HTTP (pyHanko's interrupted signing, ``pdfsign.prepare`` /
``finish``); the browser-side signer cannot be called from the server at all: its two halves run across two
requests (``awards.decisions.signing_steps``), the digest travelling through the page to the local plugin
(``protocol``)."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.sign import signers

from awards.signing import pdfsign, protocol


class BackendKind:
    KEY_FILE = "key_file"
    PKCS11 = "pkcs11"
    BROWSER = "browser"
    REMOTE = "remote"


class WrongPin(pdfsign.SigningFailed):
    """The PIN or password does not open the key. Raised after one attempt: nothing is retried, so a token that
    locks after N wrong PINs is never brought closer to locking by the product."""


class Backend:
    kind = ""

    def certificate(self) -> tuple[bytes, list[bytes]]:
        raise NotImplementedError

    def sign(self, data: bytes, spot: pdfsign.Spot, name: str) -> bytes:
        raise NotImplementedError


@dataclass
class KeyFile(Backend):
    """A PKCS#12 file (.p12/.pfx) and its password: the demo's keys, or a body's soft certificate."""

    path: Path
    password: bytes
    kind = BackendKind.KEY_FILE
    _signer: signers.SimpleSigner | None = field(default=None, repr=False)

    def _load(self) -> signers.SimpleSigner:
        if self._signer is None:
            try:
                raw = Path(self.path).read_bytes()
            except OSError as exc:
                raise pdfsign.SigningFailed(f"Không đọc được tệp khóa: {exc.strerror}.") from None
            try:
                loaded = signers.SimpleSigner.load_pkcs12_data(raw, other_certs=None, passphrase=self.password)
            except Exception:
                loaded = None
            if loaded is None:
                raise WrongPin("Mật khẩu tệp khóa không đúng (hoặc tệp không phải PKCS#12).")
            self._signer = loaded
        return self._signer

    def certificate(self) -> tuple[bytes, list[bytes]]:
        signer = self._load()
        chain = [c.dump() for c in signer.cert_registry if c.dump() != signer.signing_cert.dump()]
        return signer.signing_cert.dump(), chain

    def sign(self, data: bytes, spot: pdfsign.Spot, name: str) -> bytes:
        return pdfsign.sign(data, self._load(), spot, name)


@dataclass
class Token(Backend):
    """A PKCS#11 token (the Ban Cơ yếu's USB tokens; SoftHSM2 in tests): library, token label, key label, PIN."""

    library: str
    token_label: str
    key_label: str
    pin: str
    chain: list[bytes] = field(default_factory=list)
    kind = BackendKind.PKCS11

    def _session(self):
        import pkcs11
        from pkcs11 import exceptions as p11errors

        try:
            lib = pkcs11.lib(self.library)
            token = lib.get_token(token_label=self.token_label)
        except (p11errors.NoSuchToken, RuntimeError, OSError) as exc:
            raise pdfsign.SigningFailed(f"Không thấy thiết bị ký số (token) {self.token_label}: {exc}.") from None
        try:
            return token.open(user_pin=self.pin)
        except p11errors.PinIncorrect:
            raise WrongPin("Mã PIN không đúng. Thiết bị chưa bị khóa; kiểm tra lại mã PIN trước khi thử lần nữa "
                           "(nhập sai nhiều lần liên tiếp, thiết bị sẽ tự khóa).") from None
        except p11errors.PinLocked:
            raise pdfsign.SigningFailed("Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần.") from None

    def _signer(self, session):
        from pyhanko.sign.pkcs11 import PKCS11Signer

        return PKCS11Signer(session, cert_label=self.key_label, key_label=self.key_label,
                            other_certs_to_pull=None, bulk_fetch=False,
                            ca_chain=[asn1_x509.Certificate.load(c) for c in self.chain])

    def certificate(self) -> tuple[bytes, list[bytes]]:
        session = self._session()
        try:
            return self._signer(session).signing_cert.dump(), list(self.chain)
        finally:
            session.close()

    def sign(self, data: bytes, spot: pdfsign.Spot, name: str) -> bytes:
        session = self._session()
        try:
            return pdfsign.sign(data, self._signer(session), spot, name)
        finally:
            session.close()


@dataclass
class Remote(Backend):
    """A remote signing service (ký số từ xa) at ``url``: the account's key never leaves the service; the server
    posts the digest and embeds the returned value (``protocol`` describes the messages)."""

    url: str
    account: str
    secret: str = ""
    timeout: float = 60.0
    kind = BackendKind.REMOTE

    def _call(self, message: dict) -> dict:
        body = json.dumps({**message, "account": self.account}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.secret}"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode())
        except urllib.error.HTTPError as exc:
            raise pdfsign.SigningFailed(f"Dịch vụ ký số từ xa từ chối: HTTP {exc.code}.") from None
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise pdfsign.SigningFailed(f"Không gọi được dịch vụ ký số từ xa: {exc}.") from None
        if answer.get("error"):
            raise pdfsign.SigningFailed(f"Dịch vụ ký số từ xa báo lỗi: {answer['error']}.")
        return answer

    _certificate: tuple[bytes, list[bytes]] | None = field(default=None, repr=False)

    def certificate(self) -> tuple[bytes, list[bytes]]:
        if self._certificate is None:  # asked once per back-end
            self._certificate = protocol.read_certificate_answer(self._call(protocol.certificate_request()))
        return self._certificate

    def sign(self, data: bytes, spot: pdfsign.Spot, name: str) -> bytes:
        certificate, chain = self.certificate()
        prepared = pdfsign.prepare(data, certificate, chain, spot, name)
        answer = self._call(protocol.sign_request(prepared.to_sign, spot.field))
        return pdfsign.finish(prepared, base64.b64decode(answer["signature"]))


def backend_for(row, pin: str) -> Backend:
    """The back-end of a registered certificate (``SigningCertificate``), opened with the PIN or password the
    user typed (never stored)."""
    from django.conf import settings

    from awards.signing import registry

    if row.backend == BackendKind.KEY_FILE:
        return KeyFile(Path(row.key_path), pin.encode())
    if row.backend == BackendKind.PKCS11:
        return Token(settings.SIGNING_PKCS11_LIB, row.token_label, row.key_label, pin, registry.chain_of(row))
    if row.backend == BackendKind.REMOTE:
        return Remote(settings.SIGNING_REMOTE_URL, account=row.key_label or row.holder, secret=pin)
    raise pdfsign.SigningFailed("Chứng thư số này ký trên máy người dùng (trình ký số cục bộ), không ký từ máy chủ.")
