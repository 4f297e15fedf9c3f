from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from awards.admin.base import ReadOnlyAdmin
from awards.catalogue import versions
from awards.models import (
    PLACEHOLDERS,
    AgendaItem,
    Attachment,
    AttachmentAccess,
    Award,
    AwardType,
    BaseSalary,
    BlankCalibration,
    CollectiveFigures,
    CouncilMinutesSequence,
    CouncilSession,
    DashboardReport,
    DecidingPower,
    Decision,
    DecisionDocument,
    DecisionLine,
    DeferredTask,
    DocumentWording,
    Dossier,
    DossierRevision,
    DossierTransition,
    EligibilityRule,
    HoldPeriod,
    Holiday,
    ImportJob,
    Initiative,
    IssuingBody,
    LegalDocument,
    Nomination,
    NominationEligibility,
    Notice,
    NoticePreference,
    NumberSequence,
    ProcessingTimeLimit,
    SentReminder,
    Signer,
    StatisticsFigure,
    UnitCouncilVote,
    UnitVoteLine,
    Vote,
    YearlyRating,
)
from units.hygiene import CleanTextAdmin, CleanTextInline


@admin.register(LegalDocument)
class LegalDocumentAdmin(CleanTextAdmin):
    list_display = ["number", "kind", "issued_on", "valid_from", "valid_to", "basis_order", "body"]
    list_filter = ["kind", ("body", admin.EmptyFieldListFilter)]
    search_fields = ["number", "title"]
    autocomplete_fields = ["replaced_by", "body"]


@admin.register(DocumentWording)
class DocumentWordingAdmin(CleanTextAdmin):
    """The wording of each kind of decision, effective-dated: a new decree is a new row starting on its date (the
    old row ends the day before); the model refuses overlapping periods and unknown placeholders."""

    list_display = ["kind", "valid_from", "valid_to", "subject"]
    list_filter = ["kind"]
    fieldsets = [(None, {
        "fields": ["kind", "valid_from", "valid_to", "subject", "article_one", "proposal", "executors",
                   "legal_citation"],
        "description": format_html_join(
            "", "<div><code>{{{}}}</code>: {}</div>", PLACEHOLDERS.items()),
    })]


