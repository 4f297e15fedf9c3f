"""What a dossier may name (units.scope) and how it reads unit names (units.names), in the nominee import and the
nomination form alike: an officer names only his unit, the units below it, their persons and households; a refusal
names the row and the column and says nothing about persons of other units; board staff name anyone."""

from __future__ import annotations

import datetime

import pytest

from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.models import Dossier, HoldPeriod, Nomination
from tests.factories import PersonFactory, UnitFactory, UserFactory, make_dossier, xlsx_upload
from units.models import Gender, Household, Person, Role, UnitAlias, UnitKind

pytestmark = pytest.mark.django_db

AWARD = "Bằng khen của UBND tỉnh"
NAME_COLUMN, UNIT_COLUMN = "Tên tập thể/cá nhân/hộ gia đình", "Đơn vị công tác"
OUTSIDE = ("không thuộc phạm vi của đơn vị lập hồ sơ: chỉ đề nghị được đơn vị đó, các đơn vị trực thuộc và cá nhân, "
           "hộ gia đình của các đơn vị này.")
CHOICE_OUTSIDE = "Đối tượng đã chọn " + OUTSIDE


def line(name=None, award=AWARD, category="Cá nhân", *, gender=None, birth=None, unit=None) -> list:
    """One data row in template column order."""
    return [None, name, gender, birth, None, unit, award, category, None]


