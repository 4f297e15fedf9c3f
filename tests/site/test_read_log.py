"""The read log of personal data (issue 15, finding 8): who opened whose page or file, and when; visible to
board staff and administrators with filters and an Excel export; never to officers; append-only."""

from __future__ import annotations

import datetime
import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from awards.decisions import services as decisions
from awards.models import DecisionDocument, DocumentStatus
from tests.factories import PersonFactory, make_draft_decision
from units.models import PersonalDataRead, ReadKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_x(unit_a):
    return PersonFactory(full_name="Hoàng Thị Xuân", unit=unit_a, citizen_id="020190001234")


def test_an_officer_opening_a_person_page_is_logged(client, officer_a, person_x):
    client.force_login(officer_a)
    before = timezone.now()
    assert client.get(f"/units/people/{person_x.pk}/history/", REMOTE_ADDR="10.1.2.3").status_code == 200
    row = PersonalDataRead.objects.get()
    assert (row.user, row.person, row.unit, row.kind, row.subject, row.path, row.address) == (
        officer_a, person_x, person_x.unit, ReadKind.PERSON, "Hoàng Thị Xuân",
        f"/units/people/{person_x.pk}/history/", "10.1.2.3")
    assert before <= row.at <= timezone.now()


def test_a_refused_page_is_not_logged_as_read(client, officer_b, person_x):
    client.force_login(officer_b)
    assert client.get(f"/units/people/{person_x.pk}/history/").status_code == 404
    assert not PersonalDataRead.objects.exists()


def test_the_facts_page_with_discipline_records_is_logged(client, officer_a, unit_a):
    client.force_login(officer_a)
    assert client.get(f"/units/{unit_a.pk}/facts/").status_code == 200
    row = PersonalDataRead.objects.get()
    assert (row.kind, row.unit, row.subject, row.person) == (ReadKind.FACTS, unit_a, "Sở Giáo dục và Đào tạo", None)


