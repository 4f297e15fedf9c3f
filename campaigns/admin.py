from django.contrib import admin

from campaigns.models import (
    Campaign,
    CampaignAudience,
    CampaignDocument,
    CampaignTransition,
    ContentGroup,
    Registration,
    Target,
    TargetReport,
)
from units.hygiene import CleanTextAdmin, CleanTextInline


class ContentGroupInline(CleanTextInline):
    model = ContentGroup
    extra = 0


class TargetInline(CleanTextInline):
    model = Target
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["code", "indicator", "content_group", "unit", "unit_of_measure", "target_value", "result_value",
              "result_note", "reported_on"]


class RegistrationInline(CleanTextInline):
    model = Registration
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["unit", "registered_on", "commitments"]


@admin.register(Campaign)
class CampaignAdmin(CleanTextAdmin):
    list_display = ["name", "kind", "status", "start_date", "end_date", "launching_unit"]
    list_filter = ["kind", "method", "scope", "status"]
    search_fields = ["name", "theme", "code"]
    autocomplete_fields = ["launching_unit"]
    date_hierarchy = "start_date"
    inlines = [ContentGroupInline, TargetInline, RegistrationInline]


@admin.register(ContentGroup)
class ContentGroupAdmin(CleanTextAdmin):
    list_display = ["campaign", "number", "title"]
    search_fields = ["title", "campaign__name"]
    autocomplete_fields = ["campaign"]


@admin.register(Target)
class TargetAdmin(CleanTextAdmin):
    list_display = ["indicator", "campaign", "unit", "unit_of_measure", "target_value", "result_value"]
    list_filter = ["campaign"]
    search_fields = ["indicator", "campaign__name"]
    autocomplete_fields = ["campaign", "unit", "content_group"]


@admin.register(Registration)
class RegistrationAdmin(CleanTextAdmin):
    list_display = ["campaign", "unit", "registered_on", "status"]
    list_filter = ["campaign", "status"]
    search_fields = ["unit__name", "campaign__name"]
    autocomplete_fields = ["campaign", "unit"]
    filter_horizontal = ["target_titles"]


class ReadOnlyAdmin(CleanTextAdmin):
    """Records written by the application's own services: the admin shows them, never adds or edits them."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CampaignTransition)
class CampaignTransitionAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "from_status", "to_status", "actor", "at"]
    list_filter = ["to_status"]
    search_fields = ["campaign__name", "note"]


@admin.register(CampaignAudience)
class CampaignAudienceAdmin(CleanTextAdmin):
    list_display = ["campaign", "unit", "via_cluster", "added_on"]
    list_filter = ["campaign"]
    search_fields = ["unit__name", "campaign__name"]
    autocomplete_fields = ["campaign", "unit"]


@admin.register(CampaignDocument)
class CampaignDocumentAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "kind", "original_name", "size", "uploaded_at"]
    search_fields = ["campaign__name", "original_name", "title"]


@admin.register(TargetReport)
class TargetReportAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "unit", "target", "period", "value", "submitted_at", "is_late"]
    list_filter = ["campaign", "period", "is_late"]
    search_fields = ["unit__name", "target__indicator"]
