"""The admin's forms pass the product's one text normaliser (units.text.clean_text through
units.hygiene.CleanTextMixin) like every other form: a name made only of invisible or bidi characters is refused
with the same Vietnamese message, a name carrying them is stored clean."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.factories import PersonFactory, UnitFactory
from units.hygiene import MSG_INVISIBLE_ONLY, CleanTextMixin
from units.models import Household, Person

pytestmark = pytest.mark.django_db

INVISIBLE_NAMES = ["\u200b", "\u202e", "\u2066\u2069", "\u200b \u202e\u2066"]


def _value(bound) -> object:
    value = bound.value()
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if value is True:
        return "on"
    if value is False:
        return ""
    return value


def change_form_data(user, obj) -> dict:
    """What the admin's change page of ``obj`` posts back unchanged: its form's fields and its inlines' forms."""
    model_admin = admin.site._registry[type(obj)]
    request = RequestFactory().get("/")
    request.user = user
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    data = {name: _value(form[name]) for name in form.fields}
    data = {name: value for name, value in data.items() if value != ""}
    for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
        formset = formset(instance=obj, prefix=formset.get_default_prefix())
        for name, field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value() or field.initial or 0
        for sub in formset.forms:
            for name in sub.fields:
                value = _value(sub[name])
                if value != "":
                    data[sub.add_prefix(name)] = value
    return data


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_the_admin_refuses_a_person_named_only_with_invisible_characters(client, staff, name):
    person = PersonFactory(full_name="Hoàng Thị Lan")
    client.force_login(staff)
    data = change_form_data(staff, person) | {"full_name": name}

    response = client.post(f"/admin/units/person/{person.pk}/change/", data)

    assert response.status_code == 200
    assert str(MSG_INVISIBLE_ONLY) in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Hoàng Thị Lan"


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_the_admin_refuses_a_unit_named_only_with_invisible_characters(client, staff, name):
    unit = UnitFactory(name="Sở Tư pháp")
    client.force_login(staff)
    data = change_form_data(staff, unit) | {"name": name}

    response = client.post(f"/admin/units/unit/{unit.pk}/change/", data)

    assert response.status_code == 200
    assert str(MSG_INVISIBLE_ONLY) in response.content.decode()
    unit.refresh_from_db()
    assert unit.name == "Sở Tư pháp"


def test_the_admin_refuses_an_invisible_only_optional_text_and_an_inline_alias(client, staff):
    unit = UnitFactory(name="Sở Tư pháp", short_name="STP")
    client.force_login(staff)
    data = change_form_data(staff, unit) | {"short_name": "\u202e", "aliases-0-name": "\u2066\u200b"}

    response = client.post(f"/admin/units/unit/{unit.pk}/change/", data)

    assert response.status_code == 200
    assert response.content.decode().count(str(MSG_INVISIBLE_ONLY)) == 2
    unit.refresh_from_db()
    assert (unit.short_name, unit.aliases.count()) == ("STP", 0)


def test_the_admin_stores_a_person_added_with_bidi_characters_clean(client, staff, unit_a):
    client.force_login(staff)

    response = client.post("/admin/units/person/add/", {
        "full_name": "L\u200bò Thị\u202e  Hằ\u2067ng\u2069", "gender": "nu", "unit": unit_a.pk,
        "category": "lanh_dao_khac", "position": "\u2066Chuyên  viên\u2069"})

    assert response.status_code == 302
    person = Person.objects.get(unit=unit_a)
    assert (person.full_name, person.position) == ("Lò Thị Hằng", "Chuyên viên")


def test_the_admin_refuses_a_household_named_only_with_invisible_characters(client, staff, unit_a):
    client.force_login(staff)

    response = client.post("/admin/units/household/add/", {"name": "\u202e\u200b", "commune": unit_a.pk})

    assert response.status_code == 200
    assert str(MSG_INVISIBLE_ONLY) in response.content.decode()
    assert Household.objects.count() == 0


def test_the_user_admin_refuses_an_invisible_only_full_name(client, administrator, unit_a, officer_a):
    client.force_login(administrator)
    data = change_form_data(administrator, officer_a) | {"full_name": "\u2066\u2069"}

    response = client.post(f"/admin/units/user/{officer_a.pk}/change/", data)

    assert response.status_code == 200
    assert str(MSG_INVISIBLE_ONLY) in response.content.decode()


def test_every_admin_form_and_inline_of_the_product_cleans_its_text_fields(staff):
    request = RequestFactory().get("/")
    request.user = staff
    missing = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("units", "awards", "campaigns"):
            continue
        forms = [("form", model_admin.form), ("changelist", model_admin.get_changelist_form(request))]
        forms += [(inline.__name__, inline.form) for inline in model_admin.inlines]
        if hasattr(model_admin, "add_form"):
            forms.append(("add_form", model_admin.add_form))
        missing += [f"{type(model_admin).__name__} {kind}" for kind, form in forms
                    if not issubclass(form, CleanTextMixin)]
    assert missing == []
