"""The read log, for board staff and administrators: filters (user, person, kind, dates) and Excel export."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from units.hygiene import CleanTextMixin
from units.models import Person, PersonalDataRead, ReadKind, Role
from units.security import read_log

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LogFilter(CleanTextMixin, forms.Form):
    user = forms.ModelChoiceField(label=gettext_lazy("Người xem"), required=False, queryset=None)
    person = forms.ModelChoiceField(label=gettext_lazy("Cá nhân"), required=False, queryset=Person.objects.none(),
                                    widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=gettext_lazy("Loại dữ liệu"), required=False,
                             choices=[("", gettext_lazy("Tất cả")), *ReadKind.choices])
    day_from = forms.DateField(label=gettext_lazy("Từ ngày"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    day_to = forms.DateField(label=gettext_lazy("Đến ngày"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        readers = PersonalDataRead.objects.values("user_id").distinct()
        self.fields["user"].queryset = get_user_model().objects.filter(pk__in=readers).order_by("username")
        self.fields["user"].label_from_instance = lambda u: f"{u.display_name} ({u.get_username()})"
        self.fields["person"].queryset = Person.objects.all()
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs.setdefault("class", "form-select" if select else "form-control")


def require_staff(user) -> None:
    if not (user.is_superuser or user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng và quản trị viên dùng trang này."))


@login_required
@require_GET
def read_log_page(request):
    require_staff(request.user)
    form = LogFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = read_log.filtered(
        user_id=getattr(data.get("user"), "pk", None), person_id=getattr(data.get("person"), "pk", None),
        kind=data.get("kind", ""), day_from=data.get("day_from"), day_to=data.get("day_to"))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(read_log.workbook(rows), content_type=XLSX)
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="nhat-ky-xem-du-lieu-ca-nhan-{stamp}.xlsx"'
        return response
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return render(request, "registration/read_log.html", {
        "form": form, "page": page, "person": data.get("person"), "export_query": query.urlencode(),
    })
