"""Digital signatures of decisions (awards.signing, awards.decisions.issuing): the certificates a body accepts,
each signature made, the issued file, the certificates' verification codes, and half-made signatures waiting
for a signer outside the server.

A decision is signed twice (NĐ 30/2020/NĐ-CP Điều 5, Phụ lục I mục II): by its signer, then by the văn thư for
the agency when it is issued (ký phát hành, with the annex signed too). Each signature keeps the file as it was
after it, so nothing signed is ever rendered again. A body in paper mode issues by uploading the scan of the
paper original instead."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# 32 symbols without 0/O and 1/I: 8 symbols = 40 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class SigningRole(models.TextChoices):
    SIGNER = "signer", _("Người ký quyết định")
    AGENCY = "agency", _("Cơ quan, tổ chức (văn thư ký phát hành)")


class SigningBackend(models.TextChoices):
    KEY_FILE = "key_file", _("Tệp khóa (PKCS#12)")
    PKCS11 = "pkcs11", _("Thiết bị ký số (token PKCS#11)")
    BROWSER = "browser", _("Ký trên máy người dùng (trình ký số cục bộ)")
    REMOTE = "remote", _("Dịch vụ ký số từ xa")


class IssueMode(models.TextChoices):
    ELECTRONIC = "electronic", _("Ký số, phát hành điện tử")
    PAPER = "paper", _("Ký trên giấy, văn thư tải lên bản quét")


class SigningStep(models.TextChoices):
    SIGNER = "signer", _("Người có thẩm quyền ký")
    AGENCY = "agency", _("Văn thư ký phát hành (con dấu)")
    ANNEX = "annex", _("Văn thư ký phát hành phụ lục")
    CERTIFICATES = "certs", _("Văn thư ký số tệp bằng khen, giấy khen")


class BodySigning(models.Model):
    """How a body issues its decisions; a body without a row signs electronically."""

    body = models.OneToOneField("awards.IssuingBody", on_delete=models.CASCADE, related_name="signing")
    mode = models.CharField(_("cách phát hành"), max_length=12, choices=IssueMode.choices,
                            default=IssueMode.ELECTRONIC)

    class Meta:
        verbose_name = _("cách phát hành của cơ quan")
        verbose_name_plural = pgettext_lazy("số nhiều", "cách phát hành của cơ quan")

    def __str__(self) -> str:
        return f"{self.body}: {self.get_mode_display()}"


class SigningCertificate(models.Model):
    """A certificate a body accepts for its decisions (the signers table): a signer's, or the agency's used by the
    văn thư. A signature by any other certificate, or by one out of force on the signing day, is refused."""

    role = models.CharField(_("ký với tư cách"), max_length=10, choices=SigningRole.choices)
    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("cơ quan"), on_delete=models.PROTECT,
                             related_name="signing_certificates")
    signer = models.ForeignKey("awards.Signer", verbose_name=_("người ký"), on_delete=models.PROTECT, null=True,
                               blank=True, related_name="certificates")
    holder = models.CharField(_("tên trên chứng thư số"), max_length=255)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True)
    der = models.BinaryField(_("chứng thư số (DER)"))
    chain = models.BinaryField(_("chuỗi chứng thư (DER nối tiếp)"), blank=True, default=b"")
    not_before = models.DateTimeField(_("hiệu lực từ"))
    not_after = models.DateTimeField(_("hiệu lực đến"))
    backend = models.CharField(_("nơi giữ khóa"), max_length=12, choices=SigningBackend.choices)
    key_path = models.CharField(_("đường dẫn tệp khóa"), max_length=300, blank=True)
    token_label = models.CharField(_("nhãn token"), max_length=100, blank=True)
    key_label = models.CharField(_("nhãn khóa trên token"), max_length=100, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("chứng thư số được chấp nhận")
        verbose_name_plural = pgettext_lazy("số nhiều", "chứng thư số được chấp nhận")
        ordering = ["body", "role", "-not_after"]

    def __str__(self) -> str:
        return f"{self.holder} ({self.get_role_display()})"


class DecisionSignature(models.Model):
    """One signature made on a decision, and the file as it was right after it (the input of the next one)."""

    decision = models.ForeignKey("awards.Decision", on_delete=models.PROTECT, related_name="signatures")
    step = models.CharField(max_length=10, choices=SigningStep.choices)
    certificate = models.ForeignKey(SigningCertificate, on_delete=models.PROTECT, related_name="signatures")
    content_version = models.PositiveIntegerField()
    signed_at = models.DateTimeField()
    backend = models.CharField(max_length=12, choices=SigningBackend.choices)
    file = models.FileField(upload_to="signed/", max_length=200)
    sha256 = models.CharField(max_length=64)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("chữ ký số trên quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "chữ ký số trên quyết định")
        ordering = ["decision", "signed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["decision", "content_version", "step"],
                                               name="one_signature_per_step")]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.step} {self.certificate.holder}"


class Issuance(models.Model):
    """The issued decision: its signed file (electronic) or the scan of the paper original (paper)."""

    decision = models.OneToOneField("awards.Decision", on_delete=models.PROTECT, related_name="issuance")
    mode = models.CharField(max_length=12, choices=IssueMode.choices)
    file = models.FileField(upload_to="issued/", max_length=200)
    sha256 = models.CharField(max_length=64, db_index=True)
    code = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    signer_name = models.CharField(_("người ký"), max_length=255)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("quyết định đã phát hành")
        verbose_name_plural = pgettext_lazy("số nhiều", "quyết định đã phát hành")

    def __str__(self) -> str:
        return f"{self.code} ({self.get_mode_display()})"


def new_code() -> str:
    """"7K3F-9QX2": 8 symbols of 32 (40 bits) from the operating system's randomness."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class VerificationCode(models.Model):
    """The code printed on one recipient's certificate (Bằng khen, Giấy khen) and in its QR code."""

    line = models.OneToOneField("awards.DecisionLine", on_delete=models.PROTECT, related_name="verification")
    code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mã xác thực bằng, giấy khen")
        verbose_name_plural = pgettext_lazy("số nhiều", "mã xác thực bằng, giấy khen")

    def __str__(self) -> str:
        return self.code


class SigningSession(models.Model):
    """A signature prepared by the server and waiting for its value from outside (browser-side signing): the
    prepared file, where its room is, and the signed attributes whose digest the key signs."""

    decision = models.ForeignKey("awards.Decision", on_delete=models.CASCADE, related_name="signing_sessions")
    step = models.CharField(max_length=10, choices=SigningStep.choices)
    certificate = models.ForeignKey(SigningCertificate, on_delete=models.CASCADE, related_name="+")
    content_version = models.PositiveIntegerField()
    prepared = models.BinaryField()
    document_digest = models.BinaryField()
    reserved_start = models.PositiveBigIntegerField()
    reserved_end = models.PositiveBigIntegerField()
    signed_attrs = models.BinaryField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("phiên ký số đang chờ")
        verbose_name_plural = pgettext_lazy("số nhiều", "phiên ký số đang chờ")

    def __str__(self) -> str:
        return f"{self.decision_id} {self.step} ({'xong' if self.finished else 'đang chờ'})"
