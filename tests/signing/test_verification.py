"""Public verification (issue 18): /verify/ for an uploaded PDF, /verify/<code>/ for a certificate's code, the
codes printed with their QR on the certificates, paper mode, and the throttle."""

from __future__ import annotations

import re
import subprocess
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.decisions import issuing
from awards.decisions import services as decisions
from awards.documents import decision_pdf
from awards.models import BodySigning, DecisionState, Issuance, IssueMode, VerificationCode
from tests.factories import make_draft_decision, paper_scan

pytestmark = pytest.mark.django_db



def _file(decision) -> bytes:
    with Issuance.objects.get(decision=decision).file.open("rb") as handle:
        return handle.read()


def _upload(client, data: bytes):
    return client.post("/verify/", {"file": SimpleUploadedFile("qd.pdf", data, "application/pdf")})


def test_an_issued_file_is_valid_and_matches_the_register(client, issued):
    page = _upload(client, _file(issued)).content.decode()
    day = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Hợp lệ, do Hồ Tiến Thiệu ký ngày {day}, khớp quyết định 01/QĐ-UBND trong sổ." in page


def test_a_file_changed_by_one_byte_is_reported_altered(client, issued):
    data = bytearray(_file(issued))
    data[len(data) // 3] ^= 0x01
    page = _upload(client, bytes(data)).content.decode()
    assert "Không hợp lệ: Tệp đã bị sửa sau khi ký: nội dung không còn đúng như lúc ký." in page


def test_a_revoked_decision_is_said(client, issued, staff):
    decisions.revoke(issued, "phát hiện sai sót hồ sơ", staff)
    page = _upload(client, _file(issued)).content.decode()
    day = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Không hợp lệ: Quyết định 01/QĐ-UBND đã bị thu hồi ngày {day}." in page


def test_an_unsigned_pdf_and_a_non_pdf(client):
    assert "Không hợp lệ: Tệp không có chữ ký số." in _upload(client, paper_scan()).content.decode()
    page = client.post("/verify/", {"file": SimpleUploadedFile("a.pdf", b"not a pdf at all", "application/pdf")})
    assert "Định dạng tệp không được chấp nhận." in page.content.decode()


def test_an_untrusted_signer_is_said(client, issued, settings):
    settings.SIGNING_TRUST_ROOTS = []
    page = _upload(client, _file(issued)).content.decode()
    assert ("Không hợp lệ: Không xác định được người ký: chứng thư số của Hồ Tiến Thiệu không do tổ chức cung cấp "
            "dịch vụ chứng thực được tin cậy cấp.") in page


def test_a_certificate_expired_on_the_signing_day_is_said(client, unit_a, officer_a, staff, _signing_dir):
    """A file signed outside the product (issuing refuses such a certificate) with a certificate that expired
    before the signing day."""
    import datetime

    from awards.signing import backends, democa, pdfsign

    decision = make_draft_decision(unit_a, officer_a, staff)
    old = democa.issue(_signing_dir, "expired-verify", "Hồ Tiến Thiệu", "UBND tỉnh Lạng Sơn",
                       not_before=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC),
                       not_after=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC))
    data, _pages = decision_pdf.render(decision, "decision")
    signed = backends.KeyFile(old.path, b"demo").sign(data, pdfsign.signer_spot(data, "Hồ Tiến Thiệu", "Lạng Sơn"),
                                                      "Hồ Tiến Thiệu")
    page = _upload(client, signed).content.decode()
    assert ("Không hợp lệ: Chứng thư số của Hồ Tiến Thiệu đã hết hạn hoặc chưa có hiệu lực vào thời điểm ký."
            in page)


def test_each_certificate_gets_a_code_printed_with_its_qr(client, issued):
    code = VerificationCode.objects.get(line__decision=issued).code
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code)
    data, _pages = decision_pdf.render(issued, "certificates")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        text = subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True, check=True).stdout
    assert f"Mã xác thực: {code}" in text
    assert data.count(b"/Subtype /Image") + data.count(b"/Subtype/Image") >= 0  # QR is vector (SVG) in the PDF


def test_the_code_page_shows_only_the_public_facts(client, issued, staff):
    line = issued.lines.get()
    code = VerificationCode.objects.get(line=line).code
    page = client.get(f"/verify/{code}/").content.decode()
    assert line.recipient_name in page
    assert "Số 01/QĐ-UBND ngày 06/02/2021 của Chủ tịch UBND tỉnh Lạng Sơn" in page
    assert issued.award_type.name in page
    assert "thu hồi" not in page
    assert client.get(f"/verify/{code.lower().replace('-', '')}/").status_code == 200  # typed without the dash
    decisions.revoke(issued, "sai sót", staff)
    assert "Khen thưởng này đã bị thu hồi." in client.get(f"/verify/{code}/").content.decode()


def test_an_unknown_code_is_a_plain_404(client, issued):
    unknown, malformed = client.get("/verify/2222-2222/"), client.get("/verify/not-a-code/")
    assert (unknown.status_code, malformed.status_code) == (404, 404)
    missing_page = client.get("/khong-co-trang-nay/")

    def plain(answer) -> bytes:  # but for the CSRF tokens and the language form's return path
        body = re.sub(rb"[A-Za-z0-9]{48,}", b"", answer.content)
        return body.replace(answer.wsgi_request.path.encode(), b"")

    assert plain(unknown) == plain(malformed) == plain(missing_page)  # the site's 404: no hint of any code


def test_the_public_endpoints_are_throttled(client, issued, settings):
    settings.VERIFY_MAX_REQUESTS = 3
    answers = [client.get("/verify/2222-2222/").status_code for _ in range(5)]
    assert answers == [404, 404, 404, 429, 429]


def test_paper_mode_issues_with_the_scan(client, unit_a, officer_a, staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    BodySigning.objects.create(body=decision.body, mode=IssueMode.PAPER)
    client.force_login(staff)
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert "Cơ quan này ký quyết định trên giấy" in page
    refused = client.post(f"/awards/decisions/{decision.pk}/issue-paper/", {
        "scan": SimpleUploadedFile("scan.pdf", b"GIF89a....", "application/pdf"), "issued_on": "2021-02-06"},
        follow=True)
    assert "Định dạng tệp không được chấp nhận." in refused.content.decode()
    client.post(f"/awards/decisions/{decision.pk}/issue-paper/", {
        "scan": SimpleUploadedFile("scan.pdf", paper_scan(), "application/pdf"), "issued_on": "2021-02-06"})
    decision.refresh_from_db()
    assert decision.state == DecisionState.PUBLISHED
    assert Issuance.objects.get(decision=decision).mode == "paper"
    assert VerificationCode.objects.filter(line__decision=decision).count() == 1
    assert "Ký trên giấy: Hồ Tiến Thiệu, ngày 06/02/2021." in client.get(
        f"/awards/decisions/{decision.pk}/").content.decode()


def test_a_paper_body_cannot_sign_electronically(unit_a, officer_a, staff):
    from awards.signing import demokeys

    decision = make_draft_decision(unit_a, officer_a, staff)
    BodySigning.objects.create(body=decision.body, mode=IssueMode.PAPER)
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(decision, staff, demokeys.signer_key(decision.signer))
    assert excinfo.value.message == ("Chủ tịch UBND tỉnh Lạng Sơn phát hành quyết định trên giấy: văn thư tải lên "
                                     "bản quét bản gốc đã ký.")
