"""Signing a rendered PDF with pyHanko (PAdES B-B; B-T when a time-stamp authority is configured).

Each signature is an incremental update: the bytes signed before are never rewritten, so the signer's signature
stays intact under the văn thư's. Where the visible signatures go is read from the PDF itself: the decision's
template marks the signature block (``id="sig-signer"``) and the annex (``id="sig-annex"``), and WeasyPrint
writes those ids as named destinations (page and top-left point).

Two ways to sign, with the same fields and stamps:
- ``sign``: the key is reachable from the server (key file, PKCS#11 token): pyHanko's ``PdfSigner``;
- ``prepare`` / ``finish``: pyHanko's interrupted signing (``PdfTBSDocument``) for keys the server cannot reach
  (the user's token through a local signing plugin, a remote signing service): the server keeps the prepared
  file and the signed attributes, hands out the SHA-256 digest to be signed, and embeds the returned value."""

from __future__ import annotations

import asyncio
import hashlib
import io
from dataclasses import dataclass

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.utils import timezone
from pyhanko.pdf_utils import images
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.signers.pdf_signer import PdfTBSDocument, PreparedByteRangeDigest
from pyhanko.stamp import StaticStampStyle, TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from awards.signing import images as pictures
from awards.signing.stampfont import ThousandthsFactory

MM = 72 / 25.4
FIELD_SIGNER = "ChuKyNguoiKy"
FIELD_AGENCY = "ChuKyCoQuan"
FIELD_CERTIFICATES = "ChuKyBang"
SIGNER_BOX_MM = (60.0, 26.0)   # the blank of the signature block
SEAL_MM = 34.0                 # a round seal, about 34 mm across (NĐ 99/2016: con dấu tròn 32-36 mm)
ATTACHMENT_BOX_MM = (62.0, 11.0)  # the text of a signature on a file sent with the document
FONT = settings.BASE_DIR / "static" / "fonts" / "LiberationSerif-Regular.ttf"  # metrics of Times New Roman


class SigningFailed(Exception):
    """A signature could not be made or placed; the message is shown to the user."""


@dataclass(frozen=True)
class Spot:
    """One visible signature: the field, its page (0-based), its box in PDF points, its picture (or, for a file
    sent with the document, its text instead), and the words of its signature dictionary."""

    field: str
    page: int
    box: tuple[float, float, float, float]
    picture: object
    reason: str
    location: str
    opacity: float = 1.0
    text: str = ""


def _pages(reader: PdfFileReader) -> list:
    out: list = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
        else:
            out.append(node)

    walk(reader.root["/Pages"])
    return out


def _dest_names(node) -> list:
    node = node.get_object() if hasattr(node, "get_object") else node
    names = list(node.get("/Names", []))
    for kid in node.get("/Kids", []):
        names.extend(_dest_names(kid))
    return names


def anchors(data: bytes) -> dict[str, tuple[int, float, float, float, float]]:
    """Named destinations of the PDF: id -> (page index, x, y of the top left point, page width, page height)."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    names = reader.root.get("/Names")
    if not names or "/Dests" not in names:
        return {}
    pages = _pages(reader)
    index = {id(page): number for number, page in enumerate(pages)}
    flat = _dest_names(names["/Dests"])
    found: dict[str, tuple[int, float, float, float, float]] = {}
    for name, dest in zip(flat[::2], flat[1::2], strict=False):
        dest = dest.get_object() if hasattr(dest, "get_object") else dest
        page = dest[0].get_object()
        number = index.get(id(page))
        if number is None:
            number = next((n for n, p in enumerate(pages) if p == page), 0)
        box = [float(v) for v in pages[number]["/MediaBox"]]
        found[str(name)] = (number, float(dest[2] or 0), float(dest[3] or 0), box[2] - box[0], box[3] - box[1])
    return found


def _marked(data: bytes, name: str) -> tuple[int, float, float, float, float]:
    found = anchors(data).get(name)
    if found is None:
        raise SigningFailed(f"Tệp không có vị trí chữ ký ({name}).")
    return found


def signer_spot(data: bytes, full_name: str, location: str) -> Spot:
    """The signer's image, blue, in the blank of the signature block."""
    page, x, top, _w, _h = _marked(data, "sig-signer")
    width, height = SIGNER_BOX_MM[0] * MM, SIGNER_BOX_MM[1] * MM
    left = x - (width - 50 * MM) / 2 if x else x
    return Spot(FIELD_SIGNER, page, (left, top - height, left + width, top), pictures.signer_image(full_name),
                "Người có thẩm quyền ký", location)


def agency_spot(data: bytes, agency: str, location: str) -> Spot:
    """The agency's red seal, its right third over the left third of the signer's image."""
    page, x, top, _w, _h = _marked(data, "sig-signer")
    width = SIGNER_BOX_MM[0] * MM
    left = x - (width - 50 * MM) / 2
    seal = SEAL_MM * MM
    right = left + width / 3
    middle = top - SIGNER_BOX_MM[1] * MM / 2
    return Spot(FIELD_AGENCY, page, (right - seal, middle - seal / 2, right, middle + seal / 2),
                pictures.seal_image(agency), "Văn thư phát hành (ký số của cơ quan, tổ chức)", location, 0.85)


