"""What every admin module of awards shares."""

from units.hygiene import CleanTextAdmin


class ReadOnlyAdmin(CleanTextAdmin):
    """Workflow records change only through the application's own pages (one door for every change)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
