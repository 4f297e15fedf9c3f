"""The văn thư's signature on the certificates file of an issued decision (issue 18): the agency's certificate,
PAdES, validated with pyHanko; the refusals; browser-side signing of the same step; the signed file on the
decision page and in ``export_decisions --with-certificates``."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from awards.decisions import issuing
from awards.decisions import services as decisions
from awards.models import BodySigning, Decision, IssueMode, SigningRole, VerificationCode
from awards.signing import demokeys, registry, validation
from tests.factories import issue_decision, make_draft_decision
from tests.signing.test_signing import text_of

pytestmark = pytest.mark.django_db

AGENCY = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"



def read(row) -> bytes:
    with row.file.open("rb") as handle:
        return handle.read()


def pyhanko_check(data: bytes, ca_path) -> list[tuple[str, bool, bool, str]]:
    """Straight pyHanko, without the product's wrapper: field, intact and valid, trusted, coverage."""
    from asn1crypto import pem, x509

    _kind, _headers, der = pem.unarmor(ca_path.read_bytes())
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)], allow_fetching=False)
    out = []
    for signature in PdfFileReader(io.BytesIO(data)).embedded_signatures:
        status = validate_pdf_signature(signature, context)
        out.append((str(signature.field_name), status.intact and status.valid, status.trusted,
                    status.coverage.name))
    return out


def test_the_vanthu_signs_the_certificates_file_with_the_agency_certificate(issued, staff, _signing_dir):
    row = issuing.sign_certificates(issued, staff, demokeys.agency_key(issued.body))
    data = read(row)
    assert row.step == "certs" and row.certificate.holder == AGENCY and row.certificate.role == "agency"
    assert pyhanko_check(data, _signing_dir / "demo-ca.pem") == [("ChuKyBang", True, True, "ENTIRE_FILE")]
    report = validation.check(data)
    assert [(s.field, s.signer, s.intact, s.trusted, s.problem) for s in report.signatures] == [
        ("ChuKyBang", AGENCY, True, True, "")]
    assert data.count(b"/ETSI.CAdES.detached") == 1  # PAdES
    code = VerificationCode.objects.get(line__decision=issued).code
    text = text_of(data)
    assert "BẰNG KHEN" in text and f"Mã xác thực: {code}" in text
    box = [float(v) for v in next(iter(PdfFileReader(io.BytesIO(data)).embedded_signatures)).sig_field["/Rect"]]
    assert [round(v) for v in box] == [621, 524, 797, 556]  # top right of the first page, inside the frame
    at = timezone.localtime(row.signed_at)
    stamp = [line for line in text.splitlines() if "01/QĐ-UBND" in line or "+07:00" in line][:2]
    assert [line.strip() for line in stamp] == ["01/QĐ-UBND", f"{at:%Y-%m-%dT%H:%M}:{stamp[1].strip()[17:19]}+07:00"]


def test_the_certificates_are_signed_once_and_only_after_issuing(unit_a, officer_a, staff):
    draft = make_draft_decision(unit_a, officer_a, staff)
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_certificates(draft, staff, demokeys.agency_key(draft.body))
    assert excinfo.value.message == ("Chỉ ký số tệp bằng khen, giấy khen của quyết định đã ban hành bằng chữ ký "
                                     "số.")
    issue_decision(draft, staff)
    decision = Decision.objects.get(pk=draft.pk)
    issuing.sign_certificates(decision, staff, demokeys.agency_key(decision.body))
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_certificates(decision, staff, demokeys.agency_key(decision.body))
    assert excinfo.value.message == "Tệp bằng khen, giấy khen của quyết định này đã được ký số."


def test_the_signers_certificate_cannot_sign_for_the_agency(issued, staff):
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_certificates(issued, staff, demokeys.signer_key(issued.signer))
    assert excinfo.value.message == ("Chứng thư số của “Hồ Tiến Thiệu” không có trong danh sách chứng thư số của "
                                     "cơ quan dùng để phát hành quyết định của Chủ tịch UBND tỉnh Lạng Sơn.")


def test_a_paper_bodys_certificates_are_not_signed_electronically(unit_a, officer_a, staff):
    draft = make_draft_decision(unit_a, officer_a, staff)
    BodySigning.objects.create(body=draft.body, mode=IssueMode.PAPER)
    issue_decision(draft, staff)
    decision = Decision.objects.get(pk=draft.pk)
    assert VerificationCode.objects.filter(line__decision=decision).count() == 1  # codes still given
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_certificates(decision, staff, demokeys.agency_key(decision.body))
    assert excinfo.value.message == ("Chỉ ký số tệp bằng khen, giấy khen của quyết định đã ban hành bằng chữ ký "
                                     "số.")


