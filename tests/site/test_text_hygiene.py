"""Text hygiene in one place (units.text.nfc / clean_text): NFC, zero-width and bidi controls dropped, spaces
collapsed, for every form (units.hygiene.CleanTextMixin) and every import (awards.core.sheets.cell_text); a value
made only of such characters is refused."""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata

import pytest
from django import forms

from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from tests.factories import make_dossier, xlsx_upload
from units.forms import AdminLoginForm, LoginForm
from units.hygiene import MSG_INVISIBLE_ONLY, CleanTextMixin
from units.models import Person
from units.text import INVISIBLE, clean_text, fold, nfc

pytestmark = pytest.mark.django_db

INVISIBLE_ONLY = "\u200b\u202e \u2066\u2069\ufeff\u00ad"
DIRTY = "L\u200bò Thị\u202e  Hằ\u2067ng\u2069"


@pytest.mark.parametrize(("value", "expected"), [
    (DIRTY, "Lò Thị Hằng"),
    (unicodedata.normalize("NFD", "Hoàng  Văn\tThụ "), "Hoàng Văn Thụ"),
    (INVISIBLE_ONLY, ""),
    ("hoso\u202efdp.exe", "hosofdp.exe"),
    (None, ""),
])
def test_one_normaliser(value, expected):
    assert nfc(value) == expected
    assert clean_text(value) == expected


def test_every_listed_character_is_dropped_and_fold_ignores_them():
    listed = [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x00AD]
    assert set(listed) <= INVISIBLE
    assert nfc("".join(map(chr, listed))) == ""
    assert fold(DIRTY) == "lo thi hang"


def test_a_textarea_keeps_its_lines():
    assert clean_text("Dòng\u200b  một \r\n\n\n\nDòng hai\u202e", multiline=True) == "Dòng một\n\nDòng hai"


def _all_forms() -> set[type]:
    for package in ("awards", "campaigns", "units"):
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if ".migrations" not in info.name and ".management" not in info.name:
                importlib.import_module(info.name)
    found, todo = set(), [forms.Form, forms.ModelForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in ("awards", "campaigns", "units"):
                found.add(sub)
    return found


def test_every_form_of_the_product_cleans_its_text_fields():
    missing = sorted(f"{form.__module__}.{form.__name__}" for form in _all_forms()
                     if not issubclass(form, CleanTextMixin) and form not in (LoginForm, AdminLoginForm))
    assert missing == []


def nomination_post(dossier, award, name):
    return {"recipient_kind": "ca_nhan", "new_person_name": name, "new_person_gender": "nu",
            "new_person_birth_date": "1984-02-03", "new_person_position": "Chuyên viên",
            "new_person_category": "lanh_dao_khac", "award_type": award.pk, "achievement": "Hoàn thành xuất sắc",
            "period": "Năm 2020", "version": dossier.version}


def test_a_name_made_only_of_invisible_characters_is_refused_by_the_form(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    award = dossier.nominations.get().award_type
    client.force_login(officer_a)
    before = Person.objects.count()

    response = client.post(f"/awards/dossiers/{dossier.reference}/nominations/new/",
                           nomination_post(dossier, award, INVISIBLE_ONLY))

    assert response.status_code == 200
    assert str(MSG_INVISIBLE_ONLY) == ("Không được để trống: nội dung chỉ gồm khoảng trắng hoặc ký tự không nhìn "
                                       "thấy.")
    assert str(MSG_INVISIBLE_ONLY) in response.content.decode()
    assert Person.objects.count() == before


def test_a_name_with_invisible_characters_is_stored_clean_and_found_without_accents(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    award = dossier.nominations.get().award_type
    client.force_login(officer_a)

    response = client.post(f"/awards/dossiers/{dossier.reference}/nominations/new/",
                           nomination_post(dossier, award, DIRTY))

    assert response.status_code == 302
    assert dossier.nominations.get(recipient_kind="ca_nhan").person.full_name == "Lò Thị Hằng"
    listing = client.get("/awards/dossiers/", {"q": "lo thi hang"})
    assert dossier.reference in listing.content.decode()


def test_the_import_stores_names_clean_and_refuses_an_invisible_only_name(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, complete=False)

    def row(name):
        return [None, name, "Nữ", "03/02/1984", None, None, "Bằng khen của UBND tỉnh", "Cá nhân", None]

    refused = import_nominees(dossier, xlsx_upload([row(INVISIBLE_ONLY)], TEMPLATE_COLUMNS, title="DS"), officer_a)
    report = import_nominees(dossier, xlsx_upload([row(DIRTY)], TEMPLATE_COLUMNS, title="DS"), officer_a)

    assert refused.error_texts == [
        'Dòng 3, cột "Tên tập thể/cá nhân/hộ gia đình": chưa nhập tên tập thể, cá nhân hoặc hộ gia đình.']
    assert (report.errors, report.created) == ([], 1)
    assert dossier.nominations.get(person__isnull=False, recipient_kind="ca_nhan").person.full_name == "Lò Thị Hằng"
