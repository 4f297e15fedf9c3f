from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from units.hygiene import CleanTextAdmin, CleanTextInline, CleanTextMixin, ListEditableCleaning
from units.models import (
    ClusterCriterion,
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearTransition,
    EmulationCluster,
    Household,
    Person,
    PersonalDataRead,
    ReadKind,
    Unit,
    UnitAlias,
    User,
)
from units.security.read_log import record_read
from units.security.second_factor import forget_devices
from units.security.throttle import lift_lock


class CleanUserChangeForm(CleanTextMixin, UserChangeForm):
    pass


class CleanUserCreationForm(CleanTextMixin, UserCreationForm):
    pass


@admin.register(User)
class UserAdmin(ListEditableCleaning, BaseUserAdmin):
    form = CleanUserChangeForm
    add_form = CleanUserCreationForm
    list_display = ["username", "full_name", "unit", "role_names", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    search_fields = ["username", "full_name", "email", "unit__name"]
    autocomplete_fields = ["unit"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "position", "email", "unit"]}),
        (_("Vai trò và quyền"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Thời gian"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "password1", "password2"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "position", "email", "unit", "groups"]}),
    ]
    filter_horizontal = ["groups"]
    actions = ["unlock_login", "reset_second_factor"]

    @admin.action(description=_("Mở khóa đăng nhập (xóa các lần đăng nhập sai)"))
    def unlock_login(self, request, queryset) -> None:
        for user in queryset:
            lift_lock(username=user.get_username())
        self.message_user(request, _("Đã mở khóa đăng nhập cho %(n)s tài khoản.") % {"n": queryset.count()})

    @admin.action(description=_("Xóa xác thực hai lớp (mất điện thoại)"))
    def reset_second_factor(self, request, queryset) -> None:
        for user in queryset:
            forget_devices(user)
        self.message_user(request, _("Đã xóa xác thực hai lớp của %(n)s tài khoản; lần đăng nhập sau chỉ cần mật "
                                     "khẩu.") % {"n": queryset.count()})

    @admin.display(description=_("vai trò"))
    def role_names(self, obj: User) -> str:
        return ", ".join(sorted(str(label) for label in obj.roles_labels()))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("unit").prefetch_related("groups")


class ChildInline(CleanTextInline):
    model = Unit
    fk_name = "parent"
    fields = ["code", "name", "kind", "valid_from", "valid_to"]
    extra = 0
    show_change_link = True


class AliasInline(CleanTextInline):
    """Other names of the unit, as the nominee import and the nomination form read them (``units.names``)."""

    model = UnitAlias
    fields = ["name", "folded", "valid_from", "valid_to"]
    readonly_fields = ["folded"]
    extra = 1


@admin.register(Unit)
class UnitAdmin(CleanTextAdmin):
    list_display = ["name", "short_name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "short_name", "code", "aliases__name"]
    autocomplete_fields = ["parent", "predecessors"]
    list_select_related = ["parent"]
    inlines = [AliasInline, ChildInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "kind", "parent", "sort_order"]}),
        (_("Hiệu lực và sắp xếp, sáp nhập"), {"fields": ["valid_from", "valid_to", "predecessors"]}),
        (_("Liên hệ"), {"fields": ["email", "address"]}),
    ]


@admin.register(UnitAlias)
class UnitAliasAdmin(CleanTextAdmin):
    list_display = ["name", "unit", "valid_from", "valid_to"]
    search_fields = ["name", "unit__name"]
    readonly_fields = ["folded"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]


@admin.register(Person)
class PersonAdmin(CleanTextAdmin):
    # The citizen ID is personal data: editable on the form, never listed or searched.
    list_display = ["full_name", "gender", "birth_date", "position", "unit", "category"]
    list_filter = ["gender", "category"]
    search_fields = ["full_name", "position", "unit__name"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The form shows the citizen ID: each opening is written to the read log."""
        response = super().change_view(request, object_id, form_url, extra_context)
        person = Person.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        if request.method == "GET" and person is not None and response.status_code == 200:
            record_read(request, ReadKind.ADMIN_PERSON, person=person, subject=person.full_name)
        return response


@admin.register(Household)
class HouseholdAdmin(CleanTextAdmin):
    list_display = ["name", "head_name", "address", "commune"]
    search_fields = ["name", "head_name", "address"]
    autocomplete_fields = ["commune"]


class MembershipInline(CleanTextInline):
    model = ClusterMembership
    extra = 0
    autocomplete_fields = ["unit"]
    ordering = ["-year", "unit__name"]


class ClusterYearInline(CleanTextInline):
    model = ClusterYear
    extra = 0
    autocomplete_fields = ["leader", "deputy"]


@admin.register(EmulationCluster)
class EmulationClusterAdmin(CleanTextAdmin):
    list_display = ["name", "kind", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]
    inlines = [ClusterYearInline, MembershipInline]


@admin.register(ClusterMembership)
class ClusterMembershipAdmin(CleanTextAdmin):
    list_display = ["year", "cluster", "unit"]
    list_filter = ["year", "cluster"]
    search_fields = ["unit__name", "cluster__name"]
    autocomplete_fields = ["unit", "cluster"]
    list_select_related = ["unit", "cluster"]


class ClusterCriterionInline(CleanTextInline):
    model = ClusterCriterion
    fk_name = "cluster_year"
    extra = 0
    fields = ["position", "number", "group", "text", "max_points"]


@admin.register(ClusterCriterion)
class ClusterCriterionAdmin(CleanTextAdmin):
    list_display = ["cluster_year", "number", "text", "max_points"]
    list_filter = ["cluster_year__year", "cluster_year__cluster"]
    search_fields = ["text", "cluster_year__cluster__name"]
    list_select_related = ["cluster_year__cluster"]


@admin.register(ClusterScore)
class ClusterScoreAdmin(CleanTextAdmin):
    list_display = ["membership", "criterion", "self_points", "checked_points"]
    list_filter = ["membership__year", "membership__cluster"]
    search_fields = ["membership__unit__name"]
    list_select_related = ["membership__unit", "membership__cluster", "criterion"]
    raw_id_fields = ["membership", "criterion"]


@admin.register(ClusterYear)
class ClusterYearAdmin(CleanTextAdmin):
    list_display = ["year", "cluster", "leader", "deputy", "state", "dossier"]
    list_filter = ["year", "cluster", "state"]
    autocomplete_fields = ["leader", "deputy", "cluster", "next_leader", "next_deputy"]
    readonly_fields = ["state", "version", "dossier", "closed_at"]
    filter_horizontal = ["covenant_signatories"]
    inlines = [ClusterCriterionInline]
    list_select_related = ["cluster", "leader", "deputy"]


@admin.register(ClusterYearTransition)
class ClusterYearTransitionAdmin(CleanTextAdmin):
    """The append-only history written by units.clusters.workflow: shown, never added, edited or deleted."""

    list_display = ["cluster_year", "action", "from_state", "to_state", "actor", "at"]
    list_filter = ["action", "to_state"]
    search_fields = ["cluster_year__cluster__name", "note"]
    list_select_related = ["cluster_year__cluster", "actor"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PersonalDataRead)
class PersonalDataReadAdmin(CleanTextAdmin):
    """The read log, read-only (also on /accounts/read-log/ with filters and the Excel export)."""

    list_display = ["at", "user", "kind", "subject", "address"]
    list_filter = ["kind"]
    date_hierarchy = "at"
    list_select_related = ["user"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
