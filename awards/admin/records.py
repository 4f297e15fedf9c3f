"""The admin of what later issues added: digital signatures (18), the fund (20), consultations and the API (19).
Loaded by ``awards.admin``."""

from django.contrib import admin

from awards.admin.base import ReadOnlyAdmin
from awards.models import (
    ApiCall,
    ApiClient,
    BodySigning,
    ConfidentialDossier,
    Consultation,
    CouncilOverride,
    DecisionSignature,
    ExchangeMessage,
    Fund,
    FundEntry,
    FundLine,
    FundRule,
    IdempotentWrite,
    Issuance,
    Opinion,
    PaymentVoucher,
    SigningCertificate,
    SigningSession,
    VerificationCode,
)
from units.hygiene import CleanTextAdmin

# --- digital signatures (issue 18): the signers table is edited here; what was signed is read only -------------

@admin.register(BodySigning)
class BodySigningAdmin(CleanTextAdmin):
    list_display = ["body", "mode"]


@admin.register(SigningCertificate)
class SigningCertificateAdmin(CleanTextAdmin):
    list_display = ["holder", "role", "body", "signer", "backend", "not_after", "active"]
    list_filter = ["role", "backend", "active"]
    readonly_fields = ["fingerprint", "not_before", "not_after", "der", "chain"]
    search_fields = ["holder", "fingerprint"]


@admin.register(DecisionSignature)
class DecisionSignatureAdmin(ReadOnlyAdmin):
    list_display = ["decision", "step", "certificate", "signed_at", "backend"]


@admin.register(Issuance)
class IssuanceAdmin(ReadOnlyAdmin):
    list_display = ["code", "mode", "issued_on", "signer_name", "signed_at"]


@admin.register(VerificationCode)
class VerificationCodeAdmin(ReadOnlyAdmin):
    list_display = ["code", "line", "created_at"]
    search_fields = ["code"]


@admin.register(SigningSession)
class SigningSessionAdmin(ReadOnlyAdmin):
    list_display = ["decision", "step", "created_at", "finished"]


# --- the fund (issue 20) ------------------------------------------------------------------------------------------

@admin.register(FundRule)
class FundRuleAdmin(CleanTextAdmin):
    """The law on the quỹ thi đua, khen thưởng in force over time: the Board enters the formation ceiling and its
    base once the decree is read (docs/legal-sources.md, "Quỹ thi đua, khen thưởng")."""

    list_display = ["citation", "valid_from", "valid_to", "formation_max_percent", "campaign_max_percent", "verified"]


@admin.register(Fund)
class FundAdmin(ReadOnlyAdmin):
    list_display = ["body", "year", "opening_balance", "created_at"]
    list_filter = ["year"]
    list_select_related = ["body"]


@admin.register(FundLine)
class FundLineAdmin(ReadOnlyAdmin):
    list_display = ["decision", "recipient_name", "receiving_unit", "amount", "paid", "status"]
    list_filter = ["status", "fund__year"]
    list_select_related = ["decision", "receiving_unit"]


@admin.register(FundEntry)
class FundEntryAdmin(ReadOnlyAdmin):
    list_display = ["fund", "day", "kind", "amount", "document_number", "corrects", "created_by"]
    list_filter = ["kind", "fund__year"]
    list_select_related = ["fund__body", "created_by"]


@admin.register(PaymentVoucher)
class PaymentVoucherAdmin(ReadOnlyAdmin):
    list_display = ["fund", "number", "day", "created_by"]
    list_select_related = ["fund__body", "created_by"]


# Issue 19: consultations and their opinions change through the staff's pages; API clients are made by
# ``manage.py create_api_token``; calls, remembered writes and LGSP messages are logs.
for _model in (Consultation, Opinion, CouncilOverride, ApiClient, ApiCall, IdempotentWrite, ExchangeMessage):
    admin.site.register(_model, ReadOnlyAdmin)


@admin.register(ConfidentialDossier)
class ConfidentialDossierAdmin(CleanTextAdmin):
    """A dossier marked "mật" is never packaged for the national software."""

    list_display = ["dossier", "reason", "marked_by", "marked_at"]
    raw_id_fields = ["dossier", "marked_by"]
