"""History pages (quá trình khen thưởng) of a person and a unit, and entering one past award by hand."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.catalogue.in_force import award_type_on
from awards.models import Award, AwardType
from awards.record.history.entry import award_types_for_year, record_history_award
from tests.factories import PersonFactory, UnitFactory, UserFactory, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db

D = datetime.date


def award(recipient, code, year, number, decided_on, *, source="history", occasion="cong_trang", revoked_on=None,
          reason="", issuer="Chủ tịch UBND tỉnh Lạng Sơn"):
    award_type = award_type_on(code, max(decided_on, D(2017, 7, 31)))
    is_person = hasattr(recipient, "full_name")
    return Award.objects.create(
        source=source, award_type=award_type, award_code=code, recipient_kind="ca_nhan" if is_person else "tap_the",
        person=recipient if is_person else None, unit=None if is_person else recipient,
        recipient_name=recipient.full_name if is_person else recipient.name, year=decided_on.year,
        achievement_year=year, occasion=occasion, authority=award_type.authority, decision_number=number,
        decided_on=decided_on, issuer=issuer, revoked=revoked_on is not None, revoked_on=revoked_on,
        revoke_reason=reason,
    )


def rows(response) -> dict[str, list[tuple[int, list[tuple[str, str, bool]]]]]:
    return {
        table.key: [(group.year, [(a.award_type.name, a.decision_number, a.revoked) for a in group.awards])
                    for group in table.groups]
        for table in response.context["history"].tables
    }


@pytest.fixture
def person(unit_a):
    return PersonFactory(full_name="Lương Thị Thu Trang", unit=unit_a, position="Giáo viên")


@pytest.fixture
def history(person):
    award(person, "chien-si-thi-dua-co-so", 2016, "398/QĐ-SGDĐT", D(2016, 8, 12), issuer="Giám đốc Sở GD&ĐT")
    award(person, "lao-dong-tien-tien", 2017, "250/QĐ-SGDĐT", D(2017, 7, 18), revoked_on=D(2018, 3, 1),
          reason="Ghi nhầm người được tặng")
    award(person, "chien-si-thi-dua-co-so", 2017, "420/QĐ-SGDĐT", D(2017, 8, 10))
    award(person, "bang-khen-chu-tich-ubnd-tinh", 2017, "2105/QĐ-UBND", D(2017, 10, 25), occasion="chuyen_de",
          source="province")
    award(person, "giay-khen", 2015, "88/QĐ-SGDĐT", D(2015, 3, 15))


# --- person page -------------------------------------------------------------------------------------

def test_person_history_rows_grouped_by_year_newest_first(client_for, person, history):
    response = client_for("staff").get(reverse("history:person", args=[person.pk]))
    assert response.status_code == 200
    assert rows(response) == {
        "danh_hieu": [
            (2017, [("Chiến sĩ thi đua cơ sở", "420/QĐ-SGDĐT", False), ("Lao động tiên tiến", "250/QĐ-SGDĐT", True)]),
            (2016, [("Chiến sĩ thi đua cơ sở", "398/QĐ-SGDĐT", False)]),
        ],
        "hinh_thuc": [
            (2017, [("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "2105/QĐ-UBND", False)]),
            (2015, [("Giấy khen", "88/QĐ-SGDĐT", False)]),
        ],
    }
    history = response.context["history"]
    assert (history.total, history.revoked) == (5, 1)


def test_person_history_shows_decision_issuer_source_and_occasion(client_for, person, history):
    html = client_for("staff").get(reverse("history:person", args=[person.pk])).content.decode()
    assert "Quyết định số 398/QĐ-SGDĐT ngày 12/08/2016; Giám đốc Sở GD&amp;ĐT" in html
    assert "Nhập từ hồ sơ lưu trữ" in html and "Quyết định của tỉnh" in html
    assert '<span class="badge text-bg-warning"' in html and "Chuyên đề, theo đợt</span>" in html
    assert "Công trạng, thường xuyên" in html
    assert "Danh hiệu thi đua" in html and "Hình thức khen thưởng" in html


def test_revoked_award_is_struck_through_with_date_and_reason(client_for, person, history):
    html = client_for("staff").get(reverse("history:person", args=[person.pk])).content.decode()
    assert "<s>Lao động tiên tiến</s>" in html
    assert "Đã thu hồi ngày 01/03/2018: Ghi nhầm người được tặng" in html
    assert "<s>Quyết định số 250/QĐ-SGDĐT ngày 18/07/2017; Chủ tịch UBND tỉnh Lạng Sơn</s>" in html
    assert html.count('data-testid="revoked"') == 1


def test_empty_history(client_for, person):
    response = client_for("staff").get(reverse("history:person", args=[person.pk]))
    assert rows(response) == {"danh_hieu": [], "hinh_thuc": []}
    assert response.content.decode().count("Chưa có.") == 2


# --- unit page ---------------------------------------------------------------------------------------

def test_unit_history_collective_awards_and_people_summary(client_for, unit_a, person, history):
    award(unit_a, "tap-the-lao-dong-xuat-sac", 2016, "1650/QĐ-UBND", D(2016, 8, 25))
    award(unit_a, "co-thi-dua-ubnd-tinh", 2017, "150/QĐ-UBND", D(2018, 1, 22))
    other = PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a)
    award(other, "lao-dong-tien-tien", 2018, "12/QĐ-SGDĐT", D(2018, 7, 1))
    elsewhere = PersonFactory(unit=UnitFactory())
    award(elsewhere, "lao-dong-tien-tien", 2018, "13/QĐ-X", D(2018, 7, 1))

    response = client_for("staff").get(reverse("history:unit", args=[unit_a.pk]))
    assert rows(response) == {
        "danh_hieu": [(2017, [("Cờ thi đua của Ủy ban nhân dân tỉnh", "150/QĐ-UBND", False)]),
                      (2016, [("Tập thể lao động xuất sắc", "1650/QĐ-UBND", False)])],
        "hinh_thuc": [],
    }
    people = response.context["people"]
    # Revoked awards are not counted: Trang has 4 of 5.
    assert people.by_person == [{"pk": person.pk, "full_name": "Lương Thị Thu Trang", "count": 4},
                                {"pk": other.pk, "full_name": "Hoàng Mạnh Cương", "count": 1}]
    assert {row["name"]: row["count"] for row in people.by_award} == {
        "Chiến sĩ thi đua cơ sở": 2, "Lao động tiên tiến": 1, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh": 1,
        "Giấy khen": 1,
    }
    assert people.total == 5
    assert f'href="{reverse("history:person", args=[person.pk])}"' in response.content.decode()


def test_links_from_unit_detail_and_dossier(client_for, unit_a, officer_a, person):
    html = client_for("officer_a").get(reverse("units:detail", args=[unit_a.pk])).content.decode()
    assert f'href="{reverse("history:unit", args=[unit_a.pk])}"' in html
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-co-so", recipient=person)
    html = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert f'<a href="{reverse("history:person", args=[person.pk])}" title="Quá trình khen thưởng">' in html


# --- who sees what -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("persona", "status"), [
    ("anonymous", 302), ("officer_a", 200), ("officer_b", 404), ("staff", 200), ("council_member", 404),
    ("leader", 200), ("administrator", 200),
])
def test_person_page_access(client_for, person, persona, status):
    assert client_for(persona).get(reverse("history:person", args=[person.pk])).status_code == status


def test_officer_sees_persons_and_units_below_his_unit(client_for, unit_a):
    school = UnitFactory(name="Trường THPT Chuyên Chu Văn An", parent=unit_a)
    teacher = PersonFactory(unit=school)
    client = client_for("officer_a")
    assert client.get(reverse("history:person", args=[teacher.pk])).status_code == 200
    assert client.get(reverse("history:unit", args=[school.pk])).status_code == 200
    assert client_for("officer_b").get(reverse("history:unit", args=[school.pk])).status_code == 404


def test_officer_b_gets_404_for_unit_a(client_for, unit_a, unit_b):
    client = client_for("officer_b")
    assert client.get(reverse("history:unit", args=[unit_a.pk])).status_code == 404
    assert client.get(reverse("history:unit", args=[unit_b.pk])).status_code == 200


def test_council_member_sees_nominees_of_dossiers_in_his_sessions(client_for, unit_a, officer_a, person, staff,
                                                                  council_member):
    from awards.models import AgendaItem, CouncilSession

    client = client_for("council_member")
    assert client.get(reverse("history:person", args=[person.pk])).status_code == 404
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", recipient=person)
    session = CouncilSession.objects.create(title="Phiên", held_on=D(2021, 1, 20), created_by=staff)
    session.members.add(council_member)
    AgendaItem.objects.create(session=session, nomination=dossier.nominations.get())
    html = client.get(reverse("awards:council_session", args=[session.pk])).content.decode()
    assert f'<a href="{reverse("history:person", args=[person.pk])}" title="Quá trình khen thưởng">' in html
    assert client.get(reverse("history:person", args=[person.pk])).status_code == 200
    assert client.get(reverse("history:unit", args=[unit_a.pk])).status_code == 200


# --- a constant number of queries --------------------------------------------------------------------

def _page_queries(client, url, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


# session, the user (with his unit and, on PostgreSQL, his roles: units.security.backend), the person (with its
# unit), the awards (with their award types)
# The session, then the user with his roles and the bell's count (units.security.backend), then the page's own.
PERSON_PAGE_QUERIES_STAFF = 5  # including the read log's INSERT
PERSON_PAGE_QUERIES_OFFICER = 6  # + his unit's sub-units
UNIT_PAGE_QUERIES_STAFF = 6  # the unit, its awards, the two summaries of its people


def test_person_page_query_count_does_not_grow(client_for, person, django_assert_num_queries):
    client = client_for("staff")
    url = reverse("history:person", args=[person.pk])
    award(person, "lao-dong-tien-tien", 2014, "1/QĐ", D(2014, 7, 1))
    _page_queries(client, url, django_assert_num_queries, PERSON_PAGE_QUERIES_STAFF)
    for year in range(2015, 2019):
        award(person, "chien-si-thi-dua-co-so", year, f"{year}/QĐ", D(year, 8, 1), revoked_on=D(year, 9, 1))
        award(person, "giay-khen", year, f"{year}/GK", D(year, 8, 1))
    _page_queries(client, url, django_assert_num_queries, PERSON_PAGE_QUERIES_STAFF)
    _page_queries(client_for("officer_a"), url, django_assert_num_queries, PERSON_PAGE_QUERIES_OFFICER)


def test_unit_page_query_count_does_not_grow(client_for, unit_a, django_assert_num_queries):
    client = client_for("staff")
    url = reverse("history:unit", args=[unit_a.pk])
    award(unit_a, "tap-the-lao-dong-xuat-sac", 2016, "1/QĐ", D(2016, 8, 1))
    award(PersonFactory(unit=unit_a), "giay-khen", 2016, "2/QĐ", D(2016, 8, 1))
    _page_queries(client, url, django_assert_num_queries, UNIT_PAGE_QUERIES_STAFF)
    for index in range(6):
        someone = PersonFactory(unit=unit_a)
        award(someone, "lao-dong-tien-tien", 2017, f"{index}/LĐTT", D(2017, 7, 1))
        award(unit_a, "co-thi-dua-ubnd-tinh", 2010 + index, f"{index}/CỜ", D(2011 + index, 1, 20))
    _page_queries(client, url, django_assert_num_queries, UNIT_PAGE_QUERIES_STAFF)


# --- entering one past award -------------------------------------------------------------------------

def form_data(**changes):
    data = {"year": "2016", "award_code": "chien-si-thi-dua-co-so", "occasion": "cong_trang",
            "decision_number": "398/QĐ-SGDĐT", "decided_on": "2016-08-12", "issuer": "Giám đốc Sở GD&ĐT"}
    data.update(changes)
    return data


def test_staff_records_a_past_award_nfc(client_for, person):
    decomposed = unicodedata.normalize("NFD", "Giám đốc  Sở Giáo dục và Đào tạo")
    url = reverse("history:person_add", args=[person.pk])
    response = client_for("staff").post(url, form_data(issuer=decomposed, decision_number=" 398/QĐ-SGDĐT "))
    assert response.status_code == 302 and response["Location"] == reverse("history:person", args=[person.pk])
    row = Award.objects.get()
    assert (row.source, row.person, row.unit, row.recipient_kind, row.recipient_name, row.award_code,
            row.achievement_year, row.year, row.occasion, row.decision_number, row.decided_on, row.issuer,
            row.authority, row.revoked, row.decision, row.nomination) == (
        "history", person, None, "ca_nhan", "Lương Thị Thu Trang", "chien-si-thi-dua-co-so", 2016, 2016,
        "cong_trang", "398/QĐ-SGDĐT", D(2016, 8, 12), "Giám đốc Sở Giáo dục và Đào tạo", "thu_truong_don_vi",
        False, None, None)
    assert row.issuer == unicodedata.normalize("NFC", row.issuer)


def test_unit_award_and_chosen_occasion(client_for, unit_a):
    url = reverse("history:unit_add", args=[unit_a.pk])
    response = client_for("administrator").post(url, form_data(
        award_code="co-thi-dua-ubnd-tinh", year="2017", decided_on="22/01/2018", occasion="dot_xuat",
        decision_number="150/QĐ-UBND", issuer="Chủ tịch UBND tỉnh Lạng Sơn"))
    assert response.status_code == 302
    row = Award.objects.get()
    assert (row.unit, row.person, row.recipient_kind, row.achievement_year, row.year, row.occasion) == (
        unit_a, None, "tap_the", 2017, 2018, "dot_xuat")


def test_default_occasion_is_merit(client_for, person):
    response = client_for("staff").get(reverse("history:person_add", args=[person.pk]))
    assert response.context["form"]["occasion"].value() == "cong_trang"


def test_duplicate_is_refused_with_a_clear_message_and_keeps_input(client_for, person):
    record_history_award(person, award_type=award_type_on("chien-si-thi-dua-co-so", D(2017, 12, 31)), year=2016,
                         decision_number="398/QĐ-SGDĐT", decided_on=D(2016, 8, 12), issuer="Sở GD&ĐT")
    url = reverse("history:person_add", args=[person.pk])
    response = client_for("staff").post(url, form_data(decision_number="398 / qđ-sgdđt", issuer="Khác"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        'Đã có "Chiến sĩ thi đua cơ sở" năm 2016 theo quyết định số 398/QĐ-SGDĐT trong quá trình khen thưởng; '
        "không ghi lại lần nữa."]
    assert 'value="398 / qđ-sgdđt"' in response.content.decode()
    assert Award.objects.count() == 1


def test_same_award_other_year_or_number_is_not_a_duplicate(client_for, person):
    client = client_for("staff")
    url = reverse("history:person_add", args=[person.pk])
    assert client.post(url, form_data()).status_code == 302
    assert client.post(url, form_data(year="2017", decided_on="2017-08-10")).status_code == 302
    assert client.post(url, form_data(decision_number="399/QĐ-SGDĐT")).status_code == 302
    assert Award.objects.count() == 3


def test_rejected_form_keeps_what_was_typed(client_for, person):
    url = reverse("history:person_add", args=[person.pk])
    response = client_for("staff").post(url, form_data(year="2018", decided_on="2016-08-12",
                                                       issuer="Giám đốc Sở Giáo dục"))
    assert response.status_code == 200
    assert response.context["form"].errors == {"decided_on": ["Ngày quyết định 12/08/2016 ở trước năm 2018."]}
    html = response.content.decode()
    assert 'value="Giám đốc Sở Giáo dục"' in html and 'value="398/QĐ-SGDĐT"' in html and 'value="2018"' in html
    assert Award.objects.count() == 0


def test_future_date_and_year_refused(client_for, person):
    next_year = timezone.localdate().year + 1
    response = client_for("staff").post(reverse("history:person_add", args=[person.pk]), form_data(
        year=str(next_year), decided_on=f"{next_year}-01-05"))
    errors = response.context["form"].errors
    assert "year" in errors and errors["decided_on"] == ["Ngày quyết định không được sau hôm nay."]


def test_award_not_in_the_catalogue_of_that_year(client_for, person):
    AwardType.objects.create(code="giay-khen-cu", name="Giấy khen cũ", family="giay_khen", authority="thu_truong_don_vi",
                             for_individual=True, valid_from=D(2010, 1, 1), valid_to=D(2015, 12, 31))
    url = reverse("history:person_add", args=[person.pk])
    response = client_for("staff").post(url, form_data(award_code="giay-khen-cu", year="2016"))
    assert response.context["form"].errors == {
        "award_code": ["Danh hiệu, hình thức này không có trong danh mục năm 2016."]}
    assert client_for("staff").post(url, form_data(award_code="giay-khen-cu", year="2015",
                                                   decided_on="2015-06-01")).status_code == 302


def test_collective_award_is_not_offered_for_a_person(client_for, person):
    response = client_for("staff").post(reverse("history:person_add", args=[person.pk]),
                                        form_data(award_code="co-thi-dua-ubnd-tinh"))
    assert list(response.context["form"].errors) == ["award_code"]


def test_catalogue_before_2017_uses_the_earliest_version(db):
    codes = {a.code for a in award_types_for_year(2012, "ca_nhan")}
    assert {"chien-si-thi-dua-co-so", "lao-dong-tien-tien", "bang-khen-chu-tich-ubnd-tinh"} <= codes
    assert "co-thi-dua-ubnd-tinh" not in codes
    names = {a.code: a.name for a in award_types_for_year(2026, "tap_the")}
    assert names["xa-phuong-tieu-bieu"] == "Xã, phường, đặc khu tiêu biểu"
    assert {a.code: a.name for a in award_types_for_year(2024, "tap_the")}["xa-phuong-tieu-bieu"] == (
        "Xã, phường, thị trấn tiêu biểu")


@pytest.mark.parametrize(("persona", "status"), [
    ("officer_a", 403), ("officer_b", 404), ("council_member", 404), ("leader", 403), ("staff", 200),
])
def test_who_may_enter_past_awards(client_for, person, persona, status):
    response = client_for(persona).post(reverse("history:person_add", args=[person.pk]), form_data())
    assert response.status_code == (302 if status == 200 else status)
    assert Award.objects.count() == (1 if status == 200 else 0)


def test_officer_page_explains_who_enters_history(client_for, person):
    html = client_for("officer_a").get(reverse("history:person", args=[person.pk])).content.decode()
    assert "Chỉ cán bộ Ban Thi đua - Khen thưởng mới nhập khen thưởng từ hồ sơ lưu trữ" in html
    assert reverse("history:person_add", args=[person.pk]) not in html


def test_decision_recipients_link_to_history_for_staff(client_for, unit_a, officer_a, staff):
    from awards.models import Decision, DecisionLine, Signer

    leader_user = UserFactory(roles=[Role.LEADERSHIP])
    assert leader_user.has_role(Role.LEADERSHIP)
    dossier = make_dossier(unit_a, officer_a)
    nomination = dossier.nominations.get()
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=D(2020, 1, 1))
    decision = Decision.objects.create(
        number=1, year=2021, decided_on=D(2021, 2, 6), signer=signer, award_type=nomination.award_type,
        occasion="cong_trang", achievement_year=2020, subject="Về việc tặng", legal_bases="Căn cứ", proposals="x",
        reason="x", executors="x", recipients="x", created_by=staff)
    DecisionLine.objects.create(decision=decision, nomination=nomination, recipient_kind="tap_the",
                                recipient_name=unit_a.name)
    html = client_for("staff").get(reverse("awards:decision", args=[decision.pk])).content.decode()
    assert f'<a href="{reverse("history:unit", args=[unit_a.pk])}">{unit_a.name}</a>' in html
