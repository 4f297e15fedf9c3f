"""The "Chữ ký số" panel of a decision page and its actions: the signer signs, the văn thư issues (server-held
key file or token, remote service, or the local plugin through ``static/js/signing.js``), a paper body's văn thư
uploads the scan; the issued file is downloaded from here."""

from __future__ import annotations

import base64
import datetime
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core.uploads import UploadRejected, inspect_upload
from awards.decisions import access, issuing
from awards.models import (
    Decision,
    DecisionState,
    IssueMode,
    SigningBackend,
    SigningCertificate,
    SigningRole,
    SigningSession,
    SigningStep,
)
from awards.signing import backends, pdfsign
from units.models import User

STEP_ROLE = {SigningStep.SIGNER: SigningRole.SIGNER, SigningStep.AGENCY: SigningRole.AGENCY,
             SigningStep.CERTIFICATES: SigningRole.AGENCY}


def _step(decision: Decision) -> str:
    """The draft's next signature, or the certificates file of an issued decision."""
    step = issuing.next_step(decision)
    if not step and issuing.certificates_due(decision):
        return SigningStep.CERTIFICATES
    return step


def _decision(request, pk: int) -> Decision:
    return get_object_or_404(access.visible_decisions(request.user).select_related("signer", "body"), pk=pk)


def panel(decision: Decision, user: User) -> dict:
    """What the panel shows: the mode, the signatures of the current content, the issued file, the next step
    and the certificates that may make it."""
    step = _step(decision)
    role = STEP_ROLE.get(step)
    certificates = SigningCertificate.objects.filter(body_id=decision.body_id, role=role, active=True) if role else []
    if role == SigningRole.SIGNER:
        certificates = certificates.filter(signer_id=decision.signer_id)
    issuance = getattr(decision, "issuance", None) if decision.state != DecisionState.DRAFT else None
    return {
        "mode": issuing.mode_of(decision), "paper": issuing.mode_of(decision) == IssueMode.PAPER,
        "signatures": list(decision.signatures.filter(content_version=decision.content_version)
                           .select_related("certificate")),
        "issuance": issuance, "next_step": step, "next_label": SigningStep(step).label if step else "",
        "certificates": [c for c in certificates if c.backend != SigningBackend.BROWSER],
        "browser": [c for c in certificates if c.backend == SigningBackend.BROWSER],
        "may_act": access.can_publish(user, decision)[0] and (decision.state == DecisionState.DRAFT
                                                              or step == SigningStep.CERTIFICATES),
        "certificates_file": issuing.certificates_file(decision) if issuance else None,
        "plugin_url": settings.SIGNING_PLUGIN_URL,
    }


def allow_plugin(response, signing: dict):
    """The page that offers signing through the local plugin may reach it: its origin joins the CSP's
    connect-src for this response only (every other page keeps connect-src 'self')."""
    if signing["may_act"] and signing["next_step"] and not signing["paper"]:
        url = urlsplit(signing["plugin_url"])
        if url.scheme in ("http", "https") and url.netloc:
            response._csp_update = {"connect-src": [f"{url.scheme}://{url.netloc}"]}
    return response


@login_required
@require_POST
def sign(request, pk):
    """Sign the next step with a certificate whose key the server reaches, the PIN typed on the page."""
    decision = _decision(request, pk)
    row = get_object_or_404(SigningCertificate, pk=request.POST.get("certificate") or 0, body=decision.body)
    try:
        backend = backends.backend_for(row, request.POST.get("pin", ""))
        step = _step(decision)
        if step == SigningStep.SIGNER:
            issuing.sign_as_signer(decision, request.user, backend)
            messages.success(request, _("Đã ký số quyết định %(code)s. Văn thư ký phát hành để ban hành.")
                             % {"code": decision.code})
        elif step == SigningStep.CERTIFICATES:
            issuing.sign_certificates(decision, request.user, backend)
            messages.success(request, _("Đã ký số tệp bằng khen, giấy khen của quyết định %(code)s.")
                             % {"code": decision.code})
        else:
            count = issuing.issue(decision, request.user, backend)
            messages.success(request, _("Đã ký phát hành quyết định %(code)s; đã ghi %(n)s khen thưởng vào sổ.")
                             % {"code": decision.code, "n": count})
    except (issuing.DecisionError, pdfsign.SigningFailed) as exc:
        messages.error(request, str(exc))
    return redirect("awards:decision", decision.pk)