@admin.register(IssuingBody)
class IssuingBodyAdmin(CleanTextAdmin):
    """Board staff and administrators keep the bodies; unit officers never reach the admin."""

    list_display = ["head_title", "kind", "symbol", "valid_from", "valid_to"]
    list_filter = ["kind", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["head_title", "unit__name", "symbol"]
    autocomplete_fields = ["unit"]
    fieldsets = [
        (None, {"fields": ["unit", "kind", "head_title", "short_head_title", "valid_from", "valid_to"]}),
        (_("Thể thức quyết định (NĐ 30/2020/NĐ-CP)"), {"fields": [
            "parent_name", "issuer_name", "symbol", "place", "authority_line", "signature_title", "deputy_title",
            "fund_name"]}),
        (_("Ghi chú"), {"fields": ["note"]}),
    ]


@admin.register(DecidingPower)
class DecidingPowerAdmin(CleanTextAdmin):
    list_display = ["award_code", "body_kind", "valid_from", "valid_to", "legal_citation"]
    list_filter = ["body_kind", "award_code"]
    search_fields = ["award_code", "legal_citation"]


@admin.register(AwardType)
class AwardTypeAdmin(CleanTextAdmin):
    list_display = ["name", "code", "family", "authority", "valid_from", "valid_to",
                    "bonus_individual", "bonus_collective", "bonus_household", "vote_threshold_pct"]
    list_filter = ["family", "authority", "requires_council_vote", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "short_name", "code"]
    save_as = True  # "Lưu thành bản mới": the way staff add a new effective-dated version
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "series", "award_class", "family", "sort_order"]}),
        (_("Thẩm quyền và đối tượng"), {"fields": ["authority", "for_collective", "for_individual", "for_household",
                                                    "is_yearly"]}),
        (_("Hội đồng Thi đua - Khen thưởng"), {"fields": ["requires_council_vote", "vote_threshold_pct"]}),
        (_("Tiền thưởng (hệ số × lương cơ sở)"), {"fields": ["bonus_individual", "bonus_collective",
                                                             "bonus_household"]}),
        (_("Căn cứ và hiệu lực"), {"fields": ["legal_citation", "note", "valid_from", "valid_to"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            closed = versions.close_previous_version(obj)
            if closed is not None:
                messages.info(
                    request,
                    _("Phiên bản trước (từ %(start)s) đã được đặt hết hiệu lực ngày %(end)s.")
                    % {"start": closed.valid_from.strftime("%d/%m/%Y"), "end": closed.valid_to.strftime("%d/%m/%Y")},
                )


@admin.register(BaseSalary)
class BaseSalaryAdmin(CleanTextAdmin):
    list_display = ["valid_from", "amount", "legal_citation"]


@admin.register(Holiday)
class HolidayAdmin(CleanTextAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(ProcessingTimeLimit)
class ProcessingTimeLimitAdmin(CleanTextAdmin):
    list_display = ["occasion", "working_days"]


class NominationInline(CleanTextInline):
    model = Nomination
    fields = ["recipient_kind", "unit", "collective_name", "person", "household", "award_type", "verdict"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "unit", "body", "year", "occasion", "state", "received_at", "due_date"]
    list_filter = ["state", "occasion", "year", "authority", ("body", admin.EmptyFieldListFilter)]
    search_fields = ["reference", "title", "unit__name"]
    list_select_related = ["unit"]
    inlines = [NominationInline]


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "recipient_kind", "award_type", "verdict", "council_result", "central_outcome"]
    list_filter = ["verdict", "council_result", "recipient_kind"]
    search_fields = ["dossier__reference", "person__full_name", "collective_name", "unit__name"]
    list_select_related = ["dossier", "award_type"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "kind", "original_name", "content_type", "size", "uploaded_at"]
    list_filter = ["kind", "content_type"]
    exclude = ["file"]  # files are served only through the permission-checked view


@admin.register(DossierTransition)
class DossierTransitionAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "action", "from_state", "to_state", "actor", "at"]
    list_filter = ["action", "to_state"]


@admin.register(DossierRevision)
class DossierRevisionAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "number", "submitted_by", "submitted_at"]


@admin.register(CouncilSession)
class CouncilSessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "held_on", "status", "closed_at", "minutes_code"]


