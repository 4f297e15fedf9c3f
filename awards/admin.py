from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from awards import services
from awards.models import AwardType, BaseSalary, LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "issued_on", "valid_from", "valid_to", "basis_order"]
    list_filter = ["kind"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["replaced_by"]


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
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
            closed = services.close_previous_version(obj)
            if closed is not None:
                messages.info(
                    request,
                    _("Phiên bản trước (từ %(start)s) đã được đặt hết hiệu lực ngày %(end)s.")
                    % {"start": closed.valid_from.strftime("%d/%m/%Y"), "end": closed.valid_to.strftime("%d/%m/%Y")},
                )


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "legal_citation"]
