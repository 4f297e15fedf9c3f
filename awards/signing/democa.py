"""The project's demo certificate authority (``cryptography``): "DEMO — không dùng cho văn bản thật".

It issues the demo signers' and agencies' keys as PKCS#12 files, so the demo and the tests sign with nothing but
Python. Never a trust root in production: the administrator installs the Ban Cơ yếu Chính phủ's roots instead
(``SIGNING_TRUST_ROOTS``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

DEMO_CA_NAME = "DEMO — không dùng cho văn bản thật"
CA_KEY = "demo-ca.key.pem"
CA_CERT = "demo-ca.pem"


@dataclass(frozen=True)
class Issued:
    """A key and certificate the demo CA made: the PKCS#12 file, its password, the certificate (DER)."""

    path: Path
    password: bytes
    der: bytes
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


def _name(common: str, organization: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ensure_ca(directory: Path) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """The demo CA in ``directory``, made on first use (valid 2015-2045, so backdated demo decisions verify)."""
    directory.mkdir(parents=True, exist_ok=True)
    key_path, cert_path = directory / CA_KEY, directory / CA_CERT
    if key_path.exists() and cert_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return key, x509.load_pem_x509_certificate(cert_path.read_bytes())
    key = _key()
    name = _name(DEMO_CA_NAME, "DEMO Thi đua - Khen thưởng")
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC))
        .not_valid_after(datetime.datetime(2045, 12, 31, tzinfo=datetime.UTC))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key, certificate


def issue(directory: Path, slug: str, common_name: str, organization: str = "", password: bytes = b"demo",
          not_before: datetime.datetime | None = None, not_after: datetime.datetime | None = None,
          key: rsa.RSAPrivateKey | None = None) -> Issued:
    """A signing certificate of the demo CA for ``common_name``, saved as ``<slug>.p12`` (password ``password``)."""
    ca_key, ca_cert = ensure_ca(directory)
    key = key or _key()
    not_before = not_before or datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC)
    not_after = not_after or datetime.datetime(2045, 12, 30, tzinfo=datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(_name(common_name, organization)).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    path = directory / f"{slug}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        slug.encode(), key, certificate, [ca_cert], serialization.BestAvailableEncryption(password)))
    path.chmod(0o600)
    return Issued(path, password, certificate.public_bytes(serialization.Encoding.DER), key, certificate)


def ca_pem(directory: Path) -> bytes:
    return (directory / CA_CERT).read_bytes()
