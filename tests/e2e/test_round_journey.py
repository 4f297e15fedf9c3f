"""In a real browser, a unit's own round: a school addresses its list to the Giám đốc Sở Giáo dục và Đào tạo and sends
it; the Sở's officer receives it, finds each nomination eligible, records the Sở council's vote on the Chiến sĩ thi
đua cơ sở and drafts the Giám đốc's decision; the Board reads it (no button but "Trả lại"); the Giám đốc's account
publishes it, which writes the award and decides the round; the decision's PDF is read back. Every new page is shot
at 1366 and 390 px (test-artifacts/screenshots/round-*.png)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from awards.catalogue.in_force import award_type_on
from awards.enums import DossierState
from awards.models import Award, Decision, Nomination
from tests.dossiers.round_support import CSTDCS, LDTT, D, round_of, teacher
from tests.e2e.test_dossier_journey import sign_in
from tests.factories import sign_latest_decision
from units.models import Gender

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def shoot(page, name: str) -> None:
    """Full-page screenshots at 1366 px and at 390 px (a phone)."""
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-1366.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def test_a_school_round_to_the_giám_đốc_sở_from_list_to_published_decision(
        browser, browser_context_args, live_server, school, school_officer, officer_a, sở_leader, staff, education,
        director, tmp_path):
    # The school addresses a new list to the Giám đốc Sở.
    school_page = sign_in(browser.new_context(**browser_context_args), live_server.url, "school_officer")
    school_page.goto(f"{live_server.url}/awards/dossiers/new/")
    expect(school_page.get_by_label("Trình ai quyết định")).to_contain_text("Giám đốc Sở Giáo dục và Đào tạo")
    school_page.get_by_label("Trích yếu").fill("Đề nghị công nhận danh hiệu thi đua năm học 2023 - 2024")
    school_page.get_by_label("Trình ai quyết định").select_option(label="Giám đốc Sở Giáo dục và Đào tạo")
    school_page.get_by_label("Loại hình khen thưởng").select_option("cong_trang")
    school_page.get_by_label("Năm thành tích").fill("2024")
    shoot(school_page, "round-new-dossier-form")
    school_page.get_by_role("button", name="Lưu").click()
    expect(school_page.get_by_test_id("dossier-body")).to_have_text("Giám đốc Sở Giáo dục và Đào tạo")

    # Its complete list (one Lao động tiên tiến, one Chiến sĩ thi đua cơ sở) is sent.
    dossier = round_of(school, school_officer, education, person=teacher(school, "Lương Thị Trang"))
    Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=teacher(school, "Hoàng Văn Nam", Gender.MALE),
                              award_type=award_type_on(CSTDCS, D(2024, 12, 31)), position=2,
                              achievement="Sáng kiến đổi mới phương pháp dạy học được công nhận")
    school_page.goto(f"{live_server.url}/awards/dossiers/{dossier.reference}/")
    school_page.get_by_role("button", name="Gửi hồ sơ").click()
    school_page.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()  # the confirmation
    expect(school_page.get_by_test_id("dossier-state")).to_have_text("Đã gửi cơ quan quyết định, chờ tiếp nhận")

    # The Sở's officer receives it, finds both eligible, records the council's vote and drafts the decision.
    sở = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    sở.goto(f"{live_server.url}/awards/dossiers/{dossier.reference}/")
    sở.get_by_role("button", name="Tiếp nhận").click()
    expect(sở.get_by_test_id("dossier-state")).to_have_text("Đã tiếp nhận, đang thẩm định")
    for name in ("Lương Thị Trang", "Hoàng Văn Nam"):
        sở.get_by_label(f"Kết quả thẩm định {name}").select_option("eligible")
        sở.get_by_label(f"Kết quả thẩm định {name}").locator("xpath=..").get_by_role("button", name="Ghi kết quả").click()
        expect(sở.get_by_role("alert").first).to_contain_text(f"Đã ghi kết quả thẩm định cho {name}.")
    sở.get_by_role("button", name="Hoàn thành xét").click()
    shoot(sở, "round-dossier-reviewed")
    sở.get_by_role("link", name="Ghi kết quả họp Hội đồng Thi đua - Khen thưởng…").click()
    sở.get_by_label("Ngày họp").fill("2025-01-08")
    sở.get_by_label("Số thành viên Hội đồng").fill("15")
    sở.get_by_label("Số thành viên có mặt").fill("14")
    sở.get_by_label("Chủ trì cuộc họp").fill("Trần Văn Hải")
    sở.get_by_label("Thư ký cuộc họp").fill("Lường Thị Hoa")
    sở.get_by_label("Hoàng Văn Nam - Chiến sĩ thi đua cơ sở").fill("13")
    shoot(sở, "round-council-vote")
    sở.get_by_role("button", name="Ghi kết quả và chuyển chờ quyết định").click()
    expect(sở.get_by_test_id("dossier-state")).to_have_text("Chờ quyết định")
    expect(sở.get_by_test_id("unit-votes")).to_contain_text("13/15")
    shoot(sở, "round-dossier-voted")

    sở.get_by_role("link", name="Quyết định", exact=True).click()
    sở.get_by_role("link", name="Soạn quyết định của Giám đốc Sở Giáo dục và Đào tạo").click()
    expect(sở.get_by_test_id("prepare-body")).to_contain_text("Giám đốc Sở Giáo dục và Đào tạo")
    sở.get_by_label("Ngày ký").fill("2025-01-20")
    sở.get_by_label("Lương Thị Trang", exact=False).check()
    shoot(sở, "round-prepare")
    sở.get_by_role("button", name="Lập dự thảo quyết định").click()
    expect(sở.locator("h1")).to_have_text("Quyết định số 01/QĐ-SGDĐT")
    expect(sở.get_by_test_id("why-publish")).to_contain_text("Sở Giáo dục và Đào tạo có tài khoản lãnh đạo")
    sở.get_by_role("button", name="Tạo / cập nhật tệp PDF").click()
    shoot(sở, "round-decision-officer")
    decision = Decision.objects.get()

    # The Board reads it, filtered by body, and sees only its oversight.
    board = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")
    board.goto(f"{live_server.url}/awards/dossiers/?body={education.pk}")
    expect(board.get_by_test_id("dossier-table")).to_contain_text("trình Giám đốc Sở Giáo dục và Đào tạo")
    shoot(board, "round-dossiers-board")
    board.goto(f"{live_server.url}/awards/decisions/?body={education.pk}")
    expect(board.get_by_test_id("decisions")).to_contain_text("01/QĐ-SGDĐT")
    shoot(board, "round-decisions-board")
    board.get_by_role("link", name="01/QĐ-SGDĐT").click()
    expect(board.get_by_test_id("oversight")).to_contain_text("Trả lại đơn vị")
    expect(board.get_by_role("button", name="Ban hành quyết định")).to_have_count(0)
    shoot(board, "round-decision-board")

    # The Giám đốc publishes: the award is recorded, the round is decided, the PDF reads as his.
    head = sign_in(browser.new_context(**browser_context_args), live_server.url, "so_leader")
    head.goto(f"{live_server.url}/awards/decisions/{decision.pk}/")
    head.get_by_label("Quyết định đã được ký", exact=False).check()
    sign_latest_decision("so_leader")  # the signing step (issue 18): signer and văn thư
    head.get_by_role("button", name="Ban hành quyết định").click()
    expect(head.get_by_test_id("decision-state")).to_have_text("Đã ban hành")
    shoot(head, "round-decision-published")
    assert list(Award.objects.values_list("recipient_name", "award_code", "decision_number", "issuer")) == [
        ("Lương Thị Trang", LDTT, "01/QĐ-SGDĐT", "Giám đốc Sở Giáo dục và Đào tạo")]
    dossier.refresh_from_db()
    assert dossier.state == DossierState.AWAITING_DECISION  # the CSTĐCS still waits for its own decision
    with head.expect_download() as download:
        head.get_by_test_id("download-decision").click()
    pdf = Path(download.value.path())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    words = " ".join(text.split())
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in words and "Số: 01/QĐ-SGDĐT" in words and "Lương Thị Trang" in words
    if shutil.which("pdftoppm"):
        from tests.e2e.conftest import SCREENSHOTS

        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
                        str(SCREENSHOTS / "round-decision-pdf")], check=True)
