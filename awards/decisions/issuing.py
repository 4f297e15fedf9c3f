"""Signing and issuing a decision (NĐ 30/2020/NĐ-CP Điều 5 and Phụ lục I Phần I mục II-III): the signer signs the
final PDF, then the văn thư issues it (ký phát hành: the agency's seal over the left third of the signer's image).
The annex (danh sách kèm theo) is in the same file, so the văn thư does not sign it separately (Phụ lục I Phần I
mục III khoản 1 điểm d). Issuing is publishing: the ``Award`` rows are written in the same transaction that records the
issued file (``services.publish`` refuses a decision without one), so the record never holds an award whose
decision was not issued.

A body in paper mode issues by uploading the scan of the paper-signed original instead (``issue_paper``).
Certificates get their verification codes when the decision is issued, in either mode. Once an electronic
decision is issued, the văn thư signs the file of its certificates (Bằng khen, Giấy khen, with their codes) with
the agency's certificate (``sign_certificates``, or the browser-side flow with the step "certs"), as a file sent
with the document: top right of the first page, no image, the decision's number and the signing time
(mục III khoản 1 điểm d); the file the export writes and the decision page hands out.

The PDF is rendered once, for the signer; every later step signs the file the step before it kept
(``DecisionSignature.file``): a signed file is never rendered again. Any change of the draft's content makes a
new ``content_version``, and the signatures of the old one no longer count."""

from __future__ import annotations

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.decisions import access, services
from awards.documents import board_submission, decision_pdf
from awards.models import (
    BodySigning,
    Decision,
    DecisionSignature,
    DecisionState,
    DocumentKind,
    Issuance,
    IssueMode,
    SigningCertificate,
    SigningRole,
    SigningSession,
    SigningStep,
    VerificationCode,
)
from awards.models.signing import new_code
from awards.signing import pdfsign, registry, validation
from awards.signing.backends import Backend
from awards.signing.demokeys import agency_name
from units.models import User

DecisionError = services.DecisionError


def _wrapped(call, *args):
    """A refusal of the signing machinery (wrong PIN, certificate not in the table...) as a DecisionError."""
    try:
        return call(*args)
    except pdfsign.SigningFailed as exc:
        raise DecisionError(str(exc)) from None


def mode_of(decision: Decision) -> str:
    row = BodySigning.objects.filter(body_id=decision.body_id).first()
    return row.mode if row else IssueMode.ELECTRONIC


def signature(decision: Decision, step: str) -> DecisionSignature | None:
    """The signature of ``step`` on the decision's current content, if made."""
    return decision.signatures.filter(step=step, content_version=decision.content_version).first()


def next_step(decision: Decision) -> str:
    """"signer", "agency" or "" (issued, closed, or a paper body's)."""
    if decision.state != DecisionState.DRAFT or mode_of(decision) == IssueMode.PAPER:
        return ""
    for step in (SigningStep.SIGNER, SigningStep.AGENCY):
        if signature(decision, step) is None:
            return step
    return ""


def _check_can(decision: Decision, actor: User, step: str) -> None:
    allowed, why = access.can_publish(actor, decision)
    if not allowed:
        raise DecisionError(why)
    if decision.state != DecisionState.DRAFT:
        raise DecisionError(_("Chỉ ký được quyết định còn là dự thảo."))
    if mode_of(decision) == IssueMode.PAPER:
        raise DecisionError(_("%(body)s phát hành quyết định trên giấy: văn thư tải lên bản quét bản gốc đã ký.")
                            % {"body": decision.body.head_title})
    missing = board_submission.missing(decision)
    if missing:
        raise DecisionError(missing)
    expected = next_step(decision)
    if step != expected:
        if step == SigningStep.SIGNER or expected == SigningStep.SIGNER:
            raise DecisionError(_("Người có thẩm quyền ký trước, văn thư ký phát hành sau."))
        raise DecisionError(_("Bước ký này đã làm xong."))


def certificates_due(decision: Decision) -> bool:
    """An issued (electronic, not revoked) decision whose certificates file the văn thư has not signed yet."""
    issuance = Issuance.objects.filter(decision=decision).first()
    return (decision.state == DecisionState.PUBLISHED and issuance is not None
            and issuance.mode == IssueMode.ELECTRONIC and signature(decision, SigningStep.CERTIFICATES) is None)


def _check_certificates(decision: Decision, actor: User) -> None:
    allowed, why = access.can_publish(actor, decision)
    if not allowed:
        raise DecisionError(why)
    if not certificates_due(decision):
        if signature(decision, SigningStep.CERTIFICATES) is not None:
            raise DecisionError(_("Tệp bằng khen, giấy khen của quyết định này đã được ký số."))
        raise DecisionError(_("Chỉ ký số tệp bằng khen, giấy khen của quyết định đã ban hành bằng chữ ký số."))