def test_the_decision_page_offers_the_step_then_the_signed_file(client, issued, staff):
    demokeys.agency_key(issued.body)
    client.force_login(staff)
    page = client.get(f"/awards/decisions/{issued.pk}/").content.decode()
    assert "Bước tiếp theo: Văn thư ký số tệp bằng khen, giấy khen." in page
    row = issued.body.signing_certificates.get(role=SigningRole.AGENCY)
    answer = client.post(f"/awards/decisions/{issued.pk}/sign/", {"certificate": row.pk, "pin": "demo"},
                         follow=True)
    assert "Đã ký số tệp bằng khen, giấy khen của quyết định 01/QĐ-UBND." in answer.content.decode()
    page = answer.content.decode()
    assert "Tải tệp bằng khen, giấy khen đã ký số (PDF)" in page and "Bước tiếp theo" not in page
    signed = issuing.certificates_file(issued)
    at = timezone.localtime(signed.signed_at).strftime("%H:%M %d/%m/%Y")
    assert f"Văn thư ký số tệp bằng khen, giấy khen: {AGENCY} · {at}" in page
    download = client.get(f"/awards/decisions/{issued.pk}/certificates-signed.pdf")
    assert download["Content-Disposition"] == "attachment; filename*=utf-8''BK-01-2021-Q%C4%90-UBND.pdf"
    assert b"".join(download.streaming_content) == read(signed)


def test_the_certificates_step_through_the_browser_plugin(client, issued, staff, token):
    from tests.signing.standin import AGENCY_LABEL, token_sign_hash

    registry.register(token["keys"][AGENCY_LABEL], token["chain"], issued.body, SigningRole.AGENCY, None,
                      backend="browser")
    client.force_login(staff)
    started = client.post(f"/awards/decisions/{issued.pk}/sign/start/", {
        "certificate": base64.b64encode(token["keys"][AGENCY_LABEL]).decode()},
        content_type="application/json").json()
    assert (started["step"], started["field"]) == ("certs", "ChuKyBang")
    value = token_sign_hash(token, base64.b64decode(started["hash"]), AGENCY_LABEL)
    finished = client.post(f"/awards/decisions/{issued.pk}/sign/finish/", {
        "session": started["session"], "signature": base64.b64encode(value).decode()},
        content_type="application/json").json()
    assert finished == {"done": True, "message": "Đã ký số tệp bằng khen, giấy khen."}
    report = validation.check(read(issuing.certificates_file(issued)))
    assert [(s.field, s.signer, s.problem) for s in report.signatures] == [("ChuKyBang", AGENCY, "")]


def test_export_writes_the_signed_certificates_with_their_index_columns(issued, staff, tmp_path, _signing_dir):
    row = issuing.sign_certificates(issued, staff, demokeys.agency_key(issued.body))
    call_command("export_decisions", str(tmp_path / "plain"))
    with open(tmp_path / "plain" / "index.csv", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert header[-1] == "thoi_diem_ky" and sorted(p.name for p in (tmp_path / "plain").iterdir()) == [
        "01-QD-UBND-2021.pdf", "index.csv"]

    call_command("export_decisions", str(tmp_path / "all"), "--with-certificates")
    with open(tmp_path / "all" / "index.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [
        "01-QD-UBND-2021-bang-khen.pdf", "01-QD-UBND-2021.pdf", "index.csv"]
    data = (tmp_path / "all" / "01-QD-UBND-2021-bang-khen.pdf").read_bytes()
    assert [(r["tep_bang_khen"], r["sha256_bang_khen"], r["bang_khen_ky_so_boi"], r["bang_khen_thoi_diem_ky"])
            for r in rows] == [("01-QD-UBND-2021-bang-khen.pdf", row.sha256, AGENCY,
                                timezone.localtime(row.signed_at).isoformat(timespec="seconds"))]
    assert pyhanko_check(data, _signing_dir / "demo-ca.pem") == [("ChuKyBang", True, True, "ENTIRE_FILE")]
    decision_file = (tmp_path / "all" / "01-QD-UBND-2021.pdf").read_bytes()
    assert [f for f, *_ in pyhanko_check(decision_file, _signing_dir / "demo-ca.pem")] == [
        "ChuKyNguoiKy", "ChuKyCoQuan"]
    assert rows[0]["ky_so_boi"] == "Hồ Tiến Thiệu" and rows[0]["phat_hanh"] == "ky_so"


def test_export_leaves_the_columns_empty_when_the_certificates_are_not_signed(issued, tmp_path):
    call_command("export_decisions", str(tmp_path), "--with-certificates")
    with open(tmp_path / "index.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["tep_bang_khen"], r["sha256_bang_khen"]) for r in rows] == [("", "")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-QD-UBND-2021.pdf", "index.csv"]


def test_verify_recognises_a_signed_certificates_file(client, issued, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    row = issuing.sign_certificates(issued, staff, demokeys.agency_key(issued.body))
    page = client.post("/verify/", {"file": SimpleUploadedFile("bk.pdf", read(row), "application/pdf")})
    day = timezone.localtime(row.signed_at).strftime("%d/%m/%Y")
    assert (f"Hợp lệ, do {AGENCY} ký ngày {day}: tệp bằng khen, giấy khen của quyết định 01/QĐ-UBND trong sổ."
            in page.content.decode())
