"""Public verification (no login), mounted at ``/verify/``: upload a PDF to check its signatures and whether it
is a decision in the register; open a certificate's code (printed, or read from its QR code). Both are throttled
per client address in the cache (behind trusted proxies, the one X-Forwarded-For names), like the login form; an
unknown code answers 404 like any missing page."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from awards.core.uploads import UploadRejected, inspect_upload
from awards.models import Award, DecisionSignature, DecisionState, Issuance, SigningStep, VerificationCode
from awards.signing import codes, validation
from units.security.client import client_address

MAX_PDF_BYTES = 30 * 1024 * 1024


def _throttled(request) -> bool:
    """Count this request; true once the address has made more than VERIFY_MAX_REQUESTS in the window."""
    key = f"verify:{client_address(request)}"
    if cache.add(key, 1, settings.VERIFY_WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, settings.VERIFY_WINDOW_SECONDS)
        return False
    return count > settings.VERIFY_MAX_REQUESTS


def _too_many(request):
    return render(request, "verify/throttled.html", {"minutes": settings.VERIFY_WINDOW_SECONDS // 60}, status=429)


def explain(data: bytes) -> dict:
    """The answer for an uploaded PDF: valid and matching the register, or exactly why not."""
    report = validation.check(data)
    issuance = (Issuance.objects.filter(sha256=hashlib.sha256(data).hexdigest())
                .select_related("decision", "decision__body").first())
    answer = {"report": report, "issuance": issuance, "valid": False, "problem": report.problem_text}
    if report.problem:
        return answer
    first = report.signatures[0]
    if issuance is None:
        issuance = _certificates_of(data)
        answer["issuance"] = issuance
        if issuance is not None:
            answer["certificates"] = True
    if issuance is None:
        answer["problem"] = _("Chữ ký số hợp lệ nhưng tệp không khớp quyết định nào trong sổ của phần mềm.")
        return answer
    if issuance.decision.state == DecisionState.REVOKED:
        answer["problem"] = _("Quyết định %(code)s đã bị thu hồi ngày %(day)s.") % {
            "code": issuance.code, "day": timezone.localtime(issuance.decision.closed_at).strftime("%d/%m/%Y")}
        return answer
    answer["valid"] = True
    words = {"signer": first.signer, "day": timezone.localtime(first.signed_at).strftime("%d/%m/%Y"),
             "code": issuance.code}
    if answer.get("certificates"):
        answer["message"] = _("Hợp lệ, do %(signer)s ký ngày %(day)s: tệp bằng khen, giấy khen của quyết định "
                              "%(code)s trong sổ.") % words
    else:
        answer["message"] = _("Hợp lệ, do %(signer)s ký ngày %(day)s, khớp quyết định %(code)s trong sổ.") % words
    return answer


def _certificates_of(data: bytes) -> Issuance | None:
    """The issued decision whose certificates file (signed by the văn thư) is ``data``, if any."""
    row = (DecisionSignature.objects.filter(step=SigningStep.CERTIFICATES, sha256=hashlib.sha256(data).hexdigest())
           .select_related("decision").first())
    return Issuance.objects.filter(decision_id=row.decision_id).select_related("decision").first() if row else None


@require_http_methods(["GET", "POST"])
def verify_file(request):
    if request.method == "GET":
        return render(request, "verify/file.html", {})
    if _throttled(request):
        return _too_many(request)
    upload = request.FILES.get("file")
    context: dict = {}
    try:
        if upload is None:
            raise UploadRejected(_("Chọn tệp PDF cần kiểm tra."))
        inspected = inspect_upload(upload, MAX_PDF_BYTES)
        if inspected.content_type != "application/pdf":
            raise UploadRejected(_("Chỉ kiểm tra được tệp PDF."))
        context = explain(upload.read())
    except UploadRejected as exc:
        context = {"error": exc.message}
    return render(request, "verify/file.html", context)


@require_http_methods(["GET"])
def verify_code(request, code: str):
    """A certificate's public page: recipient, award, decision number and date, revoked or not; nothing else."""
    if _throttled(request):
        return _too_many(request)
    normal = codes.normalise(code)
    row = (VerificationCode.objects.filter(code=normal).select_related("line__decision__award_type",
                                                                        "line__decision__body").first()
           if normal else None)
    if row is None or row.line.decision.state not in (DecisionState.PUBLISHED, DecisionState.REVOKED):
        raise Http404
    line, decision = row.line, row.line.decision
    award = Award.objects.filter(decision=decision, nomination_id=line.nomination_id).first()
    revoked = decision.state == DecisionState.REVOKED or (award is not None and award.revoked)
    return render(request, "verify/code.html", {
        "code": row.code, "recipient": line.recipient_name, "award": decision.award_type.name,
        "decision_code": decision.code, "decided_on": decision.decided_on, "issuer": decision.body.head_title,
        "revoked": revoked})