def _json(request) -> dict:
    try:
        return json.loads(request.body.decode() or "{}")
    except (ValueError, UnicodeDecodeError):
        return {}


@login_required
@require_POST
def external_start(request, pk):
    """Browser-side signing, first half: the certificate the plugin reported -> the hash the plugin signs."""
    decision = _decision(request, pk)
    data = _json(request)
    try:
        der = base64.b64decode(data.get("certificate", ""), validate=True)
        chain = [base64.b64decode(c, validate=True) for c in data.get("chain", [])]
    except (ValueError, TypeError):
        return JsonResponse({"error": _("Trình ký số không trả về chứng thư số.")}, status=400)
    try:
        session = issuing.start_external(decision, request.user, _step(decision), der, chain)
    except issuing.DecisionError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse({"session": session.pk, "step": session.step, "field": _field(session.step),
                         "hash": base64.b64encode(issuing.to_sign(session)).decode()})


def _field(step: str) -> str:
    return {SigningStep.SIGNER: pdfsign.FIELD_SIGNER, SigningStep.AGENCY: pdfsign.FIELD_AGENCY,
            SigningStep.CERTIFICATES: pdfsign.FIELD_CERTIFICATES}[step]


@login_required
@require_POST
def external_finish(request, pk):
    """Second half: the plugin's signature value -> the signed step; then the văn thư's step is next, or the
    decision is issued (after the seal), or the certificates file is signed."""
    decision = _decision(request, pk)
    data = _json(request)
    session = get_object_or_404(SigningSession, pk=data.get("session") or 0, decision=decision)
    try:
        value = base64.b64decode(data.get("signature", ""), validate=True)
        issuing.finish_external(session, request.user, value)
        decision.refresh_from_db()
        step = issuing.next_step(decision)
        if session.step == SigningStep.CERTIFICATES:
            return JsonResponse({"done": True, "message": _("Đã ký số tệp bằng khen, giấy khen.")})
        if session.step == SigningStep.AGENCY:
            count = issuing.complete_issue(decision, request.user)
            return JsonResponse({"done": True, "message": _("Đã ký phát hành; đã ghi %(n)s khen thưởng vào sổ.")
                                 % {"n": count}})
    except (ValueError, TypeError):
        return JsonResponse({"error": _("Chữ ký trả về không dùng được (sai định dạng).")}, status=400)
    except issuing.DecisionError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse({"done": step in ("", SigningStep.AGENCY), "next": step})


@login_required
@require_POST
def issue_paper(request, pk):
    """Paper mode: the scan of the paper original (PDF, checked by content) and the date on it."""
    decision = _decision(request, pk)
    upload = request.FILES.get("scan")
    try:
        issued_on = datetime.date.fromisoformat(request.POST.get("issued_on", ""))
    except ValueError:
        issued_on = None
    try:
        if upload is None:
            raise UploadRejected(_("Chọn tệp PDF bản quét bản gốc."))
        inspected = inspect_upload(upload, 50 * 1024 * 1024)
        if inspected.content_type != "application/pdf":
            raise UploadRejected(_("Bản quét phải là tệp PDF."))
        if issued_on is None:
            raise UploadRejected(_("Nhập ngày ký trên bản gốc."))
        count = issuing.issue_paper(decision, request.user, upload.read(), issued_on)
    except UploadRejected as exc:
        messages.error(request, exc.message)
    except issuing.DecisionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã phát hành quyết định %(code)s (ký trên giấy); đã ghi %(n)s khen thưởng "
                                    "vào sổ.") % {"code": decision.code, "n": count})
    return redirect("awards:decision", decision.pk)


@login_required
@require_GET
def issued_file(request, pk):
    decision = _decision(request, pk)
    issuance = getattr(decision, "issuance", None)
    if issuance is None:
        raise Http404
    if decision.state == DecisionState.DRAFT:
        raise PermissionDenied
    return FileResponse(issuance.file.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"QD-{decision.number:02d}-{decision.year}-{decision.symbol}.pdf")


@login_required
@require_GET
def signed_certificates(request, pk):
    """The certificates file the văn thư signed (Bằng khen, Giấy khen with their codes)."""
    decision = _decision(request, pk)
    row = issuing.certificates_file(decision)
    if row is None:
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"BK-{decision.number:02d}-{decision.year}-{decision.symbol}.pdf")
