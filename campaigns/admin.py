from django.contrib import admin

from campaigns.models import Campaign, ContentGroup, Registration, Target


class ContentGroupInline(admin.TabularInline):
    model = ContentGroup
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["code", "indicator", "content_group", "unit", "unit_of_measure", "target_value", "result_value",
              "result_note", "reported_on"]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    autocomplete_fields = ["unit"]
    fields = ["unit", "registered_on", "commitments"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "start_date", "end_date", "launching_unit"]
    list_filter = ["kind", "method", "scope", "status"]
    search_fields = ["name", "theme", "code"]
    autocomplete_fields = ["launching_unit"]
    date_hierarchy = "start_date"
    inlines = [ContentGroupInline, TargetInline, RegistrationInline]


@admin.register(ContentGroup)
class ContentGroupAdmin(admin.ModelAdmin):
    list_display = ["campaign", "number", "title"]
    search_fields = ["title", "campaign__name"]
    autocomplete_fields = ["campaign"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "campaign", "unit", "unit_of_measure", "target_value", "result_value"]
    list_filter = ["campaign"]
    search_fields = ["indicator", "campaign__name"]
    autocomplete_fields = ["campaign", "unit", "content_group"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["campaign", "unit", "registered_on"]
    list_filter = ["campaign"]
    search_fields = ["unit__name", "campaign__name"]
    autocomplete_fields = ["campaign", "unit"]
    filter_horizontal = ["target_titles"]