def test_a_certificate_download_is_logged(client, unit_a, officer_a, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    decision = make_draft_decision(unit_a, officer_a, staff)
    decisions.publish(decision, staff)
    decision.refresh_from_db()
    document = DecisionDocument(decision=decision, kind="certificates", version=1, content_key="k",
                                status=DocumentStatus.DONE, sha256=hashlib.sha256(b"%PDF-1.7 x").hexdigest())
    document.file.save("c.pdf", ContentFile(b"%PDF-1.7 x"), save=False)
    document.save()
    client.force_login(staff)
    answer = client.get(f"/awards/decisions/{decision.pk}/documents/{document.pk}/")
    assert answer.status_code == 200
    row = PersonalDataRead.objects.get()
    assert (row.user, row.kind, row.subject) == (
        staff, ReadKind.DOCUMENT, f"{decision.code}: Bằng khen, Giấy khen in theo từng người (v1)")


def test_the_admin_person_form_with_the_citizen_id_is_logged(client, staff, person_x):
    client.force_login(staff)
    page = client.get(f"/admin/units/person/{person_x.pk}/change/")
    assert page.status_code == 200 and "020190001234" in page.content.decode()
    row = PersonalDataRead.objects.get()
    assert (row.user, row.person, row.kind) == (staff, person_x, ReadKind.ADMIN_PERSON)
    client.get("/admin/units/person/")  # the list shows no citizen ID: not logged
    assert PersonalDataRead.objects.count() == 1


def test_staff_see_the_log_and_filter_it(client, officer_a, officer_b, staff, person_x, unit_b):
    other = PersonFactory(full_name="Lương Văn Yên", unit=unit_b)
    reader = Client()
    reader.force_login(officer_a)
    reader.get(f"/units/people/{person_x.pk}/history/")
    reader_b = Client()
    reader_b.force_login(officer_b)
    reader_b.get(f"/units/people/{other.pk}/history/")
    client.force_login(staff)
    html = client.get("/accounts/read-log/").content.decode()
    assert "Nhật ký xem dữ liệu cá nhân" in html
    assert "Lường Thị Hoa" in html and "Hoàng Thị Xuân" in html and "Lương Văn Yên" in html
    by_user = client.get("/accounts/read-log/", {"user": officer_b.pk}).content.decode()
    assert "Lương Văn Yên" in by_user and "Hoàng Thị Xuân" not in by_user
    by_person = client.get("/accounts/read-log/", {"person": person_x.pk}).content.decode()
    assert "Hoàng Thị Xuân" in by_person and "Lương Văn Yên" not in by_person
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    later = client.get("/accounts/read-log/", {"day_from": tomorrow}).content.decode()
    assert "Không có lượt xem nào theo điều kiện lọc." in later
    today = timezone.localdate().isoformat()
    kind = client.get("/accounts/read-log/", {"kind": "facts", "day_from": today, "day_to": today}).content.decode()
    assert "Không có lượt xem nào theo điều kiện lọc." in kind


def test_officers_leaders_and_council_cannot_see_the_log(client_for):
    for persona in ("officer_a", "leader", "council_member"):
        assert client_for(persona).get("/accounts/read-log/").status_code == 403
        assert client_for(persona).get("/accounts/read-log/?format=xlsx").status_code == 403
    assert client_for("anonymous").get("/accounts/read-log/").status_code == 302


def test_the_excel_export_neutralises_formulas(client, officer_a, staff, unit_a):
    hostile = PersonFactory(full_name='=HYPERLINK("http://x.example","Bấm vào")', unit=unit_a)
    signs = [PersonFactory(full_name=name, unit=unit_a) for name in ("+84 912", "-1+2", "@SUM(A1)", "Bình")]
    reader = Client()
    reader.force_login(officer_a)
    for person in [hostile, *signs]:
        reader.get(f"/units/people/{person.pk}/history/", REMOTE_ADDR="10.9.9.9")
    client.force_login(staff)
    answer = client.get("/accounts/read-log/", {"format": "xlsx", "user": officer_a.pk})
    assert answer["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert answer["Content-Disposition"].startswith('attachment; filename="nhat-ky-xem-du-lieu-ca-nhan-')
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert [c.value for c in sheet[1]] == ["Thời điểm", "Người xem", "Tên đăng nhập", "Loại dữ liệu", "Cá nhân",
                                           "Đơn vị", "Nội dung đã xem", "Địa chỉ trang", "Địa chỉ IP"]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 5
    names = {row[4].value: row for row in rows}
    cell = names['=HYPERLINK("http://x.example","Bấm vào")'][4]
    assert cell.data_type == "s"  # text, not a formula ("f")
    for name in ("+84 912", "-1+2", "@SUM(A1)"):
        assert names[name][4].data_type == "s"
        assert names[name][6].value == name and names[name][6].data_type == "s"
    first = names["Bình"]
    assert [c.value for c in first[1:4]] == ["Lường Thị Hoa", "officer_a", "Trang lịch sử khen thưởng của cá nhân"]
    assert first[5].value == "Sở Giáo dục và Đào tạo" and first[8].value == "10.9.9.9"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_the_log_is_append_only(officer_a, person_x):
    row = PersonalDataRead.objects.create(user=officer_a, kind=ReadKind.PERSON, person=person_x, subject="x",
                                          path="/")
    with pytest.raises(TypeError):
        row.save()
    with pytest.raises(TypeError):
        row.delete()
    with pytest.raises(TypeError):
        PersonalDataRead.objects.all().delete()
    with pytest.raises(TypeError):
        PersonalDataRead.objects.update(subject="y")
    assert PersonalDataRead.objects.get().subject == "x"


def test_staff_menu_links_to_the_log(client_for):
    assert 'href="/accounts/read-log/"' in client_for("staff").get("/").content.decode()
    assert 'href="/accounts/read-log/"' not in client_for("officer_a").get("/").content.decode()


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_every_formula_start_is_written_as_text(text):
    """The log's export writes through ``units.sheets.workbook_bytes``, as every writer of the product does."""
    import io

    from openpyxl import Workbook, load_workbook

    from units.sheets import workbook_bytes

    book = Workbook()
    book.active["A1"] = text
    cell = load_workbook(io.BytesIO(workbook_bytes(book))).active["A1"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
