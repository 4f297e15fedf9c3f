"""Signing and issuing decisions (issue 18), read back from the real PDFs: two signers' steps (signer, văn thư's
seal and annex), PAdES, positions, the four back-ends (key file, SoftHSM2 token, remote service, browser-side
plugin through the JSON endpoints), the refusals, and the altered file."""

from __future__ import annotations

import base64
import datetime
import io
import subprocess
import tempfile

import pytest
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader

from awards.decisions import issuing
from awards.decisions import services as decisions
from awards.models import Award, Decision, DecisionState, Issuance, SigningCertificate, SigningRole
from awards.signing import backends, democa, demokeys, pdfsign, registry, validation
from tests.factories import issue_decision, make_draft_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(unit_a, officer_a, staff):
    return make_draft_decision(unit_a, officer_a, staff)


def issued_bytes(decision) -> bytes:
    with Issuance.objects.get(decision=decision).file.open("rb") as handle:
        return handle.read()


def text_of(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, check=True,
                              text=True).stdout


def widgets(data: bytes) -> dict[str, tuple[int, list[float]]]:
    reader = PdfFileReader(io.BytesIO(data))
    out = {}
    for sig in reader.embedded_signatures:
        field = sig.sig_field
        out[str(sig.field_name)] = [float(v) for v in field["/Rect"]]
    return out


