"""Dossier pages: scoping (404 outside one's unit), editing rules (403 with the reason), forms that keep
what was typed, attachments by content, the staff inbox and batch actions."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.enums import DossierState
from awards.models import Attachment, Dossier, Nomination
from tests.factories import PersonFactory, UnitFactory, make_dossier
from units.models import Household, Person

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(dossier, suffix=""):
    return f"/awards/dossiers/{dossier.reference}/{suffix}"


@pytest.mark.parametrize(("persona", "status"), [
    ("anonymous", 302), ("officer_a", 200), ("officer_b", 404), ("staff", 200), ("administrator", 200),
    ("council_member", 404), ("leader", 200),
])
def test_who_sees_a_dossier(client_for, unit_a, officer_a, persona, status):
    dossier = make_dossier(unit_a, officer_a)
    assert client_for(persona).get(url(dossier)).status_code == status


def test_officer_creates_a_draft_for_their_unit(client, officer_a, unit_a):
    client.force_login(officer_a)
    response = client.post("/awards/dossiers/new/", {
        "title": "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2020", "occasion": "cong_trang", "year": "2020",
        "authority": "chu_tich_ubnd_tinh", "submission_number": "", "submission_date": ""})
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == url(dossier)
    assert (dossier.unit, dossier.state, dossier.created_by) == (unit_a, DossierState.DRAFT, officer_a)


def test_staff_and_leaders_cannot_create(client_for, staff):
    response = client_for("staff").get("/awards/dossiers/new/")
    assert response.status_code == 403
    assert "Chỉ cán bộ thi đua của một đơn vị mới lập được hồ sơ đề nghị." in response.content.decode()


def test_campaign_occasion_needs_a_campaign_and_the_form_keeps_what_was_typed(client, officer_a):
    client.force_login(officer_a)
    response = client.post("/awards/dossiers/new/", {
        "title": "Đề nghị khen thưởng đợt thi đua 60 ngày đêm", "occasion": "chuyen_de", "year": "2019",
        "authority": "chu_tich_ubnd_tinh"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Khen thưởng theo chuyên đề, đợt thi đua phải gắn với một phong trào." in html
    assert 'value="Đề nghị khen thưởng đợt thi đua 60 ngày đêm"' in html
    assert Dossier.objects.count() == 0


def test_edit_after_someone_else_moved_it_is_refused_and_typing_kept(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    client.force_login(officer_a)
    seen_version = dossier.version
    Dossier.objects.filter(pk=dossier.pk).update(version=seen_version + 1)  # an edit in another window
    response = client.post(url(dossier, "edit/"), {
        "title": "Tiêu đề mới đang gõ", "occasion": "cong_trang", "year": "2020", "authority": "chu_tich_ubnd_tinh",
        "submission_number": "15/TTr-TEST", "submission_date": "2021-01-10", "version": str(seen_version)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hồ sơ đã thay đổi từ khi bạn mở trang" in html
    assert 'value="Tiêu đề mới đang gõ"' in html
    dossier.refresh_from_db()
    assert dossier.title == "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020"


def test_officer_cannot_edit_a_submitted_dossier_and_is_told_why(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    client.force_login(officer_a)
    response = client.get(url(dossier, "edit/"))
    assert response.status_code == 403
    assert ("Hồ sơ đang ở trạng thái &quot;Đã nộp, chờ tiếp nhận&quot;: chỉ sửa được khi còn là dự thảo hoặc bị "
            "trả lại.") in response.content.decode()


def test_leader_reads_but_cannot_edit_or_move(client, leader, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    client.force_login(leader)
    assert client.get(url(dossier)).status_code == 200
    assert client.get(url(dossier, "edit/")).status_code == 403
    assert client.post(url(dossier, "move/receive/"), {"expected_state": "submitted"}).status_code == 403
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED


def test_add_an_individual_created_on_the_spot(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    award = dossier.nominations.get().award_type
    client.force_login(officer_a)
    response = client.post(url(dossier, "nominations/new/"), {
        "recipient_kind": "ca_nhan", "new_person_name": "Hà  Thị Lư", "new_person_gender": "nu",
        "new_person_birth_date": "1975-05-03", "new_person_position": "Trưởng phòng",
        "new_person_category": "lanh_dao_khac", "award_type": award.pk, "achievement": "Hoàn thành xuất sắc",
        "period": "Năm 2020", "version": dossier.version})
    assert response.status_code == 302
    nomination = dossier.nominations.get(recipient_kind="ca_nhan")
    assert (nomination.person.full_name, nomination.person.gender, nomination.person.unit) == ("Hà Thị Lư", "nu", unit_a)
    assert nomination.recipient_key == f"person:{nomination.person_id}"


def test_award_not_for_households_is_refused_with_typing_kept(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh")
    flag = dossier.nominations.get().award_type
    client.force_login(officer_a)
    response = client.post(url(dossier, "nominations/new/"), {
        "recipient_kind": "ho_gia_dinh", "new_household_name": "Gia đình ông Vi Thanh Liêm",
        "award_type": flag.pk, "version": dossier.version})
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Danh hiệu, hình thức này không tặng cho đối tượng đã chọn, hoặc không thuộc thẩm quyền của cấp quyết "
            "định của hồ sơ.") in html
    assert 'value="Gia đình ông Vi Thanh Liêm"' in html
    assert not Household.objects.exists()


def test_award_options_follow_the_recipient_kind(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    client.force_login(officer_a)
    html = client.get(url(dossier, "nominations/award-options/"), {"recipient_kind": "ho_gia_dinh"}).content.decode()
    assert re.findall(r">([^<>]+)</option>", html) == ["---------", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]


def test_duplicate_nomination_is_flagged_on_both_dossiers(client, officer_a, unit_a, staff):
    person = PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a)
    first = make_dossier(unit_a, officer_a, recipient=person)
    second = make_dossier(unit_a, officer_a, recipient=person)
    client.force_login(staff)
    html = client.get(url(first)).content.decode()
    assert f'data-testid="duplicate">Trùng đề nghị: {second.reference}' in html


def test_upload_a_pdf_then_download_it_only_within_scope(client, client_for, officer_a, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    dossier = make_dossier(unit_a, officer_a, complete=False)
    client.force_login(officer_a)
    response = client.post(url(dossier, "attachments/new/"), {
        "kind": "to_trinh", "version": dossier.version,
        "file": SimpleUploadedFile("../../Tờ trình 15.png", PDF, content_type="image/png")})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "Tờ trình 15.png.pdf", "application/pdf", len(PDF))
    assert "Tờ trình" not in attachment.file.name and attachment.file.name.startswith(f"attachments/{dossier.pk}/")
    download = client.get(url(dossier, f"attachments/{attachment.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert client_for("officer_b").get(url(dossier, f"attachments/{attachment.pk}/")).status_code == 404
    from awards.models import AttachmentAccess

    assert list(AttachmentAccess.objects.values_list("user__username", "attachment_id", "ip")) == [
        ("officer_a", attachment.pk, "127.0.0.1")]


def test_a_pdf_named_with_a_right_to_left_override_is_served_as_a_pdf(client, officer_a, unit_a, settings, tmp_path):
    """"hoso\u202efdp.exe" shows as "hosoexe.pdf"; stripped, it would be served as "hosofdp.exe" of PDF type."""
    settings.MEDIA_ROOT = tmp_path
    dossier = make_dossier(unit_a, officer_a, complete=False)
    client.force_login(officer_a)
    client.post(url(dossier, "attachments/new/"), {
        "kind": "to_trinh", "version": dossier.version,
        "file": SimpleUploadedFile("hoso\u202efdp.exe", PDF, content_type="application/pdf")})
    attachment = Attachment.objects.get()

    download = client.get(url(dossier, f"attachments/{attachment.pk}/"))

    assert attachment.original_name == "hosofdp.exe.pdf"
    assert (download["Content-Type"], download["Content-Disposition"]) == (
        "application/pdf", 'attachment; filename="hosofdp.exe.pdf"')
    assert "\u202e" not in client.get(url(dossier)).content.decode()


def test_renamed_executable_is_refused_and_nothing_saved(client, officer_a, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    dossier = make_dossier(unit_a, officer_a, complete=False)
    client.force_login(officer_a)
    response = client.post(url(dossier, "attachments/new/"), {
        "kind": "to_trinh", "version": dossier.version, "note": "bản ký số",
        "file": SimpleUploadedFile("to-trinh.pdf", b"MZ\x90\x00" + b"\x00" * 100)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Định dạng tệp không được chấp nhận. Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG." in html
    assert 'value="bản ký số"' in html
    assert Attachment.objects.count() == 0
    assert list(tmp_path.rglob("*")) == []


def test_officer_submits_through_the_page(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a)
    client.force_login(officer_a)
    response = client.post(url(dossier, "move/submit/"), {"expected_state": "draft"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    page = client.get(url(dossier)).content.decode()
    assert 'data-testid="dossier-state">Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận<' in page


def test_officer_cannot_receive(client, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    client.force_login(officer_a)
    response = client.post(url(dossier, "move/receive/"), {"expected_state": "submitted"})
    assert response.status_code == 403
    assert "Vai trò của bạn không được thực hiện thao tác &quot;Tiếp nhận&quot;." in response.content.decode()


def test_staff_verdict_then_review(client, staff, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED)
    nomination = dossier.nominations.get()
    client.force_login(staff)
    client.post(url(dossier, f"nominations/{nomination.pk}/verdict/"), {"verdict": "ineligible", "reason": ""})
    nomination.refresh_from_db()
    assert nomination.verdict == "pending"
    client.post(url(dossier, f"nominations/{nomination.pk}/verdict/"), {"verdict": "eligible", "reason": ""})
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_by) == ("eligible", staff)
    client.post(url(dossier, "move/complete_review/"), {"expected_state": "received"})
    dossier.refresh_from_db()
    assert dossier.state == DossierState.REVIEWED


# --- inbox -------------------------------------------------------------------------------------------

@pytest.fixture
def inbox(unit_a, unit_b, officer_a):
    thu = PersonFactory(full_name="Hoàng Văn Thụ", unit=unit_a)
    a = make_dossier(unit_a, officer_a, recipient=thu, state=DossierState.SUBMITTED)
    b = make_dossier(unit_b, officer_a, state=DossierState.RECEIVED, year=2019)
    Dossier.objects.filter(pk=b.pk).update(due_date="2020-01-01")
    c = make_dossier(unit_a, officer_a, occasion="dot_xuat")
    return {"a": a, "b": b, "c": c}


def refs(response):
    return sorted(d.reference for d in response.context["page"])


def test_inbox_filters(client, staff, inbox, unit_b):
    client.force_login(staff)
    assert refs(client.get("/awards/dossiers/", {"q": "hoang van thu"})) == [inbox["a"].reference]
    assert refs(client.get("/awards/dossiers/", {"year": "2019"})) == [inbox["b"].reference]
    assert refs(client.get("/awards/dossiers/", {"state": "submitted"})) == [inbox["a"].reference]
    assert refs(client.get("/awards/dossiers/", {"occasion": "dot_xuat"})) == [inbox["c"].reference]
    assert refs(client.get("/awards/dossiers/", {"unit": str(unit_b.pk)})) == [inbox["b"].reference]
    assert refs(client.get("/awards/dossiers/", {"overdue": "1"})) == [inbox["b"].reference]
    assert refs(client.get("/awards/dossiers/", {"award": "bang-khen-chu-tich-ubnd-tinh"})) == sorted(
        d.reference for d in inbox.values())


def test_officer_list_is_scoped_to_their_unit(client, officer_b, inbox):
    client.force_login(officer_b)
    assert refs(client.get("/awards/dossiers/")) == [inbox["b"].reference]


def test_inbox_query_count_does_not_grow_with_rows(client, staff, unit_a, officer_a):
    client.force_login(staff)
    make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    with CaptureQueriesContext(connection) as few:
        client.get("/awards/dossiers/")
    for _ in range(30):
        make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/awards/dossiers/")
    assert len(response.context["page"].object_list) == 25
    assert len(many) == len(few)


def test_batch_receive_asks_for_confirmation_first(client, staff, inbox):
    client.force_login(staff)
    a, b = inbox["a"], inbox["b"]
    form = {"action": "receive", "dossiers": [a.reference, b.reference],
            f"state_{a.reference}": "submitted", f"state_{b.reference}": "received"}
    confirm = client.post("/awards/dossiers/batch/", form)
    assert confirm.status_code == 200
    checks = {d.reference: (allowed, reason) for d, allowed, reason in confirm.context["checks"]}
    assert checks == {a.reference: (True, ""),
                      b.reference: (False, 'Không thực hiện được "Tiếp nhận" khi hồ sơ đang "Đã tiếp nhận, đang thẩm định".')}
    assert Dossier.objects.get(pk=a.pk).state == DossierState.SUBMITTED
    done = client.post("/awards/dossiers/batch/", {**form, "confirm": "1"})
    assert done.status_code == 302
    assert Dossier.objects.get(pk=a.pk).state == DossierState.RECEIVED
    assert Dossier.objects.get(pk=b.pk).state == DossierState.RECEIVED


def test_person_registry_is_not_duplicated_by_reusing(client, officer_a, unit_a):
    person = PersonFactory(full_name="Nguyễn Khắc Phương", unit=UnitFactory(parent=unit_a))
    dossier = make_dossier(unit_a, officer_a)
    award = dossier.nominations.get().award_type
    client.force_login(officer_a)
    client.post(url(dossier, "nominations/new/"), {"recipient_kind": "ca_nhan", "person": person.pk,
                                                 "award_type": award.pk, "version": dossier.version})
    assert Person.objects.count() == 1
    assert Nomination.objects.filter(person=person).count() == 1


def test_inbox_rows_show_the_state_in_each_readers_words(client, staff, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED)
    Dossier.objects.filter(pk=dossier.pk).update(due_date=datetime.date(2020, 1, 2))
    client.force_login(staff)
    html = client.get("/awards/dossiers/").content.decode()
    assert f'<a href="/awards/dossiers/{dossier.reference}/">{dossier.reference}</a>' in html
    assert "Đã tiếp nhận, đang thẩm định" in html and "quá hạn" in html
    client.force_login(officer_a)
    html = client.get("/awards/dossiers/").content.decode()
    assert "Ban Thi đua - Khen thưởng đang thẩm định" in html