def attachment_spot(data: bytes, code: str, location: str) -> Spot:
    """The agency's signature on a file sent with the document (NĐ 30/2020 Phụ lục I Phần I mục III khoản 1
    điểm d: a file of its own): top right of the first page, no image, the document's number and symbol and the
    signing time (ISO 8601, Vietnam's time zone) in Times New Roman 10, black."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    box = [float(v) for v in _pages(reader)[0]["/MediaBox"]]
    width, height = ATTACHMENT_BOX_MM[0] * MM, ATTACHMENT_BOX_MM[1] * MM
    right, top = box[2] - 16 * MM, box[3] - 14 * MM
    at = timezone.localtime().isoformat(timespec="seconds")
    return Spot(FIELD_CERTIFICATES, 0, (right - width, top - height, right, top), None,
                "Văn thư ký số tệp kèm theo văn bản", location, text=f"{code}\n{at}")


def _style(spot: Spot) -> StaticStampStyle | TextStampStyle:
    if spot.text:
        return TextStampStyle(stamp_text=spot.text, border_width=0, background=None,
                              text_box_style=TextBoxStyle(font=ThousandthsFactory(str(FONT)), font_size=10))
    return StaticStampStyle(
        background=images.PdfImage(spot.picture), border_width=0, background_opacity=spot.opacity,
        background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
                                              margins=Margins.uniform(0)))


def _metadata(spot: Spot, name: str) -> signers.PdfSignatureMetadata:
    return signers.PdfSignatureMetadata(field_name=spot.field, md_algorithm="sha256", reason=spot.reason,
                                        location=spot.location, name=name,
                                        subfilter=fields.SigSeedSubFilter.PADES)


def _writer(data: bytes, spot: Spot) -> IncrementalPdfFileWriter:
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(
        sig_field_name=spot.field, on_page=spot.page, box=tuple(round(v, 2) for v in spot.box)))
    return writer


def timestamper() -> timestamps.TimeStamper | None:
    """B-T when ``SIGNING_TSA_URL`` names a time-stamp authority (RFC 3161 over HTTP), B-B otherwise."""
    url = getattr(settings, "SIGNING_TSA_URL", "")
    return timestamps.HTTPTimeStamper(url) if url else None


def sign(data: bytes, signer: signers.Signer, spot: Spot, name: str) -> bytes:
    """Add one signature to ``data`` with a key the server reaches; the bytes of the signed PDF."""
    writer = _writer(data, spot)
    pdf_signer = signers.PdfSigner(_metadata(spot, name), signer=signer, stamp_style=_style(spot),
                                   timestamper=timestamper())
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@dataclass
class Prepared:
    """A PDF waiting for a signature value from outside: the file with its reserved room, where that room is,
    the digest of the file, and the DER of the signed attributes whose SHA-256 (``to_sign``) is what the key
    signs (RSA PKCS#1 v1.5)."""

    pdf: bytes
    document_digest: bytes
    reserved_start: int
    reserved_end: int
    signed_attrs: bytes
    certificate: bytes
    chain: list[bytes]

    @property
    def to_sign(self) -> bytes:
        return hashlib.sha256(self.signed_attrs).digest()


def _external(certificate: bytes, chain: list[bytes], value: bytes | int) -> signers.ExternalSigner:
    cert = asn1_x509.Certificate.load(certificate)
    registry = SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(c) for c in chain])
    return signers.ExternalSigner(signing_cert=cert, cert_registry=registry, signature_value=value)


def prepare(data: bytes, certificate: bytes, chain: list[bytes], spot: Spot, name: str) -> Prepared:
    """First half of an interrupted signature: the prepared file and what the key must sign."""
    async def run() -> Prepared:
        ext = _external(certificate, chain, 256)
        pdf_signer = signers.PdfSigner(_metadata(spot, name), signer=ext, stamp_style=_style(spot))
        digest, _tbs, output = await pdf_signer.async_digest_doc_for_signing(_writer(data, spot))
        attrs = await ext.signed_attrs(digest.document_digest, "sha256", use_pades=True)
        return Prepared(output.getvalue(), digest.document_digest, digest.reserved_region_start,
                        digest.reserved_region_end, attrs.dump(), certificate, chain)
    return asyncio.run(run())


def finish(prepared: Prepared, signature_value: bytes) -> bytes:
    """Second half: embed the CMS made from the returned signature value; the bytes of the signed PDF."""
    async def run() -> bytes:
        ext = _external(prepared.certificate, prepared.chain, signature_value)
        attrs = cms.CMSAttributes.load(prepared.signed_attrs)
        sig_cms = await ext.async_sign_prescribed_attributes("sha256", signed_attrs=attrs,
                                                            timestamper=timestamper())
        output = io.BytesIO(prepared.pdf)
        digest = PreparedByteRangeDigest(prepared.document_digest, prepared.reserved_start, prepared.reserved_end)
        await PdfTBSDocument.async_finish_signing(output, digest, sig_cms)
        return output.getvalue()
    return asyncio.run(run())


def field_names(data: bytes) -> list[str]:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return [str(s.field_name) for s in reader.embedded_signatures]

