"""Site search (issue 17, item 4): accent- and case-insensitive, scoped, exact links; the person's history as a
báo cáo thành tích PDF and Excel; the unit page lists its persons; the home card sends staff to the search."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.catalogue.in_force import award_type_on
from awards.decisions import services as decisions
from awards.enums import DossierState
from awards.models import Signer
from awards.record.history.entry import record_history_award
from tests import pdf_tools
from tests.factories import PersonFactory, issue_decision, make_dossier, with_board_submission
from units.models import UnitAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def hang(unit_a):
    return PersonFactory(full_name="Hoàng Thị Hằng", unit=unit_a, gender="nu", position="Giáo viên")


@pytest.fixture
def other_hang(unit_b):
    return PersonFactory(full_name="Lương Thị Hằng", unit=unit_b, gender="nu")


def hits(response, key):
    return [(hit.title, hit.url) for group in response.context["groups"] if group.key == key for hit in group.hits]


def test_hang_finds_hằng_accents_and_case_ignored(hang, other_hang, client_for):
    client = client_for("staff")
    for query in ("hang", "HANG", "Hằng", "hoang thi hang"):
        response = client.get(reverse("search"), {"q": query})
        assert ("Hoàng Thị Hằng", f"/units/people/{hang.pk}/history/") in hits(response, "persons"), query
    assert len(hits(client.get(reverse("search"), {"q": "hang"}), "persons")) == 2
    page = client.get(reverse("search"), {"q": "hang"}).content.decode()
    assert f'<a href="/units/people/{hang.pk}/history/">Hoàng Thị Hằng</a>' in page


def test_officer_of_a_never_finds_the_person_of_b(hang, other_hang, client_for):
    client = client_for("officer_a")
    response = client.get(reverse("search"), {"q": "hang"})
    assert hits(response, "persons") == [("Hoàng Thị Hằng", f"/units/people/{hang.pk}/history/")]
    assert "Lương Thị Hằng" not in response.content.decode()
    assert hits(client.get(reverse("search"), {"q": "Lương Thị Hằng"}), "persons") == []
    assert client.get(reverse("history:person", args=[other_hang.pk])).status_code == 404
    assert client.get(reverse("history:person_pdf", args=[other_hang.pk])).status_code == 404
    assert client.get(reverse("history:person_xlsx", args=[other_hang.pk])).status_code == 404


def test_units_are_found_by_name_and_alias_within_scope(unit_a, unit_b, client_for):
    UnitAlias.objects.create(unit=unit_a, name="Sở GD&ĐT tỉnh Lạng Sơn")
    staff = client_for("staff")
    assert hits(staff.get(reverse("search"), {"q": "gd&dt tinh lang son"}), "units") == [
        ("Sở Giáo dục và Đào tạo", f"/units/{unit_a.pk}/")]
    assert hits(staff.get(reverse("search"), {"q": "so y te"}), "units") == [("Sở Y tế", f"/units/{unit_b.pk}/")]
    assert hits(client_for("officer_a").get(reverse("search"), {"q": "so y te"}), "units") == []


def test_dossiers_and_decisions_are_found_and_scoped(unit_a, unit_b, officer_a, officer_b, staff, client_for):
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")
    decision = with_board_submission(decisions.draft_decision(
        list(dossier.nominations.all()), staff, datetime.date(2021, 2, 6), signer, "đã có thành tích xuất sắc"))
    issue_decision(decision, staff)
    other = make_dossier(unit_b, officer_b)
    officer = client_for("officer_a")
    assert hits(officer.get(reverse("search"), {"q": dossier.reference.lower()}), "dossiers") == [
        (f"{dossier.reference} · {dossier.title}", f"/awards/dossiers/{dossier.reference}/")]
    assert hits(officer.get(reverse("search"), {"q": other.reference}), "dossiers") == []
    assert hits(officer.get(reverse("search"), {"q": "01/QĐ-UBND"}), "decisions") == [
        ("01/QĐ-UBND ngày 06/02/2021", f"/awards/decisions/{decision.pk}/")]
    assert hits(client_for("officer_b").get(reverse("search"), {"q": "01/QĐ-UBND"}), "decisions") == []
    member = client_for("council_member").get(reverse("search"), {"q": "01/QĐ-UBND"})
    assert member.status_code == 200 and hits(member, "decisions") == []


def test_a_one_letter_query_asks_for_more(client_for):
    page = client_for("staff").get(reverse("search"), {"q": "h"}).content.decode()
    assert "Hãy gõ ít nhất 2 chữ." in page


@pytest.fixture
def hang_awarded(hang):
    record_history_award(hang, award_type=award_type_on("chien-si-thi-dua-co-so", datetime.date(2019, 12, 31)),
                         year=2019, decision_number="=12/QĐ-SGDĐT", decided_on=datetime.date(2020, 1, 15),
                         issuer="Giám đốc Sở Giáo dục và Đào tạo")
    return hang


def test_person_history_prints_as_a_bao_cao_thanh_tich(hang_awarded, client_for):
    response = client_for("staff").get(reverse("history:person_pdf", args=[hang_awarded.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_tools.flat(pdf_tools.text(response.content))
    assert "BÁO CÁO THÀNH TÍCH" in text
    assert "Quá trình khen thưởng của Bà Hoàng Thị Hằng" in text
    import pdfplumber

    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        table = pdf.pages[0].extract_table()
    cells = [[" ".join((cell or "").split()).replace("- ", "-") for cell in row] for row in table]  # a wrap after "QĐ-"
    assert cells == [
        ["STT", "Năm", "Danh hiệu thi đua, hình thức khen thưởng", "Số, ngày quyết định", "Cơ quan ban hành",
         "Ghi chú"],
        ["1", "2019", "Chiến sĩ thi đua cơ sở", "=12/QĐ-SGDĐT ngày 15/01/2020", "Giám đốc Sở Giáo dục và Đào tạo", ""],
    ]


def test_person_history_exports_to_excel_with_formula_safe_cells(hang_awarded, client_for):
    response = client_for("officer_a").get(reverse("history:person_xlsx", args=[hang_awarded.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "QUÁ TRÌNH KHEN THƯỞNG: Hoàng Thị Hằng"
    assert sheet["A2"].value == "Giáo viên, Sở Giáo dục và Đào tạo"
    assert [c.value for c in sheet[4]] == ["STT", "Năm", "Danh hiệu thi đua, hình thức khen thưởng",
                                           "Số, ngày quyết định", "Cơ quan ban hành", "Ghi chú"]
    assert [c.value for c in sheet[5]] == [1, 2019, "Chiến sĩ thi đua cơ sở", "'=12/QĐ-SGDĐT ngày 15/01/2020",
                                           "Giám đốc Sở Giáo dục và Đào tạo", None]
    assert sheet["D5"].data_type == "s"


def test_unit_page_lists_its_persons(hang, unit_a, client_for):
    PersonFactory(full_name="Vi Văn Tú", unit=unit_a, position="Chuyên viên")
    page = client_for("officer_a").get(reverse("units:detail", args=[unit_a.pk])).content.decode()
    assert f'<a href="/units/people/{hang.pk}/history/">Hoàng Thị Hằng</a></td><td>Giáo viên</td>' in page
    assert "Vi Văn Tú" in page
    assert "Vi Văn Tú" not in client_for("officer_b").get(reverse("units:detail", args=[unit_a.pk])).content.decode()


def test_home_card_sends_staff_to_the_search(client_for):
    page = client_for("staff").get(reverse("home")).content.decode()
    assert 'href="/search/"' in page
    assert "/admin/units/person/" not in page
