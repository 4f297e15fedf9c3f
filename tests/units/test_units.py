"""The unit tree over time, cluster membership by year, persons' names and personal data."""

import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ClusterFactory, PersonFactory, UnitFactory
from units import selectors
from units.models import ClusterMembership, ClusterYear, Person, Unit, UnitKind

pytestmark = pytest.mark.django_db

BEFORE_REFORM = datetime.date(2020, 6, 1)
AFTER_REFORM = datetime.date(2025, 7, 2)


@pytest.fixture
def province():
    root = UnitFactory(code="ubnd-tinh", name="Ủy ban nhân dân tỉnh Lạng Sơn", kind=UnitKind.PROVINCE)
    district = UnitFactory(code="huyen-trang-dinh", name="Huyện Tràng Định", kind=UnitKind.DISTRICT, parent=root,
                           valid_to=datetime.date(2025, 6, 30))
    commune = UnitFactory(code="xa-de-tham", name="Xã Đề Thám", kind=UnitKind.COMMUNE, parent=district,
                          valid_to=datetime.date(2025, 6, 30))
    new_commune = UnitFactory(code="xa-de-tham-moi", name="Xã Đề Thám", kind=UnitKind.COMMUNE, parent=root,
                              valid_from=datetime.date(2025, 7, 1))
    new_commune.predecessors.add(commune)
    dept = UnitFactory(code="so-gd", name="Sở Giáo dục và Đào tạo", kind=UnitKind.DEPARTMENT, parent=root)
    return {"root": root, "district": district, "commune": commune, "new_commune": new_commune, "dept": dept}


def names(nodes):
    return [(n.unit.name, names(n.children)) for n in nodes]


def test_tree_before_the_2025_reform_has_the_district_and_its_commune(province):
    tree = selectors.unit_tree(BEFORE_REFORM)
    assert names(tree) == [
        ("Ủy ban nhân dân tỉnh Lạng Sơn", [
            ("Huyện Tràng Định", [("Xã Đề Thám", [])]),
            ("Sở Giáo dục và Đào tạo", []),
        ]),
    ]


def test_tree_after_the_reform_has_no_district_and_the_new_commune(province):
    tree = selectors.unit_tree(AFTER_REFORM)
    assert names(tree) == [("Ủy ban nhân dân tỉnh Lạng Sơn", [("Sở Giáo dục và Đào tạo", []), ("Xã Đề Thám", [])])]
    assert list(province["new_commune"].predecessors.all()) == [province["commune"]]
    assert list(province["commune"].successors.all()) == [province["new_commune"]]


def test_a_village_of_a_merged_commune_appears_under_the_new_commune(province):
    village = UnitFactory(code="thon-na-ao", name="Thôn Nà Ao 2", kind=UnitKind.VILLAGE, parent=province["commune"])
    before = selectors.unit_tree(BEFORE_REFORM)
    assert names(before)[0][1][0] == ("Huyện Tràng Định", [("Xã Đề Thám", [("Thôn Nà Ao 2", [])])])
    after = selectors.unit_tree(AFTER_REFORM)
    assert names(after) == [("Ủy ban nhân dân tỉnh Lạng Sơn", [
        ("Sở Giáo dục và Đào tạo", []), ("Xã Đề Thám", [("Thôn Nà Ao 2", [])]),
    ])]
    assert village.parent == province["commune"]


def test_tree_search_ignores_accents_and_keeps_ancestors_for_context(province):
    tree = selectors.unit_tree(BEFORE_REFORM, query="de tham")
    assert names(tree) == [("Ủy ban nhân dân tỉnh Lạng Sơn", [("Huyện Tràng Định", [("Xã Đề Thám", [])])])]
    assert [tree[0].matched, tree[0].children[0].matched, tree[0].children[0].children[0].matched] == [
        False, False, True,
    ]


def test_tree_search_finds_a_unit_by_another_of_its_names(province):
    from units.models import UnitAlias

    UnitAlias.objects.create(unit=province["dept"], name="Sở GD&ĐT Lạng Sơn")
    tree = selectors.unit_tree(None, query="so gd&dt")
    assert names(tree) == [("Ủy ban nhân dân tỉnh Lạng Sơn", [("Sở Giáo dục và Đào tạo", [])])]
    assert tree[0].children[0].matched is True
    assert selectors.unit_tree(None, query="Sở Y tế") == []


def test_tree_filter_by_kind(province):
    tree = selectors.unit_tree(None, kind=UnitKind.COMMUNE)
    root = tree[0]
    assert sorted(child.unit.code for child in root.children) == ["huyen-trang-dinh", "xa-de-tham-moi"]


def test_tree_page_lists_units_for_the_chosen_date(client, staff, province):
    client.force_login(staff)
    html = client.get("/units/", {"on": "2020-06-01"}).content.decode()
    assert "Huyện Tràng Định" in html
    html = client.get("/units/", {"on": "2025-07-02"}).content.decode()
    assert "Huyện Tràng Định" not in html
    html = client.get("/units/", {"all": "1"}).content.decode()
    assert "Huyện Tràng Định</a>\n  <span class=\"small text-muted\">· Huyện, thành phố · … - 30/06/2025</span>" in html
    assert "· Xã, phường · 01/07/2025 - nay</span>" in html


def test_active_on_includes_both_boundary_days(province):
    last_day = datetime.date(2025, 6, 30)
    assert province["district"] in Unit.objects.active_on(last_day)
    assert province["district"] not in Unit.objects.active_on(last_day + datetime.timedelta(days=1))
    assert province["district"].is_active_on(last_day) is True


def test_valid_to_before_valid_from_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitFactory(valid_from=datetime.date(2025, 7, 1), valid_to=datetime.date(2025, 6, 30))


