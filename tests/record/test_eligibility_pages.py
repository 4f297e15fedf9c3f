"""Eligibility on nominations (shown to officer and staff, staff override, hard block on submission, initiatives
claimed once) and the "Ai đủ điều kiện năm nay" page with its one-step draft nominations."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from awards.catalogue.in_force import award_type_on
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Award, Dossier, HoldPeriod, Initiative, Nomination, NominationEligibility, YearlyRating
from awards.record.eligibility import claims, engine
from awards.record.eligibility.facts import load_records
from tests.factories import PersonFactory, make_dossier
from units.models import Gender

pytestmark = pytest.mark.django_db

D = datetime.date
CSTDCS, CSTD_TINH = "chien-si-thi-dua-co-so", "chien-si-thi-dua-cap-tinh"


def give(subject, code: str, year: int, occasion: str = "cong_trang", revoked: bool = False) -> Award:
    award_type = award_type_on(code, D(max(year, 2017), 12, 31))  # the catalogue starts in 2017
    is_person = subject.__class__.__name__ == "Person"
    return Award.objects.create(
        source="history", award_type=award_type, award_code=code, recipient_kind="ca_nhan" if is_person else "tap_the",
        person=subject if is_person else None, unit=None if is_person else subject, recipient_name=str(subject),
        year=year + 1, achievement_year=year, occasion=occasion, authority=award_type.authority,
        decision_number=f"{year}/QĐ-TEST", decided_on=D(year + 1, 1, 15), issuer="UBND tỉnh", revoked=revoked,
    )


@pytest.fixture
def ladder_person(unit_a):
    """CSTĐCS 2023-2025 and a provincial initiative: a candidate for CSTĐ cấp tỉnh in 2026."""
    person = PersonFactory(full_name="Hoàng Thị Lan", gender=Gender.FEMALE, unit=unit_a)
    for year in (2023, 2024, 2025):
        give(person, CSTDCS, year)
    Initiative.objects.create(title="Số hóa hồ sơ học bạ", person=person, year=2025, scope="tinh")
    return person


# --- the loader -------------------------------------------------------------------------------------------

def test_revoked_awards_never_count(ladder_person):
    Award.objects.filter(person=ladder_person, achievement_year=2024).update(revoked=True)
    result = engine.evaluate(ladder_person, CSTD_TINH, 2026, on=D(2026, 3, 1))
    assert result.failing_codes == ["ba_lan_cstdcs"]


def test_the_loader_needs_the_same_queries_for_one_or_fifty_people(unit_a, django_assert_num_queries):
    people = [PersonFactory(unit=unit_a) for _ in range(50)]
    for person in people:
        give(person, CSTDCS, 2025)
        YearlyRating.objects.create(person=person, year=2025, rating="htxs")
    from units.models import Person

    with django_assert_num_queries(5):
        one = load_records(persons=Person.objects.filter(pk=people[0].pk).values("pk"))
    with django_assert_num_queries(5):
        many = load_records(persons=Person.objects.filter(unit=unit_a).values("pk"))
    assert len(one) == 1 and len(many) == 50
    assert many[("ca_nhan", people[3].pk)].ratings == {2025: "htxs"}


# --- the dossier page ---------------------------------------------------------------------------------------

@pytest.fixture
def cstd_dossier(unit_a, officer_a, ladder_person):
    return make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=ladder_person)


@pytest.fixture
def weak_dossier(unit_a, officer_a):
    person = PersonFactory(full_name="Vi Văn Tám", unit=unit_a)
    return make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=person)


@pytest.mark.parametrize("persona", ["officer_a", "staff"])
def test_the_result_is_shown_to_officer_and_staff(persona, client_for, weak_dossier):
    html = client_for(persona).get(reverse("awards:dossier", args=[weak_dossier.reference])).content.decode()
    assert "Xét điều kiện tự động" in html
    assert 'data-testid="criterion-ba_lan_cstdcs"' in html
    assert "Có 0/3 lần liên tục." in html
    assert "Luật TĐKT 2022 Điều 22; NĐ 152/2025/NĐ-CP" in html
    assert ("data-testid=\"override-form-" in html) == (persona == "staff")


def test_the_evidence_lists_awards_and_years(client_for, cstd_dossier):
    html = client_for("officer_a").get(reverse("awards:dossier", args=[cstd_dossier.reference])).content.decode()
    assert "Chiến sĩ thi đua cơ sở 2023 (QĐ 2023/QĐ-TEST)" in html
    assert "Số hóa hồ sơ học bạ (cấp tỉnh, 2025)" in html


def test_a_hard_criterion_blocks_submission_naming_nominee_and_criterion(officer_a, weak_dossier):
    allowed, reason = workflow.can(officer_a, "submit", weak_dossier)
    assert not allowed
    assert ("Vi Văn Tám chưa đạt tiêu chuẩn bắt buộc \"03 lần liên tục đạt Chiến sĩ thi đua cơ sở (tính đến năm xét "
            "hoặc năm trước)\" (Luật TĐKT 2022 Điều 22; NĐ 152/2025/NĐ-CP).") in reason
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(weak_dossier, "submit", officer_a)


def test_a_hold_period_blocks_any_award(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", year=2026)
    HoldPeriod.objects.create(unit=unit_a, kind="thanh_tra", start=D(2020, 1, 1))
    allowed, reason = workflow.can(officer_a, "submit", dossier)
    assert not allowed and "Không trong thời gian bị kỷ luật" in reason


def test_soft_criteria_only_warn(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code="bang-khen-thu-tuong", authority="thu_tuong", year=2025)
    result = claims.evaluate_dossier(dossier, save=False)[dossier.nominations.get().pk]
    assert result.verdict == "not_eligible" and result.hard_unmet == []
    assert workflow.can(officer_a, "submit", dossier) == (True, "")


def test_staff_override_is_recorded_shown_and_unblocks(client_for, staff, officer_a, weak_dossier):
    nomination = weak_dossier.nominations.get()
    url = reverse("awards:eligibility_override", args=[weak_dossier.reference, nomination.pk])
    response = client_for("staff").post(url, {"override_verdict": "eligible",
                                              "override_reason": "Có QĐ CSTĐCS 2023-2025 trên giấy, chưa nhập"})
    assert response.status_code == 302
    row = NominationEligibility.objects.get(nomination=nomination)
    assert (row.override_verdict, row.override_reason, row.override_by, row.verdict) == (
        "eligible", "Có QĐ CSTĐCS 2023-2025 trên giấy, chưa nhập", staff, "not_eligible")
    html = client_for("officer_a").get(reverse("awards:dossier", args=[weak_dossier.reference])).content.decode()
    assert "Có QĐ CSTĐCS 2023-2025 trên giấy, chưa nhập" in html and 'data-testid="eligibility-override"' in html
    assert workflow.can(officer_a, "submit", weak_dossier) == (True, "")


def test_override_without_reason_is_refused(client_for, weak_dossier):
    nomination = weak_dossier.nominations.get()
    url = reverse("awards:eligibility_override", args=[weak_dossier.reference, nomination.pk])
    response = client_for("staff").post(url, {"override_verdict": "eligible", "override_reason": "  "}, follow=True)
    assert "Cần ghi lý do khi kết luận thay kết quả tự động." in response.content.decode()
    assert not NominationEligibility.objects.filter(nomination=nomination).exclude(override_verdict="").exists()


@pytest.mark.parametrize("persona, status", [("officer_a", 403), ("officer_b", 404), ("council_member", 404),
                                             ("anonymous", 302)])
def test_only_staff_override(persona, status, client_for, weak_dossier):
    nomination = weak_dossier.nominations.get()
    url = reverse("awards:eligibility_override", args=[weak_dossier.reference, nomination.pk])
    assert client_for(persona).post(url, {"override_verdict": "eligible", "override_reason": "x"}).status_code == status
    assert not NominationEligibility.objects.exists()


def test_clearing_an_override_blocks_again(staff, officer_a, weak_dossier):
    nomination = weak_dossier.nominations.get()
    claims.override(nomination, "eligible", "Đã kiểm tra", staff)
    claims.override(nomination, "", "", staff)
    assert workflow.can(officer_a, "submit", weak_dossier)[0] is False


# --- initiatives are used once ------------------------------------------------------------------------------

def test_submission_claims_the_initiative_and_a_second_nomination_cannot_use_it(
        unit_a, officer_a, ladder_person, cstd_dossier):
    workflow.transition(cstd_dossier, "submit", officer_a)
    initiative = Initiative.objects.get()
    nomination = cstd_dossier.nominations.get()
    assert initiative.used_by == nomination
    stored = NominationEligibility.objects.get(nomination=nomination)
    assert stored.verdict == "needs_judgement" and stored.result["criteria"][2]["initiative_ids"] == [initiative.pk]
    other = make_dossier(unit_a, officer_a, code="bang-khen-chu-tich-ubnd-tinh", year=2026)
    other_nomination = Nomination.objects.create(dossier=other, recipient_kind="ca_nhan", person=ladder_person,
                                                 award_type=award_type_on(CSTD_TINH, D(2026, 12, 31)))
    result = claims.evaluate_dossier(other, save=False)[other_nomination.pk]
    assert "sang_kien_cap_tinh" in result.failing_codes


def test_withdrawing_gives_the_initiative_back(officer_a, cstd_dossier):
    workflow.transition(cstd_dossier, "submit", officer_a)
    workflow.transition(cstd_dossier, "withdraw", officer_a, note="Nộp nhầm")
    assert Initiative.objects.get().used_by is None


def test_a_claim_taken_meanwhile_is_refused(ladder_person, cstd_dossier, unit_a, officer_a):
    initiative = Initiative.objects.get()
    rival = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=ladder_person)
    rival_nomination = rival.nominations.get()
    claims.claim_initiatives(rival_nomination.pk, [initiative.pk])
    claims.claim_initiatives(rival_nomination.pk, [initiative.pk])  # the same nomination again: fine
    with pytest.raises(claims.InitiativeTaken) as excinfo:
        claims.claim_initiatives(cstd_dossier.nominations.get().pk, [initiative.pk])
    assert excinfo.value.message == "Sáng kiến \"Số hóa hồ sơ học bạ\" vừa được dùng cho một đề nghị khác."


# --- candidates ---------------------------------------------------------------------------------------------

@pytest.fixture
def people_in_two_units(unit_a, unit_b, ladder_person):
    other = PersonFactory(full_name="Lộc Văn Sơn", unit=unit_b)
    for year in (2023, 2024, 2025):
        give(other, CSTDCS, year)
    Initiative.objects.create(title="Phần mềm quản lý thuốc", person=other, year=2024, scope="tinh")
    return ladder_person, other


def candidates_url(**params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("awards:eligibility_candidates") + (f"?{query}" if query else "")


def test_staff_sees_candidates_province_wide_with_tie_break_hints(client_for, people_in_two_units):
    response = client_for("staff").get(candidates_url(year=2026, award=CSTD_TINH))
    groups = response.context["groups"]
    assert [(code, [str(i["subject"]) for i in items]) for code, _name, items in groups] == [
        (CSTD_TINH, ["Hoàng Thị Lan", "Lộc Văn Sơn"])]
    html = response.content.decode()
    assert "Nữ: được ưu tiên khi thành tích ngang nhau" in html


def test_an_officer_sees_only_their_unit(client_for, people_in_two_units, unit_a, unit_b):
    response = client_for("officer_a").get(candidates_url(year=2026))
    names = [str(i["subject"]) for _c, _n, items in response.context["groups"] for i in items]
    assert "Hoàng Thị Lan" in names and "Lộc Văn Sơn" not in names
    assert client_for("officer_a").get(candidates_url(year=2026, unit=unit_b.pk)).status_code == 404
    assert client_for("officer_a").get(candidates_url(year=2026, unit=unit_a.pk)).status_code == 200


def test_a_collective_with_70_percent_women_gets_the_hint(client_for, unit_a):
    from awards.models import CollectiveFigures

    YearlyRating.objects.create(unit=unit_a, year=2025, rating="htxs")
    CollectiveFigures.objects.create(unit=unit_a, year=2025, members=10, completed_tasks=10, with_ldtt=8,
                                     with_cstdcs=1, women=7)
    response = client_for("staff").get(candidates_url(year=2025, award="tap-the-lao-dong-xuat-sac"))
    (code, _name, items), = response.context["groups"]
    assert (code, items[0]["subject"], items[0]["hint"]) == (
        "tap-the-lao-dong-xuat-sac", unit_a, "Tập thể có 70 % nữ: được ưu tiên khi thành tích ngang nhau")


def test_creating_drafts_in_one_step_and_never_twice(client_for, staff, people_in_two_units, unit_a):
    lan, son = people_in_two_units
    data = {"year": 2026, "award": CSTD_TINH, "candidate": [f"person:{lan.pk}", f"person:{son.pk}"]}
    response = client_for("staff").post(reverse("awards:eligibility_create"), data, follow=True)
    assert "Đã tạo 2 đề nghị trong 2 hồ sơ dự thảo." in response.content.decode()
    dossiers = Dossier.objects.filter(year=2026).order_by("unit__code")
    assert [(d.unit.code, d.state, d.occasion, d.authority, d.created_by) for d in dossiers] == [
        ("so-a", DossierState.DRAFT, "cong_trang", "chu_tich_ubnd_tinh", staff),
        ("so-b", DossierState.DRAFT, "cong_trang", "chu_tich_ubnd_tinh", staff)]
    assert sorted(Nomination.objects.values_list("person__full_name", flat=True)) == ["Hoàng Thị Lan", "Lộc Văn Sơn"]
    again = client_for("staff").post(reverse("awards:eligibility_create"), data, follow=True)
    assert Nomination.objects.count() == 2
    assert "Đã có đề nghị, không tạo lại: Hoàng Thị Lan, Lộc Văn Sơn." in again.content.decode()


def test_an_officer_creates_only_for_their_unit(client_for, people_in_two_units, officer_a):
    lan, son = people_in_two_units
    url = reverse("awards:eligibility_create")
    response = client_for("officer_a").post(url, {"year": 2026, "award": CSTD_TINH, "candidate": [f"person:{son.pk}"]},
                                            follow=True)
    assert "Có đối tượng không còn trong danh sách đủ điều kiện; chưa tạo gì." in response.content.decode()
    assert not Nomination.objects.exists()
    response = client_for("officer_a").post(url, {"year": 2026, "award": CSTD_TINH, "candidate": [f"person:{lan.pk}"]})
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("awards:dossier", args=[dossier.reference])
    assert (dossier.unit, dossier.created_by) == (officer_a.unit, officer_a)


def test_creating_needs_a_selection(client_for, people_in_two_units):
    response = client_for("staff").post(reverse("awards:eligibility_create"), {"year": 2026, "award": CSTD_TINH},
                                        follow=True)
    assert "Chọn ít nhất một người hoặc tập thể." in response.content.decode()


def test_creating_checks_csrf(staff, people_in_two_units):
    lan, _son = people_in_two_units
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(reverse("awards:eligibility_create"),
                           {"year": 2026, "award": CSTD_TINH, "candidate": [f"person:{lan.pk}"]})
    assert response.status_code == 403 and not Nomination.objects.exists()


@pytest.mark.parametrize("persona, status", [("council_member", 403), ("leader", 403), ("officer_b", 404)])
def test_others_cannot_create(persona, status, client_for, people_in_two_units, unit_a):
    lan, _son = people_in_two_units
    response = client_for(persona).post(reverse("awards:eligibility_create"), {
        "year": 2026, "award": CSTD_TINH, "unit": unit_a.pk, "candidate": [f"person:{lan.pk}"]})
    assert response.status_code == status and not Nomination.objects.exists()


def test_nominated_people_are_marked(client_for, people_in_two_units, cstd_dossier):
    response = client_for("staff").get(candidates_url(year=2026, award=CSTD_TINH))
    items = {str(i["subject"]): i["nominated"] for _c, _n, group in response.context["groups"] for i in group}
    assert items == {"Hoàng Thị Lan": True, "Lộc Văn Sơn": False}


def test_unit_outside_the_tree_is_404_for_staff(client_for):
    assert client_for("staff").get(candidates_url(unit=999999)).status_code == 404
    assert client_for("staff").get(candidates_url(unit="abc")).status_code == 404


def test_an_officer_sees_the_units_under_their_own(client_for, officer_a, unit_a, unit_b):
    from tests.factories import UnitFactory

    school = UnitFactory(name="Trường THPT Việt Bắc", parent=unit_a)
    teacher = PersonFactory(full_name="Lý Thị Hằng", gender=Gender.FEMALE, unit=school)
    YearlyRating.objects.create(person=teacher, year=2025, rating="htxs")
    give(teacher, "lao-dong-tien-tien", 2025)
    response = client_for("officer_a").get(candidates_url(year=2025, award=CSTDCS))
    (code, _name, items), = response.context["groups"]
    assert code == CSTDCS
    assert [(str(i["subject"]), i["result"].verdict) for i in items] == [("Lý Thị Hằng", "eligible")]
    assert client_for("officer_a").get(candidates_url(year=2025, unit=school.pk)).status_code == 200
    assert client_for("officer_b").get(candidates_url(year=2025, unit=school.pk)).status_code == 404
    client_for("officer_a").post(reverse("awards:eligibility_create"),
                                 {"year": 2025, "award": CSTDCS, "candidate": [f"person:{teacher.pk}"]})
    dossier = Dossier.objects.get()
    assert (dossier.unit, dossier.authority, dossier.nominations.get().person) == (unit_a, "thu_truong_don_vi", teacher)


def test_people_without_any_grounds_are_not_listed(client_for, unit_a):
    PersonFactory(full_name="Chưa Có Dữ Liệu", unit=unit_a)
    response = client_for("staff").get(candidates_url(year=2026))
    assert response.context["groups"] == []
    assert "Chưa có ai đủ điều kiện theo dữ liệu đã nhập" in response.content.decode()


def test_bulk_evaluation_reads_only_its_windows_and_agrees_with_one_by_one(unit_a):
    """``evaluate_many`` loads only the years the rules read; the results equal a full load per person."""
    import random

    from units.models import Person

    rng = random.Random(7)
    for n in range(12):
        person = PersonFactory(unit=unit_a, gender=Gender.FEMALE if n % 2 else Gender.MALE)
        for year in range(2006, 2027):
            YearlyRating.objects.create(person=person, year=year, rating=rng.choice(["htxs", "htxs", "htt", "ht"]))
            for code in rng.sample(["lao-dong-tien-tien", CSTDCS, CSTD_TINH, "bang-khen-chu-tich-ubnd-tinh"], 2):
                give(person, code, year, occasion=rng.choice(["cong_trang", "cong_trang", "dot_xuat"]))
            if rng.random() < 0.4:
                Initiative.objects.create(title=f"SK {person.pk}-{year}", person=person, year=year,
                                          scope=rng.choice(["co_so", "tinh", "toan_quoc"]))
    on = D(2026, 11, 1)
    bulk = engine.evaluate_many(persons=Person.objects.filter(unit=unit_a).values("pk"), year=2026, on=on)
    book = engine.RuleBook()
    single = [engine.evaluate(Person.objects.get(pk=r.subject_id), r.award_code, 2026, on=on, book=book)
              for r in bulk]
    assert len(bulk) == 12 * 5
    assert [r.to_json() for r in bulk] == [r.to_json() for r in single]
    assert {r.verdict for r in bulk} >= {"not_eligible", "needs_judgement"}


def test_staff_concluding_not_eligible_blocks_even_a_clean_result(staff, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", year=2026)
    nomination = dossier.nominations.get()
    assert workflow.can(officer_a, "submit", dossier) == (True, "")
    claims.override(nomination, "not_eligible", "Đơn vị đang bị thanh tra theo QĐ 15/QĐ-TTr", staff)
    allowed, reason = workflow.can(officer_a, "submit", dossier)
    assert (allowed, reason) == (False, "Ban Thi đua - Khen thưởng đã kết luận Sở Giáo dục và Đào tạo chưa đủ điều "
                                        "kiện: Đơn vị đang bị thanh tra theo QĐ 15/QĐ-TTr")