@admin.register(CouncilMinutesSequence)
class CouncilMinutesSequenceAdmin(ReadOnlyAdmin):
    list_display = ["year", "last_number"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["session", "nomination", "yes_count", "member_count", "passed"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["item", "member", "choice", "written", "voided", "void_reason", "cast_at"]
    list_filter = ["voided", "written", "choice"]


@admin.register(UnitCouncilVote)
class UnitCouncilVoteAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "held_on", "member_count", "present_count", "chair_name", "recorded_at"]


@admin.register(UnitVoteLine)
class UnitVoteLineAdmin(ReadOnlyAdmin):
    list_display = ["vote", "nomination", "yes_count", "threshold_pct", "passed"]
    list_filter = ["passed"]


@admin.register(Signer)
class SignerAdmin(CleanTextAdmin):
    list_display = ["full_name", "position", "capacity", "body", "valid_from", "valid_to"]
    list_filter = ["capacity", "body__kind"]
    autocomplete_fields = ["body"]


@admin.register(NumberSequence)
class NumberSequenceAdmin(ReadOnlyAdmin):
    list_display = ["body", "year", "last_number"]


class DecisionLineInline(CleanTextInline):
    model = DecisionLine
    fields = ["position", "recipient_kind", "recipient_name", "detail", "bonus_amount", "active"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["code", "body", "decided_on", "subject", "state", "signer"]
    list_filter = ["state", "year", "body__kind"]
    search_fields = ["subject", "number"]
    inlines = [DecisionLineInline]


@admin.register(DecisionLine)
class DecisionLineAdmin(ReadOnlyAdmin):
    list_display = ["decision", "recipient_name", "recipient_kind", "bonus_amount", "active"]


@admin.register(DecisionDocument)
class DecisionDocumentAdmin(ReadOnlyAdmin):
    list_display = ["decision", "kind", "version", "status", "pages", "attempts", "finished_at"]
    list_filter = ["status", "kind"]
    exclude = ["file"]


@admin.register(DeferredTask)
class DeferredTaskAdmin(ReadOnlyAdmin):
    """The outbox (``awards.core.outbox``): what waits for the queue, what ran, what failed and why."""

    list_display = ["pk", "kind", "status", "attempts", "created_at", "dispatched_at", "finished_at", "last_error"]
    list_filter = ["status", "kind"]


@admin.register(BlankCalibration)
class BlankCalibrationAdmin(CleanTextAdmin):
    """Board staff measure a pre-printed blank with the calibration sheet and type the positions here; a
    position outside the paper is refused by the model (``BlankCalibration.clean``), naming the field."""

    list_display = ["name", "kind", "body", "paper", "updated_at"]
    list_filter = ["kind", "paper"]
    search_fields = ["name"]
    autocomplete_fields = ["body"]
    readonly_fields = ["calibration_sheet"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "body", "calibration_sheet"]}),
        (_("Khổ giấy và độ lệch máy in"), {"fields": [
            "paper", ("paper_width_mm", "paper_height_mm"), ("offset_x_mm", "offset_y_mm")]}),
        (_("Cỡ chữ"), {"fields": [("font_size_pt", "recipient_font_size_pt")]}),
        (_("Vị trí các dòng (mm, tính từ góc trên bên trái tờ phôi)"), {"fields": [
            ("recipient_x_mm", "recipient_y_mm"), ("reason_x_mm", "reason_y_mm", "reason_width_mm"),
            ("decision_x_mm", "decision_y_mm"), ("place_date_x_mm", "place_date_y_mm"),
            ("signer_title_x_mm", "signer_title_y_mm"), ("signer_name_x_mm", "signer_name_y_mm")]}),
        (_("Ghi chú"), {"fields": ["note"]}),
    ]

    @admin.display(description=_("trang thử căn chỉnh"))
    def calibration_sheet(self, obj: BlankCalibration) -> str:
        if not obj.pk:
            return _("Lưu trước, rồi in trang thử (lưới, thước mm và vị trí từng dòng).")
        return format_html('<a href="{}" target="_blank">{}</a>',
                           reverse("awards:blank_calibration_sheet", args=[obj.pk]), _("Mở trang thử căn chỉnh (PDF)"))


@admin.register(Award)
class AwardAdmin(ReadOnlyAdmin):
    list_display = ["recipient_name", "award_type", "year", "decision_number", "decided_on", "revoked"]
    list_filter = ["year", "source", "revoked", "recipient_kind", "occasion"]
    search_fields = ["recipient_name", "decision_number"]
    list_select_related = ["award_type"]


@admin.register(DashboardReport)
class DashboardReportAdmin(ReadOnlyAdmin):
    list_display = ["year", "unit", "status", "requested_by", "created_at", "finished_at"]
    exclude = ["file"]


@admin.register(StatisticsFigure)
class StatisticsFigureAdmin(ReadOnlyAdmin):
    """Read here; entered on the page "Số liệu bộ máy và công chức…" (``statistics_figures``), which checks that
    each breakdown adds up to the total before saving."""

    list_display = ["form", "year", "unit", "code", "value", "women", "entered_by", "entered_at"]
    list_filter = ["form", "year"]
    list_select_related = ["unit", "entered_by"]


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "dossier", "original_name", "status", "rows_total", "created", "created_by"]
    list_filter = ["status"]
    search_fields = ["dossier__reference", "original_name"]
    list_select_related = ["dossier", "created_by"]
    exclude = ["file"]


