"""Text hygiene of every form of the product: each text field passes ``units.text.clean_text`` (NFC, invisible and
bidi control characters dropped, spaces collapsed) before its own checks, and a value made only of such
characters is refused. The imports pass the same normaliser through ``awards.core.sheets.cell_text``; models
apply ``nfc`` to their names on save (the admin included)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from units.text import clean_text

MSG_INVISIBLE_ONLY = _("Không được để trống: nội dung chỉ gồm khoảng trắng hoặc ký tự không nhìn thấy.")


def _cleaning(field: forms.CharField, multiline: bool) -> Callable[[Any], Any]:
    original = field.to_python

    def to_python(value: Any) -> Any:
        if isinstance(value, str):
            cleaned = clean_text(value, multiline=multiline)
            if value.strip() and not cleaned:
                raise ValidationError(MSG_INVISIBLE_ONLY, code="invisible_only")
            value = cleaned
        return original(value)

    return to_python


class CleanTextMixin:
    """Put first in a form's bases: ``class DossierForm(CleanTextMixin, forms.ModelForm)``. Passwords are left
    exactly as typed."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                field.to_python = _cleaning(field, isinstance(field.widget, forms.Textarea))


class CleanTextModelForm(CleanTextMixin, forms.ModelForm):
    """The admin's form: every model form the admin builds starts from it (``CleanTextAdmin``)."""


class ListEditableCleaning:
    """The list-editable form of the change list is built from the admin's ``form`` too (Django builds it from a
    bare ModelForm)."""

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", self.form)  # type: ignore[attr-defined]
        return super().get_changelist_form(request, **kwargs)  # type: ignore[misc]


class CleanTextAdmin(ListEditableCleaning, admin.ModelAdmin):
    """The base of every ModelAdmin of the product: its add/change form and its list-editable form pass the text
    normaliser like every other form (``tests/site/test_admin_text_hygiene.py`` walks the registry). The user
    admin keeps Django's own forms with the mixin added (``units.admin``)."""

    form = CleanTextModelForm


class CleanTextInline(admin.TabularInline):
    """The base of every inline of the admin (tabular)."""

    form = CleanTextModelForm