def _input(decision: Decision, step: str) -> bytes:
    """The file the step signs: the rendered final PDF for the signer, the certificates (with the codes given at
    issue) for their step, the file of the step before otherwise."""
    if step in (SigningStep.SIGNER, SigningStep.CERTIFICATES):
        kind = DocumentKind.DECISION if step == SigningStep.SIGNER else DocumentKind.CERTIFICATES
        data, _pages = decision_pdf.render(decision, kind)
        return data
    with signature(decision, SigningStep.SIGNER).file.open("rb") as handle:
        return handle.read()


def _spot(decision: Decision, step: str, data: bytes) -> pdfsign.Spot:
    if step == SigningStep.SIGNER:
        return pdfsign.signer_spot(data, decision.signer.full_name, decision.place)
    if step == SigningStep.AGENCY:
        return pdfsign.agency_spot(data, agency_name(decision.body), decision.place)
    return pdfsign.attachment_spot(data, decision.code, decision.place)


def _certificate(decision: Decision, step: str, der: bytes) -> SigningCertificate:
    role = SigningRole.SIGNER if step == SigningStep.SIGNER else SigningRole.AGENCY
    return registry.accept(der, decision.body, role, decision.signer)


def _record(decision: Decision, step: str, certificate: SigningCertificate, data: bytes, actor: User,
            backend: str) -> DecisionSignature:
    row = DecisionSignature(decision=decision, step=step, certificate=certificate,
                            content_version=decision.content_version, signed_at=timezone.now(), backend=backend,
                            sha256=hashlib.sha256(data).hexdigest(), signed_by=actor)
    row.file.save(f"{decision.pk}/v{decision.content_version}-{step}.pdf", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        row.file.storage.delete(row.file.name)
        raise DecisionError(_("Bước ký này vừa được người khác làm xong.")) from None
    return row


def _check_step(decision: Decision, actor: User, step: str) -> None:
    if step == SigningStep.CERTIFICATES:
        _check_certificates(decision, actor)
    else:
        _check_can(decision, actor, step)


def sign_step(decision: Decision, actor: User, step: str, backend: Backend) -> DecisionSignature:
    """One signature with a key the server reaches (key file, token, remote service)."""
    _check_step(decision, actor, step)
    der, _chain = _wrapped(backend.certificate)
    certificate = _wrapped(_certificate, decision, step, der)
    data = _input(decision, step)
    spot = _wrapped(_spot, decision, step, data)
    signed = _wrapped(backend.sign, data, spot, certificate.holder)
    return _record(decision, step, certificate, signed, actor, backend.kind)


def sign_as_signer(decision: Decision, actor: User, backend: Backend) -> DecisionSignature:
    return sign_step(decision, actor, SigningStep.SIGNER, backend)


def issue(decision: Decision, actor: User, backend: Backend) -> int:
    """The văn thư's signature (the seal), then the issue itself; the number of awards recorded."""
    if signature(decision, SigningStep.AGENCY) is None:
        sign_step(decision, actor, SigningStep.AGENCY, backend)
    return complete_issue(decision, actor)


def sign_certificates(decision: Decision, actor: User, backend: Backend) -> DecisionSignature:
    """The văn thư signs the certificates file of an issued decision with the agency's certificate."""
    return sign_step(decision, actor, SigningStep.CERTIFICATES, backend)


def certificates_file(decision: Decision) -> DecisionSignature | None:
    """The signed certificates file of the decision, if the văn thư signed it."""
    return signature(decision, SigningStep.CERTIFICATES)


@transaction.atomic
def complete_issue(decision: Decision, actor: User) -> int:
    """Record the issued file (the last signature's) and publish: Award rows, codes, dossiers decided."""
    missing = board_submission.missing(decision)
    if missing:
        raise DecisionError(missing)
    last = signature(decision, SigningStep.AGENCY)
    first = signature(decision, SigningStep.SIGNER)
    if last is None or first is None:
        raise DecisionError(_("Quyết định chưa đủ chữ ký số của người ký và của văn thư."))
    with last.file.open("rb") as handle:
        data = handle.read()
    return _issue(decision, actor, IssueMode.ELECTRONIC, data, decision.decided_on, decision.signer.full_name,
                  first.signed_at)


def _issue(decision: Decision, actor: User, mode: str, data: bytes, issued_on: datetime.date, signer_name: str,
           signed_at: datetime.datetime | None) -> int:
    issuance = Issuance(decision=decision, mode=mode, sha256=hashlib.sha256(data).hexdigest(), code=decision.code,
                        issued_on=issued_on, signer_name=signer_name, signed_at=signed_at,
                        issued_at=timezone.now(), issued_by=actor)
    issuance.file.save(f"{decision.pk}/{decision.year}-{decision.number:02d}-{mode}.pdf", ContentFile(data),
                       save=False)
    try:
        with transaction.atomic():
            issuance.save()
    except IntegrityError:
        issuance.file.storage.delete(issuance.file.name)
        raise DecisionError(_("Quyết định này đã được phát hành.")) from None
    try:
        count = services.publish(decision, actor)
    except DecisionError:
        issuance.file.storage.delete(issuance.file.name)
        raise
    make_codes(decision)
    return count


def make_codes(decision: Decision) -> int:
    """A verification code for each recipient's certificate (unique; drawn again on the rare collision)."""
    made = 0
    for line in decision.lines.filter(active=True, verification__isnull=True):
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    VerificationCode.objects.create(line=line, code=new_code())
                made += 1
                break
            except IntegrityError:
                continue
    return made


@transaction.atomic
def issue_paper(decision: Decision, actor: User, scan: bytes, issued_on: datetime.date) -> int:
    """Paper mode: the văn thư records the scan of the paper original (a PDF, checked by the caller with
    ``awards.core.uploads``) with the decision's number and the date it was signed."""
    allowed, why = access.can_publish(actor, decision)
    if not allowed:
        raise DecisionError(why)
    if mode_of(decision) != IssueMode.PAPER:
        raise DecisionError(_("%(body)s phát hành quyết định bằng chữ ký số; không tải bản quét thay cho ký số.")
                            % {"body": decision.body.head_title})
    if decision.state != DecisionState.DRAFT:
        raise DecisionError(_("Chỉ phát hành được quyết định còn là dự thảo."))
    if issued_on != decision.decided_on:
        raise DecisionError(_("Ngày trên bản gốc (%(day)s) khác ngày của quyết định (%(decided)s): sửa ngày của dự "
                              "thảo trước khi phát hành.") % {"day": f"{issued_on:%d/%m/%Y}",
                                                              "decided": f"{decision.decided_on:%d/%m/%Y}"})
    return _issue(decision, actor, IssueMode.PAPER, scan, issued_on, decision.signer.full_name, None)


# --- signing outside the server (browser-side plugin) ------------------------------------------------------

def start_external(decision: Decision, actor: User, step: str, der: bytes, chain: list[bytes]) -> SigningSession:
    """First half of a signature whose key the server cannot reach: check the certificate the plugin reported,
    prepare the PDF, keep what the second half needs; ``pdfsign.Prepared.to_sign`` goes to the plugin."""
    _check_step(decision, actor, step)
    certificate = _wrapped(_certificate, decision, step, der)
    data = _input(decision, step)
    spot = _wrapped(_spot, decision, step, data)
    prepared = _wrapped(pdfsign.prepare, data, der, chain or registry.chain_of(certificate), spot, certificate.holder)
    return SigningSession.objects.create(
        decision=decision, step=step, certificate=certificate, content_version=decision.content_version,
        prepared=prepared.pdf, document_digest=prepared.document_digest, reserved_start=prepared.reserved_start,
        reserved_end=prepared.reserved_end, signed_attrs=prepared.signed_attrs, created_by=actor)


def to_sign(session: SigningSession) -> bytes:
    return hashlib.sha256(bytes(session.signed_attrs)).digest()


def finish_external(session: SigningSession, actor: User, signature_value: bytes) -> DecisionSignature:
    """Second half: embed the signature value the plugin returned, check the result, record the step."""
    decision = Decision.objects.get(pk=session.decision_id)
    if session.finished or session.created_by_id != actor.pk:
        raise DecisionError(_("Phiên ký này không còn dùng được; bắt đầu ký lại."))
    if session.content_version != decision.content_version:
        raise DecisionError(_("Dự thảo đã thay đổi sau khi chuẩn bị ký; bắt đầu ký lại."))
    prepared = pdfsign.Prepared(bytes(session.prepared), bytes(session.document_digest), session.reserved_start,
                                session.reserved_end, bytes(session.signed_attrs), bytes(session.certificate.der),
                                registry.chain_of(session.certificate))
    try:
        signed = pdfsign.finish(prepared, signature_value)
    except Exception:
        raise DecisionError(_("Chữ ký trả về không dùng được (sai định dạng).")) from None
    checked = validation.check(signed)
    last = checked.last
    if last is None or not last.intact:
        raise DecisionError(_("Chữ ký trả về không khớp với tệp đã chuẩn bị (sai khóa hoặc sai dữ liệu ký)."))
    SigningSession.objects.filter(pk=session.pk).update(finished=True)
    return _record(decision, session.step, session.certificate, signed, actor, session.certificate.backend)


def issue_with_demo_keys(decision: Decision, actor: User, certificates: bool = False) -> int:
    """Sign and issue with the demo key files (``signing.demokeys``): the demo, the benchmarks and whole-round
    helpers; with ``certificates``, the văn thư also signs the certificates file. Never a production path: the
    demo CA is not trusted there."""
    from awards.signing import demokeys

    decision = Decision.objects.get(pk=decision.pk)
    sign_as_signer(decision, actor, demokeys.signer_key(decision.signer))
    count = issue(decision, actor, demokeys.agency_key(decision.body))
    if certificates:
        sign_certificates(Decision.objects.get(pk=decision.pk), actor, demokeys.agency_key(decision.body))
    return count