def upload(rows: list[list]):
    return xlsx_upload(rows, TEMPLATE_COLUMNS, title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", name="danh-sach.xlsx")


def counts() -> tuple[int, int, int]:
    return Nomination.objects.count(), Person.objects.count(), Household.objects.count()


def new_dossier(unit, officer, year: int = 2020) -> Dossier:
    return Dossier.objects.create(unit=unit, title=f"Đề nghị khen thưởng năm {year}", occasion="cong_trang", year=year,
                                  authority="chu_tich_ubnd_tinh", created_by=officer)


def error(row: int, column: str, message: str) -> str:
    return f'Dòng {row}, cột "{column}": {message}'


@pytest.fixture
def hang(unit_b):
    """A person of unit B with a discipline record on B's facts page."""
    person = PersonFactory(full_name="Lò Thị Hằng", gender=Gender.FEMALE, birth_date=datetime.date(1984, 2, 3),
                           unit=unit_b)
    HoldPeriod.objects.create(person=person, kind="ky_luat", discipline_level="khien_trach",
                              start=datetime.date(2020, 5, 4))
    return person


def rows_of_b() -> list[list]:
    """Unit B as a collective, a person of B with her right birth date, a household under B."""
    return [
        line("Sở Y tế", category="Cơ quan hành chính"),
        line("Lò Thị Hằng", gender="Nữ", birth="03/02/1984", unit="Sở Y tế"),
        line("Gia đình ông Vi Văn Nhất", category="Hộ gia đình", unit="UBND Sở YT"),
    ]


def b_pages(unit_b, hang) -> list[str]:
    return [f"/units/{unit_b.pk}/history/", f"/units/{unit_b.pk}/facts/", f"/units/people/{hang.pk}/history/"]


# ---------------------------------------------------------------------------------------------
# An officer importing rows of another unit
# ---------------------------------------------------------------------------------------------


def test_an_officer_importing_rows_of_another_unit_is_refused_and_its_pages_stay_closed(
        client_for, unit_a, unit_b, officer_a, officer_b, hang):
    dossier = new_dossier(unit_a, officer_a)
    before = counts()

    report = import_nominees(dossier, upload(rows_of_b()), officer_a)

    assert report.error_texts == [
        error(3, NAME_COLUMN, f"Đơn vị 'Sở Y tế' {OUTSIDE}"),
        error(4, UNIT_COLUMN, f"Đơn vị 'Sở Y tế' {OUTSIDE}"),
        error(5, UNIT_COLUMN, f"Đơn vị 'UBND Sở YT' {OUTSIDE}"),
    ]
    assert (report.created, counts()) == (0, before)
    assert not hang.nominations.exists() and not unit_b.nominations.exists()
    officer_a_client, officer_b_client = client_for("officer_a"), client_for("officer_b")
    for page in b_pages(unit_b, hang):
        assert officer_a_client.get(page).status_code == 404, page
        assert officer_b_client.get(page).status_code == 200, page  # the pages exist: B's officer reads them


def test_right_and_wrong_birth_dates_of_a_person_of_another_unit_get_the_same_refusal(unit_a, unit_b, officer_a, hang):
    """No birth-date oracle: the right date, a wrong one, and a person who does not exist read the same."""
    dossier = new_dossier(unit_a, officer_a)
    before = counts()

    answers = [
        import_nominees(dossier, upload([line(name, gender="Nữ", birth=birth, unit="Sở Y tế")]), officer_a).error_texts
        for name, birth in [("Lò Thị Hằng", "03/02/1984"), ("Lò Thị Hằng", "04/02/1984"), ("Lò Thị Hà", "03/02/1984")]
    ]

    assert answers == [[error(3, UNIT_COLUMN, f"Đơn vị 'Sở Y tế' {OUTSIDE}")]] * 3
    assert counts() == before
    assert not hang.nominations.exists()


def test_board_staff_importing_the_same_rows_links_the_other_units_recipients(unit_a, unit_b, officer_a, staff, hang):
    dossier = new_dossier(unit_a, officer_a)

    report = import_nominees(dossier, upload(rows_of_b()), staff)
    wrong_date = import_nominees(dossier, upload([
        line("Lò Thị Hằng", "Chiến sĩ thi đua cấp tỉnh", gender="Nữ", birth="04/02/1984", unit="Sở YT")]), staff)

    assert (report.errors, report.created, report.persons_created, report.households_created) == ([], 3, 0, 1)
    assert (wrong_date.errors, wrong_date.created, wrong_date.persons_created) == ([], 1, 1)
    collective, right, household, wrong = dossier.nominations.order_by("position")
    other_hang = Person.objects.exclude(pk=hang.pk).get(full_name="Lò Thị Hằng")
    assert (collective.unit, right.person, household.household.commune, wrong.person) == (
        unit_b, hang, unit_b, other_hang)
    assert (other_hang.unit, other_hang.birth_date) == (unit_b, datetime.date(1984, 2, 4))


def test_an_officer_names_his_sub_units_and_their_people(unit_a, officer_a):
    school = UnitFactory(code="thpt-viet-bac", name="Trường THPT Việt Bắc", kind=UnitKind.PUBLIC_SERVICE, parent=unit_a)
    lan = PersonFactory(full_name="Hoàng Thị Lan", gender=Gender.FEMALE, birth_date=datetime.date(1985, 7, 12),
                        unit=school)
    dossier = new_dossier(unit_a, officer_a)
    rows = [line("UBND Trường THPT Việt Bắc", "Cờ thi đua của UBND tỉnh", "Đơn vị sự nghiệp"),
            line("Hoàng Thị Lan", gender="Nữ", birth="12/07/1985", unit="trường thpt việt bắc")]

    report = import_nominees(dossier, upload(rows), officer_a)

    assert (report.errors, report.created, report.persons_created) == ([], 2, 0)
    assert list(dossier.nominations.order_by("position").values_list("unit_id", "person_id")) == [
        (school.pk, None), (None, lan.pk)]


# ---------------------------------------------------------------------------------------------
# The four spellings, unknown names
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def loc_binh(db):
    district = UnitFactory(code="huyen-loc-binh", name="Huyện Lộc Bình", kind=UnitKind.DISTRICT)
    commune = UnitFactory(code="xa-hiep-ha", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE, parent=district)
    officer = UserFactory(username="officer_loc_binh", unit=district, roles=[Role.UNIT_OFFICER])
    return district, commune, officer


def test_the_four_spellings_of_a_commune_give_the_same_unit_in_the_import(loc_binh):
    district, commune, officer = loc_binh
    dossier = new_dossier(district, officer)
    spellings = ["UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ", "xã Hiệp Hạ", "Xã Hiệp Hạ"]
    rows = [line(f"Hoàng Văn {given}", gender="Nam", unit=spelling)
            for given, spelling in zip(["An", "Bình", "Cường", "Dũng"], spellings, strict=True)]

    report = import_nominees(dossier, upload(rows), officer)

    assert (report.errors, report.created, report.persons_created) == ([], 4, 4)
    assert list(dossier.nominations.order_by("position").values_list("person__unit", flat=True)) == [commune.pk] * 4


@pytest.mark.parametrize("spelling", ["UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ", "xã Hiệp Hạ", "Xã Hiệp Hạ"])
def test_the_four_spellings_typed_as_a_collective_in_the_form_give_the_commune(client, loc_binh, spelling):
    district, commune, officer = loc_binh
    dossier = make_dossier(district, officer)
    client.force_login(officer)

    response = client.post(f"/awards/dossiers/{dossier.reference}/nominations/new/", {
        "recipient_kind": "tap_the", "collective_name": spelling, "version": dossier.version,
        "award_type": dossier.nominations.get().award_type_id})

    assert response.status_code == 302
    added = dossier.nominations.exclude(unit=district).get()
    assert (added.unit, added.collective_name, added.recipient_key) == (commune, "", f"unit:{commune.pk}")


def test_an_unknown_unit_is_reported_with_the_closest_names_or_alone(loc_binh):
    district, _commune, officer = loc_binh
    dossier = new_dossier(district, officer)
    rows = [line("Hoàng Văn An", gender="Nam", unit="UBND xã Hiệp Ha"),
            line("Hoàng Văn Bình", gender="Nam", unit="Sở Du lịch")]

    report = import_nominees(dossier, upload(rows), officer)

    assert report.error_texts == [
        error(3, UNIT_COLUMN, "Không tìm thấy đơn vị 'UBND xã Hiệp Ha'. Có phải: Xã Hiệp Hạ?"),
        error(4, UNIT_COLUMN, "Không tìm thấy đơn vị 'Sở Du lịch'."),
    ]
    assert counts() == (0, 0, 0)


# ---------------------------------------------------------------------------------------------
# Households
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def communes(db):
    """The officer's commune (with a household) and another commune with a household of the same name."""
    mine = UnitFactory(code="xa-hiep-ha", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE)
    other = UnitFactory(code="xa-bac-lang", name="Xã Bắc Lãng", kind=UnitKind.COMMUNE)
    officer = UserFactory(username="officer_hiep_ha", unit=mine, roles=[Role.UNIT_OFFICER])
    own = Household.objects.create(name="Gia đình ông Hoàng Văn Páo", head_name="Hoàng Văn Páo", commune=mine)
    theirs = Household.objects.create(name="Gia đình ông Vi Thanh Liêm", head_name="Vi Thanh Liêm", commune=other)
    return mine, other, officer, own, theirs


def test_a_household_of_another_commune_is_refused_and_never_linked(communes):
    mine, _other, officer, own, theirs = communes
    dossier = new_dossier(mine, officer)
    before = counts()

    refused = import_nominees(dossier, upload([
        line("Gia đình ông Vi Thanh Liêm", category="Hộ gia đình", unit="UBND xã Bắc Lãng")]), officer)

    assert refused.error_texts == [error(3, UNIT_COLUMN, f"Đơn vị 'UBND xã Bắc Lãng' {OUTSIDE}")]
    assert counts() == before

    imported = import_nominees(dossier, upload([
        line("Gia đình ông Vi Thanh Liêm", category="Hộ gia đình"),
        line("gia đình ông hoàng văn páo", category="Hộ gia đình", unit="xã Hiệp Hạ")]), officer)

    assert (imported.errors, imported.created, imported.households_created) == ([], 2, 1)
    new = Household.objects.get(name="Gia đình ông Vi Thanh Liêm", commune=mine)
    assert list(dossier.nominations.order_by("position").values_list("household", flat=True)) == [new.pk, own.pk]
    assert not theirs.nominations.exists()


def test_the_form_lists_and_accepts_only_households_of_the_officers_communes(client, communes):
    mine, _other, officer, own, theirs = communes
    dossier = make_dossier(mine, officer)
    award = dossier.nominations.get().award_type
    client.force_login(officer)
    page = f"/awards/dossiers/{dossier.reference}/nominations/new/"

    choices = [household.pk for household in client.get(page).context["form"].fields["household"].queryset]
    response = client.post(page, {"recipient_kind": "ho_gia_dinh", "household": theirs.pk, "award_type": award.pk,
                                  "version": dossier.version})

    assert choices == [own.pk]
    assert response.status_code == 200
    assert response.context["form"].errors["household"] == [CHOICE_OUTSIDE]
    assert dossier.nominations.count() == 1


def test_a_household_the_dossier_named_before_households_had_a_commune_keeps_its_place(client, communes):
    mine, _other, officer, own, _theirs = communes
    dossier = make_dossier(mine, officer)
    award = dossier.nominations.get().award_type
    legacy = Household.objects.create(name="Gia đình bà Lộc Thị Mai", head_name="Lộc Thị Mai", commune=None)
    Nomination.objects.create(dossier=dossier, recipient_kind="ho_gia_dinh", household=legacy, award_type=award,
                              position=2)
    client.force_login(officer)

    report = import_nominees(dossier, upload([line("Gia đình bà Lộc Thị Mai", category="Hộ gia đình")]), officer)
    page = client.get(f"/awards/dossiers/{dossier.reference}/nominations/new/")

    assert (report.errors, report.created, report.skipped, report.households_created) == ([], 0, 1, 0)
    assert sorted(h.pk for h in page.context["form"].fields["household"].queryset) == [own.pk, legacy.pk]


# ---------------------------------------------------------------------------------------------
# One rule: the form and the import give the same answer
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def education(unit_a, unit_b):
    school = UnitFactory(code="thpt-viet-bac", name="Trường THPT Việt Bắc", kind=UnitKind.PUBLIC_SERVICE, parent=unit_a)
    UnitAlias.objects.create(unit=school, name="THPT Việt Bắc - Lạng Sơn")
    UnitFactory(code="to-vp-so", name="Tổ Văn phòng", kind=UnitKind.DIVISION, parent=unit_a)
    UnitFactory(code="to-vp-truong", name="Tổ Văn phòng", kind=UnitKind.DIVISION, parent=school)
    return school


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Y tế", f"Đơn vị 'Sở Y tế' {OUTSIDE}"),
    ("Tổ Văn phòng", "Tên 'Tổ Văn phòng' khớp với nhiều đơn vị trong danh mục, không xác định được đơn vị nào; hãy "
                     "ghi tên đầy đủ."),
    ("thpt viet bac - lang son", "school"),
    ("Tổ Toán - Tin, Trường THPT Việt Bắc", "as written"),
])
def test_the_form_and_the_import_give_the_same_answer(client, unit_a, officer_a, education, text, expected):
    in_form, in_import = make_dossier(unit_a, officer_a), make_dossier(unit_a, officer_a)
    award = in_form.nominations.get().award_type
    client.force_login(officer_a)

    response = client.post(f"/awards/dossiers/{in_form.reference}/nominations/new/", {
        "recipient_kind": "tap_the", "collective_name": text, "award_type": award.pk, "version": in_form.version})
    report = import_nominees(in_import, upload([line(text, category="Tập thể")]), officer_a)

    if expected in ("school", "as written"):
        linked = (education.pk, "") if expected == "school" else (None, text)
        assert (response.status_code, report.errors) == (302, [])
        for dossier in (in_form, in_import):
            assert dossier.nominations.exclude(unit=unit_a).values_list("unit", "collective_name").get() == linked
    else:
        assert response.context["form"].errors["collective_name"] == [expected]
        assert report.error_texts == [error(3, NAME_COLUMN, expected)]
        assert in_form.nominations.count() == in_import.nominations.count() == 1