def test_issuing_signs_twice_and_writes_the_awards_only_then(draft, staff):
    demokeys.signer_key(draft.signer), demokeys.agency_key(draft.body)
    issuing.sign_as_signer(draft, staff, demokeys.signer_key(draft.signer))
    assert Award.objects.filter(decision=draft).count() == 0  # signed, not issued: nothing in the record yet
    assert Decision.objects.get(pk=draft.pk).state == DecisionState.DRAFT
    assert issuing.issue(Decision.objects.get(pk=draft.pk), staff, demokeys.agency_key(draft.body)) == 1
    decision = Decision.objects.get(pk=draft.pk)
    assert decision.state == DecisionState.PUBLISHED
    data = issued_bytes(decision)
    report = validation.check(data)
    assert report.problem == ""
    assert [(s.field, s.signer, s.intact, s.trusted) for s in report.signatures] == [
        ("ChuKyNguoiKy", "Hồ Tiến Thiệu", True, True),
        ("ChuKyCoQuan", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", True, True)]  # the annex is in the same file: not signed
    assert data.count(b"/ETSI.CAdES.detached") == 2  # PAdES
    assert "QUYẾT ĐỊNH" in text_of(data) and "Hồ Tiến Thiệu" in text_of(data)
    boxes = widgets(data)
    signer, seal = boxes["ChuKyNguoiKy"], boxes["ChuKyCoQuan"]
    width = signer[2] - signer[0]
    assert seal[2] == pytest.approx(signer[0] + width / 3, abs=0.5)  # the seal covers a third on the left
    assert seal[0] < signer[0]
    assert "DANH SÁCH" in text_of(data).upper()  # the annex is in the signed file


def test_a_signed_file_is_never_rendered_again(draft, staff):
    first = issuing.sign_as_signer(draft, staff, demokeys.signer_key(draft.signer))
    issuing.issue(Decision.objects.get(pk=draft.pk), staff, demokeys.agency_key(draft.body))  # on the signer's file
    with first.file.open("rb") as handle:
        signer_file = handle.read()
    assert issued_bytes(draft).startswith(signer_file)  # incremental updates only


def test_a_change_after_signing_needs_new_signatures(draft, staff):
    issuing.sign_as_signer(draft, staff, demokeys.signer_key(draft.signer))
    Decision.objects.filter(pk=draft.pk).update(reason="đã có thành tích xuất sắc", content_version=2)
    decision = Decision.objects.get(pk=draft.pk)
    assert issuing.next_step(decision) == "signer"
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.issue(decision, staff, demokeys.agency_key(decision.body))
    assert excinfo.value.message == "Người có thẩm quyền ký trước, văn thư ký phát hành sau."


def test_one_byte_changed_after_signing_is_altered(draft, staff):
    issue_decision(draft, staff)
    data = bytearray(issued_bytes(draft))
    data[len(data) // 3] ^= 0x01
    report = validation.check(bytes(data))
    assert report.problem == "altered"
    assert report.problem_text == "Tệp đã bị sửa sau khi ký: nội dung không còn đúng như lúc ký."


def test_a_certificate_not_in_the_signers_table_is_refused(draft, staff, _signing_dir):
    stray = democa.issue(_signing_dir, "stray", "Nguyễn Văn Lạ", "Không rõ")
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(draft, staff, backends.KeyFile(stray.path, b"demo"))
    assert excinfo.value.message == ("Chứng thư số của “Nguyễn Văn Lạ” không có trong danh sách chứng thư số của "
                                     "người ký quyết định của Chủ tịch UBND tỉnh Lạng Sơn.")


def test_an_expired_certificate_is_refused(draft, staff, _signing_dir):
    old = democa.issue(_signing_dir, "expired", "Hồ Tiến Thiệu", "UBND tỉnh Lạng Sơn",
                       not_before=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC),
                       not_after=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC))
    registry.register(old.der, [], draft.body, SigningRole.SIGNER, draft.signer, key_path=str(old.path))
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(draft, staff, backends.KeyFile(old.path, b"demo"))
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert excinfo.value.message == ("Chứng thư số của “Hồ Tiến Thiệu” có hiệu lực từ 01/01/2019 đến 01/01/2021, "
                                     f"không còn hiệu lực vào ngày ký {today}.")


def test_another_signers_certificate_is_refused(draft, staff):
    from awards.models import Signer

    deputy = Signer.objects.create(full_name="Đoàn Thu Hà", position="Phó Chủ tịch UBND tỉnh",
                                   capacity="kt_chu_tich", valid_from=datetime.date(2020, 1, 1))
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(draft, staff, demokeys.signer_key(deputy))
    assert excinfo.value.message == ("Chứng thư số của “Đoàn Thu Hà” không phải của người ký quyết định "
                                     "(Hồ Tiến Thiệu).")


def test_the_agency_cannot_sign_before_the_signer(draft, staff):
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.issue(draft, staff, demokeys.agency_key(draft.body))
    assert excinfo.value.message == "Người có thẩm quyền ký trước, văn thư ký phát hành sau."


def test_a_wrong_key_file_password_is_said(draft, staff):
    key = demokeys.signer_key(draft.signer)
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(draft, staff, backends.KeyFile(key.path, b"sai"))
    assert excinfo.value.message == "Mật khẩu tệp khóa không đúng (hoặc tệp không phải PKCS#12)."


# --- PKCS#11 (SoftHSM2) -------------------------------------------------------------------------------------

def _register_token(token, decision):
    return registry.register(token["der"], token["chain"], decision.body, SigningRole.SIGNER, decision.signer,
                             backend="pkcs11", token_label=token["token"], key_label=token["label"])


def test_the_signer_signs_with_a_pkcs11_token(draft, staff, token):
    row = _register_token(token, draft)
    issuing.sign_as_signer(draft, staff, backends.backend_for(row, token["pin"]))
    issuing.issue(Decision.objects.get(pk=draft.pk), staff, demokeys.agency_key(draft.body))
    report = validation.check(issued_bytes(draft))
    assert report.problem == ""
    assert report.signatures[0].fingerprint == row.fingerprint


def test_a_wrong_pin_is_said_and_the_token_still_opens(draft, staff, token):
    row = _register_token(token, draft)
    with pytest.raises(decisions.DecisionError) as excinfo:
        issuing.sign_as_signer(draft, staff, backends.backend_for(row, "000000"))
    assert excinfo.value.message.startswith("Mã PIN không đúng. Thiết bị chưa bị khóa;")
    issuing.sign_as_signer(draft, staff, backends.backend_for(row, token["pin"]))  # not locked
    assert issuing.next_step(Decision.objects.get(pk=draft.pk)) == "agency"


# --- remote service and browser-side plugin (interrupted signing) ------------------------------------------

def test_the_agency_signs_through_a_remote_service(draft, staff, token, stand_in_signer, settings):
    settings.SIGNING_REMOTE_URL = f"http://127.0.0.1:{stand_in_signer.server_port}/"
    issuing.sign_as_signer(draft, staff, demokeys.signer_key(draft.signer))
    row = registry.register(token["der"], token["chain"], draft.body, SigningRole.AGENCY, None, backend="remote",
                            key_label="van-thu")
    assert issuing.issue(Decision.objects.get(pk=draft.pk), staff, backends.backend_for(row, "secret")) == 1
    assert stand_in_signer.calls == ["certificate", "sign_hash"]  # the seal (the annex is in the same file)
    report = validation.check(issued_bytes(draft))
    assert report.problem == ""
    assert [s.signer for s in report.signatures] == ["Hồ Tiến Thiệu", "Hồ Tiến Thiệu"]


def test_browser_side_signing_round_trip_through_the_endpoints(client, draft, staff, token):
    """The page's adapter (static/js/signing.js) in Python: certificate -> start -> plugin signs -> finish."""
    from tests.signing.standin import token_sign_hash

    _register_token(token, draft)
    client.force_login(staff)
    started = client.post(f"/awards/decisions/{draft.pk}/sign/start/", {
        "certificate": base64.b64encode(token["der"]).decode(), "chain": []}, content_type="application/json").json()
    assert (started["step"], started["field"]) == ("signer", "ChuKyNguoiKy")
    value = token_sign_hash(token, base64.b64decode(started["hash"]))
    finished = client.post(f"/awards/decisions/{draft.pk}/sign/finish/", {
        "session": started["session"], "signature": base64.b64encode(value).decode()},
        content_type="application/json").json()
    assert finished == {"done": True, "next": "agency"}
    signature = Decision.objects.get(pk=draft.pk).signatures.get()
    with signature.file.open("rb") as handle:
        assert validation.check(handle.read()).signatures[0].intact


def test_a_signature_value_of_another_key_is_refused(client, draft, staff, token):
    _register_token(token, draft)
    client.force_login(staff)
    started = client.post(f"/awards/decisions/{draft.pk}/sign/start/", {
        "certificate": base64.b64encode(token["der"]).decode()}, content_type="application/json").json()
    answer = client.post(f"/awards/decisions/{draft.pk}/sign/finish/", {
        "session": started["session"], "signature": base64.b64encode(b"\x01" * 256).decode()},
        content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["error"] == ("Chữ ký trả về không khớp với tệp đã chuẩn bị (sai khóa hoặc sai dữ liệu ký).")


def test_an_officer_of_another_unit_cannot_start_a_signature(client, draft, officer_b, token):
    client.force_login(officer_b)
    answer = client.post(f"/awards/decisions/{draft.pk}/sign/start/", {
        "certificate": base64.b64encode(token["der"]).decode()}, content_type="application/json")
    assert answer.status_code == 404  # a draft of the province is not visible to a unit


def test_the_certificate_rows_stay_in_force(draft):
    demokeys.agency_key(draft.body)
    row = SigningCertificate.objects.get(role="agency", body=draft.body)
    assert row.not_after.year == 2045 and pdfsign.FIELD_AGENCY == "ChuKyCoQuan"


# --- PAdES B-T when a time-stamp authority is configured -----------------------------------------------------

def test_a_configured_tsa_makes_the_signatures_b_t(draft, staff, stand_in_tsa, settings):
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    settings.SIGNING_TSA_URL = f"http://127.0.0.1:{stand_in_tsa.server_port}/"
    issue_decision(draft, staff)
    data = issued_bytes(draft)
    assert len(stand_in_tsa.requests) == 4  # per signature (signer, văn thư): a size estimate, then the token
    report = validation.check(data)
    assert report.problem == "" and [s.intact for s in report.signatures] == [True, True]
    context = ValidationContext(trust_roots=validation.trust_roots(), allow_fetching=False)
    for embedded in PdfFileReader(io.BytesIO(data)).embedded_signatures:
        status = validate_pdf_signature(embedded, context)
        assert status.timestamp_validity is not None  # B-T: a signature time-stamp token in the CMS
        assert status.timestamp_validity.intact and status.timestamp_validity.trusted
        assert abs((status.timestamp_validity.timestamp - timezone.now()).total_seconds()) < 600


def test_without_a_tsa_the_signatures_are_b_b(draft, staff, settings):
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    settings.SIGNING_TSA_URL = ""
    issue_decision(draft, staff)
    context = ValidationContext(trust_roots=validation.trust_roots(), allow_fetching=False)
    reader = PdfFileReader(io.BytesIO(issued_bytes(draft)))
    assert [validate_pdf_signature(s, context).timestamp_validity for s in reader.embedded_signatures] == [None, None]