@admin.register(AttachmentAccess)
class AttachmentAccessAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "attachment", "ip"]
    list_filter = ["at"]
    search_fields = ["user__username", "user__full_name", "attachment__original_name", "attachment__dossier__reference"]
    list_select_related = ["user", "attachment"]


# --- the notification centre (awards.notices): read only; people mark their own notices read -------------------

@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "recipient", "kind", "title", "read_at", "email_status", "emailed_at"]
    list_filter = ["kind", "email_status"]
    search_fields = ["title", "recipient__username", "recipient__full_name"]
    list_select_related = ["recipient"]


@admin.register(NoticePreference)
class NoticePreferenceAdmin(CleanTextAdmin):
    list_display = ["user", "email_mode", "last_digest_on"]
    list_filter = ["email_mode"]
    search_fields = ["user__username", "user__full_name"]
    autocomplete_fields = ["user"]


@admin.register(SentReminder)
class SentReminderAdmin(ReadOnlyAdmin):
    list_display = ["key", "sent_at"]
    search_fields = ["key"]


# --- yearly facts and eligibility rules (awards.record.eligibility) ------------------------------------------------

@admin.register(YearlyRating)
class YearlyRatingAdmin(CleanTextAdmin):
    list_display = ["__str__", "year", "rating"]
    list_filter = ["year", "rating"]
    search_fields = ["person__full_name", "unit__name", "note"]
    autocomplete_fields = ["person", "unit"]


@admin.register(Initiative)
class InitiativeAdmin(CleanTextAdmin):
    list_display = ["title", "kind", "person", "unit", "year", "scope", "used_by", "used_note"]
    list_filter = ["kind", "scope", "year"]
    search_fields = ["title", "person__full_name", "unit__name", "decision_number"]
    autocomplete_fields = ["person", "unit"]
    raw_id_fields = ["used_by"]


@admin.register(HoldPeriod)
class HoldPeriodAdmin(CleanTextAdmin):
    list_display = ["__str__", "kind", "discipline_level", "start", "end"]
    list_filter = ["kind", "discipline_level"]
    search_fields = ["person__full_name", "unit__name", "reference"]
    autocomplete_fields = ["person", "unit"]


@admin.register(CollectiveFigures)
class CollectiveFiguresAdmin(CleanTextAdmin):
    list_display = ["unit", "year", "members", "completed_tasks", "with_ldtt", "with_cstdcs", "women",
                    "disciplined_canh_cao_or_above"]
    list_filter = ["year"]
    search_fields = ["unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(EligibilityRule)
class EligibilityRuleAdmin(CleanTextAdmin):
    list_display = ["code", "award_code", "recipient_kind", "valid_from", "valid_to", "citation", "ladder"]
    list_filter = ["recipient_kind", "ladder"]
    search_fields = ["code", "award_code", "citation"]
    autocomplete_fields = ["legal_document"]

    def save_model(self, request, obj, form, change):
        from awards.record.eligibility.criteria import validate_criteria

        problems = validate_criteria(obj.criteria)
        if problems:
            messages.warning(request, _("Tiêu chuẩn có mục không hiểu được: %(p)s") % {"p": ", ".join(problems)})
        super().save_model(request, obj, form, change)


@admin.register(NominationEligibility)
class NominationEligibilityAdmin(ReadOnlyAdmin):
    list_display = ["nomination", "verdict", "hard_unmet", "evaluated_at", "override_verdict", "override_by",
                    "override_at"]
    list_filter = ["verdict", "override_verdict"]
    search_fields = ["override_reason", "nomination__dossier__reference"]


# Signatures, the fund, consultations and the API: awards/admin/records.py.
from awards.admin import records  # noqa: E402, F401  (registers its models)
