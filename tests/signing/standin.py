"""A SoftHSM2 token for the session (SOFTHSM2_CONF in a temporary folder), holding the keys of two certificates
issued by the demo CA (the signer's, "nguoi-ky", and the agency's for the văn thư, "van-thu"); a stand-in for the
local signing plugin and for a remote signing service, both on a loopback port, signing with that token. The
browser journey (tests/e2e/test_signing_journey.py) uses the same fixtures."""

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
AGENCY_LABEL, AGENCY_HOLDER = "van-thu", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
_MADE: list[dict] = []


def softhsm_missing() -> str:
    if not shutil.which("softhsm2-util") or not Path(LIB).exists():
        return "softhsm2 is not installed (apt-get install softhsm2; scripts/system-deps.sh installs it)"
    return ""


@pytest.fixture(scope="session")
def token(tmp_path_factory, _signing_dir):
    """(library, token label, key label, PIN, certificate DER, chain, private key) of the SoftHSM2 token."""
    reason = softhsm_missing()
    if reason:  # like Chromium for the browser tests: make test installs it, so a missing token is a failure
        pytest.fail(reason)
    if _MADE:  # one token per session even when two modules register this fixture (SoftHSM2 reads its
        return _MADE[0]  # configuration once per process)
    from awards.signing import democa

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN, "--pin", PIN],
                   check=True, capture_output=True)
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.x509 import decode_x509_certificate

    keys = {}
    for number, (label, slug, holder) in enumerate([(LABEL, "token-signer", "Hồ Tiến Thiệu"),
                                                    (AGENCY_LABEL, "token-agency", AGENCY_HOLDER)], start=1):
        issued = democa.issue(Path(_signing_dir), slug, holder, "UBND tỉnh Lạng Sơn")
        key_pem = folder / "key.pem"
        key_pem.write_bytes(issued.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
        subprocess.run(["softhsm2-util", "--import", str(key_pem), "--token", TOKEN, "--label", label, "--id",
                        f"{number:02d}", "--pin", PIN], check=True, capture_output=True)
        key_pem.unlink()
        with pkcs11.lib(LIB).get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
            session.create_object({**decode_x509_certificate(issued.der), Attribute.LABEL: label,
                                   Attribute.ID: bytes([number]), Attribute.TOKEN: True})
        keys[label] = issued.der
    ca = democa.ensure_ca(Path(_signing_dir))[1].public_bytes(serialization.Encoding.DER)
    _MADE.append({"library": LIB, "token": TOKEN, "label": LABEL, "pin": PIN, "der": keys[LABEL], "chain": [ca],
                  "keys": keys})
    return _MADE[0]


def token_sign_hash(token: dict, digest: bytes, label: str = LABEL) -> bytes:
    """What a local plugin or a remote service does with the hash: RSA PKCS#1 v1.5 on the token."""
    import pkcs11
    from pkcs11 import KeyType, Mechanism, ObjectClass

    from awards.signing import protocol

    with pkcs11.lib(token["library"]).get_token(token_label=token["token"]).open(user_pin=token["pin"]) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, key_type=KeyType.RSA, label=label)
        return key.sign(protocol.digest_info(digest), mechanism=Mechanism.RSA_PKCS)


@pytest.fixture
def stand_in_signer(token):
    """A stand-in for the local plugin / remote service: the protocol of awards.signing.protocol on a loopback
    port, signing with the SoftHSM2 token. Yields the server; ``calls`` lists the actions received, ``key`` is the
    label of the token's key it uses (the signer's unless a test sets it, as a user picks a certificate)."""
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
                self._send(protocol.certificate_answer(token["keys"][server.key], token["chain"]))
            elif message["action"] == "sign_hash":
                value = token_sign_hash(token, base64.b64decode(message["hash"]), server.key)
                self._send({"signature": base64.b64encode(value).decode()})
            else:
                self._send({"error": "unknown action"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.calls = calls
    server.key = LABEL
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def stand_in_tsa(_signing_dir):
    """An RFC 3161 time-stamp authority on a loopback port (pyHanko's DummyTimeStamper behind HTTP), its
    certificate issued by the demo CA for time stamping. Yields its URL."""
    import datetime

    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    from awards.signing import democa

    ca_key, ca_cert = democa.ensure_ca(Path(_signing_dir))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "DEMO TSA")]))
            .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC))
            .not_valid_after(datetime.datetime(2045, 1, 1, tzinfo=datetime.UTC))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(ca_key, hashes.SHA256()))
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))
    requests: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            query = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(query).dump()
            requests.append(len(body))
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.requests = requests
    yield server
    server.shutdown()
    server.server_close()
