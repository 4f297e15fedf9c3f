"""A SoftHSM2 token for the session (SOFTHSM2_CONF in a temporary folder), holding the key of a certificate
issued by the demo CA; a stand-in for the local signing plugin and for a remote signing service, both on a
loopback port, signing with that token."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

LIB = "/usr/lib/softhsm/libsofthsm2.so"
PIN, SO_PIN, TOKEN, LABEL = "111111", "222222", "tdkt-test", "nguoi-ky"


def softhsm_missing() -> str:
    if not shutil.which("softhsm2-util") or not Path(LIB).exists():
        return "softhsm2 is not installed (apt-get install softhsm2; scripts/system-deps.sh installs it)"
    return ""


@pytest.fixture(scope="session")
def token(tmp_path_factory, _signing_dir):
    """(library, token label, key label, PIN, certificate DER, chain, private key) of the SoftHSM2 token."""
    reason = softhsm_missing()
    if reason:
        pytest.skip(reason)
    from awards.signing import democa

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN, "--pin", PIN],
                   check=True, capture_output=True)
    issued = democa.issue(Path(_signing_dir), "token-signer", "Hồ Tiến Thiệu", "UBND tỉnh Lạng Sơn")
    key_pem = folder / "key.pem"
    key_pem.write_bytes(issued.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(key_pem), "--token", TOKEN, "--label", LABEL, "--id", "01",
                    "--pin", PIN], check=True, capture_output=True)
    key_pem.unlink()
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.x509 import decode_x509_certificate

    with pkcs11.lib(LIB).get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
        session.create_object({**decode_x509_certificate(issued.der), Attribute.LABEL: LABEL, Attribute.ID: b"\x01",
                               Attribute.TOKEN: True})
    ca = democa.ensure_ca(Path(_signing_dir))[1].public_bytes(serialization.Encoding.DER)
    return {"library": LIB, "token": TOKEN, "label": LABEL, "pin": PIN, "der": issued.der, "chain": [ca]}


def token_sign_hash(token: dict, digest: bytes) -> bytes:
    """What a local plugin or a remote service does with the hash: RSA PKCS#1 v1.5 on the token."""
    import pkcs11
    from pkcs11 import KeyType, Mechanism, ObjectClass

    from awards.signing import protocol

    with pkcs11.lib(token["library"]).get_token(token_label=token["token"]).open(user_pin=token["pin"]) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, key_type=KeyType.RSA, label=token["label"])
        return key.sign(protocol.digest_info(digest), mechanism=Mechanism.RSA_PKCS)


@pytest.fixture
def stand_in_signer(token):
    """A stand-in for the local plugin / remote service: the protocol of awards.signing.protocol on a loopback
    port, signing with the SoftHSM2 token. Yields its URL; ``calls`` lists the actions received."""
    from awards.signing import protocol

    calls: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, answer: dict) -> None:
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self):
            self._send({})

        def do_POST(self):
            message = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            calls.append(message["action"])
            if message["action"] == "certificate":
                self._send(protocol.certificate_answer(token["der"], token["chain"]))
            elif message["action"] == "sign_hash":
                value = token_sign_hash(token, base64.b64decode(message["hash"]))
                self._send({"signature": base64.b64encode(value).decode()})
            else:
                self._send({"error": "unknown action"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.calls = calls
    yield server
    server.shutdown()
    server.server_close()