def test_the_form_offers_only_the_scope_and_refuses_a_posted_person_of_another_unit(client, unit_a, officer_a, hang):
    mine = PersonFactory(full_name="Hoàng Văn Tư", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a)
    award = dossier.nominations.get().award_type
    client.force_login(officer_a)
    page = f"/awards/dossiers/{dossier.reference}/nominations/new/"

    fields = client.get(page).context["form"].fields
    response = client.post(page, {"recipient_kind": "ca_nhan", "person": hang.pk, "award_type": award.pk,
                                  "version": dossier.version})
    missing = client.post(page, {"recipient_kind": "ca_nhan", "person": 999999, "award_type": award.pk,
                                 "version": dossier.version})

    assert [p.pk for p in fields["person"].queryset] == [mine.pk]
    assert [u.pk for u in fields["unit"].queryset] == [unit_a.pk]
    assert response.context["form"].errors["person"] == [CHOICE_OUTSIDE]
    assert missing.context["form"].errors["person"] == [CHOICE_OUTSIDE]  # the same words: existence is not told
    assert not hang.nominations.exists()


def test_a_person_of_another_unit_named_without_a_unit_is_never_linked_whatever_her_birth_date(
        client_for, unit_a, unit_b, officer_a, hang):
    """No "Đơn vị công tác": the row reads as a person of the dossier's unit. Right or wrong birth date, B's person
    is neither linked nor told apart: each import makes a new person under unit A, and B's pages stay 404."""
    answers = []
    for birth in ("03/02/1984", "04/02/1984"):
        dossier = new_dossier(unit_a, officer_a)
        report = import_nominees(dossier, upload([line("Lò Thị Hằng", gender="Nữ", birth=birth)]), officer_a)
        answers.append((report.errors, report.created, report.persons_created))
        assert dossier.nominations.get().person.unit == unit_a

    assert answers == [([], 1, 1), ([], 1, 1)]
    assert not hang.nominations.exists()
    assert Person.objects.filter(full_name="Lò Thị Hằng", unit=unit_a).count() == 2
    for page in b_pages(unit_b, hang):
        assert client_for("officer_a").get(page).status_code == 404, page
