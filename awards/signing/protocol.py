"""The messages exchanged with a signer the server cannot reach: the local signing plugin on the user's PC
(browser-side signing) and a remote signing service. One protocol, kept here and nowhere else.

Vietnamese agencies sign in the browser through a local signing service installed with the token's driver
(the Ban Cơ yếu's "VGCA Sign Service" and similar plugins): the page talks to a service on the user's own PC,
which asks for the token's PIN itself, so neither the PIN nor the key reaches the server. The product speaks a
small JSON protocol of that kind; ``static/js/signing.js`` is the adapter that carries it, and an agency whose
plugin speaks another dialect replaces that adapter's two calls, nothing else.

Transport: JSON over HTTP POST to the plugin's address (``SIGNING_PLUGIN_URL``, default
``http://127.0.0.1:8987/``) or to the remote service (``SIGNING_REMOTE_URL``). Binary values are base64.

1. ``{"action": "certificate"}`` -> ``{"certificate": <DER>, "chain": [<DER>, ...]}``: the certificate on the
   token (the server checks it against the signers table before preparing anything).
2. ``{"action": "sign_hash", "algorithm": "sha256", "hash": <32 bytes>, "field": "ChuKyNguoiKy"}`` ->
   ``{"signature": <RSA PKCS#1 v1.5 signature of the hash>}``. ``hash`` is the SHA-256 of the CMS signed
   attributes pyHanko prepared (which hold the digest of the PDF's byte ranges), so the signer signs exactly
   what a detached PAdES signature covers.
Errors: ``{"error": "<message>"}`` (wrong PIN, user cancelled, no token)."""

from __future__ import annotations

import base64

from asn1crypto import algos, core

DEFAULT_PLUGIN_URL = "http://127.0.0.1:8987/"
SHA256 = "sha256"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def certificate_request() -> dict:
    return {"action": "certificate"}


def certificate_answer(certificate: bytes, chain: list[bytes]) -> dict:
    return {"certificate": _b64(certificate), "chain": [_b64(c) for c in chain]}


def read_certificate_answer(answer: dict) -> tuple[bytes, list[bytes]]:
    try:
        return base64.b64decode(answer["certificate"]), [base64.b64decode(c) for c in answer.get("chain", [])]
    except (KeyError, ValueError, TypeError):
        raise ValueError("Trình ký số không trả về chứng thư số.") from None


def sign_request(digest: bytes, field: str) -> dict:
    return {"action": "sign_hash", "algorithm": SHA256, "hash": _b64(digest), "field": field}


def digest_info(digest: bytes) -> bytes:
    """The DER DigestInfo a raw RSA PKCS#1 v1.5 signature of a SHA-256 hash wraps (for CKM_RSA_PKCS)."""
    return algos.DigestInfo({"digest_algorithm": {"algorithm": SHA256}, "digest": core.OctetString(digest)}).dump()