def test_parent_cycle_is_refused(province):
    root = province["root"]
    root.parent = province["commune"]
    with pytest.raises(ValidationError) as excinfo:
        root.clean()
    assert excinfo.value.message_dict == {"parent": ["Đơn vị cấp trên không được là chính nó hoặc đơn vị con."]}


def test_unit_names_are_stored_in_nfc():
    unit = UnitFactory(name=unicodedata.normalize("NFD", "Phường  Hoàng Văn Thụ"))
    unit.refresh_from_db()
    assert unit.name == "Phường Hoàng Văn Thụ"
    assert unicodedata.is_normalized("NFC", unit.name)


# --- clusters ---------------------------------------------------------------------------------------

@pytest.fixture
def clusters(province):
    inland = ClusterFactory(name="Cụm thi đua các huyện nội địa")
    border = ClusterFactory(name="Cụm thi đua các huyện biên giới")
    a = UnitFactory(name="Huyện Bắc Sơn", kind=UnitKind.DISTRICT)
    b = UnitFactory(name="Huyện Hữu Lũng", kind=UnitKind.DISTRICT)
    c = UnitFactory(name="Huyện Văn Lãng", kind=UnitKind.DISTRICT)
    for year in (2019, 2020):
        ClusterMembership.objects.create(cluster=inland, unit=a, year=year)
        ClusterMembership.objects.create(cluster=inland, unit=b, year=year)
    ClusterMembership.objects.create(cluster=border, unit=c, year=2019)
    # 2020: Văn Lãng moves to the inland cluster
    ClusterMembership.objects.create(cluster=inland, unit=c, year=2020)
    ClusterYear.objects.create(cluster=inland, year=2019, leader=a, deputy=b)
    ClusterYear.objects.create(cluster=inland, year=2020, leader=b, deputy=c)
    return {"inland": inland, "border": border, "a": a, "b": b, "c": c}


def test_membership_by_year(clusters):
    rows_2019 = {row.cluster.name: [u.name for u in row.members] for row in selectors.clusters_in_year(2019)}
    assert rows_2019 == {
        "Cụm thi đua các huyện nội địa": ["Huyện Bắc Sơn", "Huyện Hữu Lũng"],
        "Cụm thi đua các huyện biên giới": ["Huyện Văn Lãng"],
    }
    rows_2020 = {row.cluster.name: [u.name for u in row.members] for row in selectors.clusters_in_year(2020)}
    assert rows_2020 == {"Cụm thi đua các huyện nội địa": ["Huyện Bắc Sơn", "Huyện Hữu Lũng", "Huyện Văn Lãng"]}


def test_leaders_by_year(clusters):
    by_cluster = {row.cluster.pk: row for row in selectors.clusters_in_year(2020)}
    row = by_cluster[clusters["inland"].pk]
    assert (row.leader.name, row.deputy.name) == ("Huyện Hữu Lũng", "Huyện Văn Lãng")


def test_a_unit_is_in_one_cluster_per_year(clusters):
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterMembership.objects.create(cluster=clusters["border"], unit=clusters["a"], year=2019)


def test_leader_must_be_a_member_that_year(clusters):
    year = ClusterYear(cluster=clusters["border"], year=2019, leader=clusters["a"])
    with pytest.raises(ValidationError) as excinfo:
        year.clean()
    assert excinfo.value.message_dict == {"leader": ["Đơn vị này không phải thành viên của cụm, khối trong năm 2019."]}


def test_leader_and_deputy_differ(clusters):
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterYear.objects.create(cluster=clusters["border"], year=2021, leader=clusters["c"], deputy=clusters["c"])


def test_cluster_page_shows_the_year(client, leader, clusters):
    client.force_login(leader)
    response = client.get("/units/clusters/", {"year": "2019"})
    assert response.context["year"] == 2019
    assert response.context["years"] == [2020, 2019]
    html = response.content.decode()
    assert "<strong>Trưởng cụm, khối:</strong> Huyện Bắc Sơn" in html
    detail = client.get(f"/units/clusters/{clusters['inland'].pk}/")
    assert [(year, [u.name for u in members]) for year, members, _cy in detail.context["history"]] == [
        (2020, ["Huyện Bắc Sơn", "Huyện Hữu Lũng", "Huyện Văn Lãng"]),
        (2019, ["Huyện Bắc Sơn", "Huyện Hữu Lũng"]),
    ]


# --- persons ------------------------------------------------------------------------------------------

def test_person_name_is_nfc_and_honorific_follows_gender():
    person = PersonFactory(full_name=unicodedata.normalize("NFD", "Hà Thị Lư"), gender="nu")
    person.refresh_from_db()
    assert person.full_name == "Hà Thị Lư"
    assert person.honorific == "Bà"
    assert PersonFactory(gender="nam").honorific == "Ông"


def test_citizen_id_is_twelve_digits_and_unique():
    person = PersonFactory.build(citizen_id="12345")
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert excinfo.value.message_dict["citizen_id"] == ["Số căn cước công dân gồm đúng 12 chữ số."]
    PersonFactory(citizen_id="020190001234")
    PersonFactory(citizen_id="")
    PersonFactory(citizen_id="")  # many persons without an ID are fine
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(citizen_id="020190001234")


def test_citizen_id_is_not_listed_in_the_admin(client, staff):
    PersonFactory(full_name="Lương Thị Bình", citizen_id="020190001234")
    client.force_login(staff)
    html = client.get("/admin/units/person/").content.decode()
    assert "Lương Thị Bình" in html
    assert "020190001234" not in html
    assert Person.objects.filter(citizen_id="020190001234").count() == 1
