"""The rough edges of issue 17 (item 5), each with its exit path."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import AgendaItem, Attachment, CouncilSession, Vote, YearlyRating
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db


def test_appraisal_selector_keeps_the_saved_verdict_and_reason(unit_a, officer_a, client_for):
    person = PersonFactory(full_name="Hà Thị Lư", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED, verdict="ineligible", recipient=person)
    dossier.nominations.update(verdict_reason="Thiếu sáng kiến")
    page = client_for("staff").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert '<option value="ineligible" selected>Không đủ điều kiện</option>' in page
    assert '<option value="eligible">Đủ điều kiện</option>' in page
    assert 'name="reason" value="Thiếu sáng kiến"' in page


def test_primary_action_comes_before_withdraw_and_submit_asks_first(unit_a, officer_a, client_for):
    dossier = make_dossier(unit_a, officer_a)
    page = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert page.index(">Gửi hồ sơ</button>") < page.index(">Rút hồ sơ</button>")
    assert 'data-confirm="Gửi hồ sơ? Sau khi gửi, đơn vị không sửa được hồ sơ cho đến khi bị trả lại."' in page
    nomination = dossier.nominations.get()
    assert f'data-confirm="Xóa đề nghị của {nomination.recipient_name} khỏi hồ sơ?"' in page
    received = make_dossier(unit_a, officer_a, state=DossierState.RECEIVED)
    staff_page = client_for("staff").get(reverse("awards:dossier", args=[received.reference])).content.decode()
    assert staff_page.index(">Hoàn thành thẩm định</button>") < staff_page.index(">Trả lại đơn vị</button>")


def test_revision_page_reads_in_vietnamese_with_the_added_attachment(unit_a, officer_a, staff, client_for):
    dossier = make_dossier(unit_a, officer_a)
    workflow.transition(dossier, "submit", officer_a)
    workflow.transition(dossier, "return", staff, note="Bổ sung biên bản")
    Attachment.objects.create(dossier=dossier, kind="bien_ban", file=ContentFile(b"%PDF-1.4 test", name="b.pdf"),
                              original_name="bien-ban-binh-xet.pdf", content_type="application/pdf", size=13,
                              sha256="0" * 64, uploaded_by=officer_a)
    workflow.transition(dossier, "submit", officer_a)
    page = client_for("officer_a").get(reverse("awards:revision", args=[dossier.reference, 2])).content.decode()
    assert '<dt class="col-sm-3">Ngày tờ trình</dt><dd class="col-sm-9">10/01/2021</dd>' in page
    assert '<dt class="col-sm-3">Trích yếu</dt>' in page
    assert "submission_date" not in page and "2021-01-10" not in page
    assert "Thêm tài liệu: Biên bản" in page and "bien-ban-binh-xet.pdf" in page


@pytest.fixture
def session_with_vote(unit_a, officer_a, staff, council_member):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.IN_COUNCIL, verdict="eligible",
                           code="co-thi-dua-ubnd-tinh")
    session = CouncilSession.objects.create(title="Phiên họp tháng 1", held_on=datetime.date(2021, 1, 20),
                                            created_by=staff)
    session.members.add(council_member)
    item = AgendaItem.objects.create(session=session, nomination=dossier.nominations.get())
    Vote.objects.create(item=item, member=council_member, choice="yes", recorded_by=council_member)
    return session, item


def test_vote_ledger_shows_names_not_ids(session_with_vote, client_for, unit_a):
    session, item = session_with_vote
    page = client_for("staff").get(reverse("awards:council_session", args=[session.pk])).content.decode()
    ledger = page[page.index("Sổ phiếu"):]
    assert f"<td>{unit_a.name} <span" in ledger
    assert f"<td>{item.pk}</td>" not in ledger


def test_empty_agenda_says_which_nominations_qualify(staff, client_for):
    session = CouncilSession.objects.create(title="Phiên họp trống", held_on=datetime.date(2021, 1, 20),
                                            created_by=staff)
    page = client_for("staff").get(reverse("awards:council_session", args=[session.pk])).content.decode()
    assert ("Chỉ đưa được vào chương trình những đề nghị của hồ sơ đã hoàn thành thẩm định, được kết luận đủ điều "
            "kiện và có danh hiệu, hình thức phải qua Hội đồng bỏ phiếu") in page


def test_eligibility_opens_on_the_latest_year_with_data_and_is_in_the_staff_menu(unit_a, client_for):
    YearlyRating.objects.create(unit=unit_a, year=2020, rating="htxs")
    response = client_for("staff").get(reverse("awards:eligibility_candidates"))
    assert response.context["year"] == 2020
    assert 'href="/awards/eligibility/">Đủ điều kiện</a>' in client_for("staff").get(
        reverse("home")).content.decode()


def test_eligibility_opens_on_the_current_year_without_data(client_for):
    from django.utils import timezone

    assert client_for("staff").get(reverse("awards:eligibility_candidates")).context["year"] == (
        timezone.localdate().year)


def test_staff_draft_from_eligibility_explains_what_happens_next(unit_a, staff, client_for):
    dossier = make_dossier(unit_a, staff)
    page = client_for("staff").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert "Hồ sơ đang là dự thảo của Sở Giáo dục và Đào tạo." in page


def test_documents_pending_line_is_shown_only_while_rendering(client_for, unit_a, officer_a, staff,
                                                              django_capture_on_commit_callbacks):
    from tests.factories import make_draft_decision

    decision = make_draft_decision(unit_a, officer_a, staff)
    client = client_for("staff")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        pending = client.post(reverse("awards:decision_render", args=[decision.pk]), follow=True).content.decode()
    assert "Đang tạo các tệp PDF; trạng thái cập nhật tự động." in pending  # in the polled table, not a message
    for callback in queued:
        callback()
    done = client.get(reverse("awards:decision_documents", args=[decision.pk])).content.decode()
    assert "Tải PDF" in done and "Đang tạo các tệp PDF" not in done
