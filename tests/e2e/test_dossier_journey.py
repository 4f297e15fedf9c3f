"""In a real browser: the officer builds a dossier (imported list + attachments) and submits it; staff
return it with a reason; the officer fixes and resubmits; staff receive and review it."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import expect

from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def nominee_list() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(TEMPLATE_COLUMNS)
    sheet.append([1, "Trường THPT Việt Bắc", "", "", "", "", "Bằng khen của UBND tỉnh", "Đơn vị sự nghiệp",
                  "Dẫn đầu phong trào thi đua năm học 2019 - 2020"])
    sheet.append([2, "Hà Thị Lư", "Nữ", "03/05/1975", "Giáo viên", "", "Bằng khen của UBND tỉnh",
                  "Người trực tiếp công tác, lao động, học tập, chiến đấu", "Hai năm liền hoàn thành xuất sắc nhiệm vụ"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sign_in(context, base_url, username):
    page = context.new_page()
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("thidua2021")
    page.get_by_role("button", name="Đăng nhập").click()
    return page


def upload(page, kind: str, name: str, tmp_path):
    path = tmp_path / name
    path.write_bytes(PDF)
    form = page.get_by_test_id("upload-form")
    form.get_by_label("Loại tài liệu").select_option(label=kind)
    form.get_by_label("Tệp").set_input_files(str(path))
    form.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_test_id("attachments")).to_contain_text(name)


def test_build_submit_return_fix_resubmit_receive_review(browser, browser_context_args, live_server, officer_a,
                                                         staff, unit_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    UnitFactory(name="Trường THPT Việt Bắc", parent=unit_a, kind="su_nghiep")
    officer = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    board = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")

    # the officer builds the dossier
    officer.get_by_role("link", name="Hồ sơ", exact=True).click()
    officer.get_by_role("link", name="Lập hồ sơ mới").click()
    officer.get_by_label("Trích yếu").fill("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm học 2019 - 2020")
    officer.get_by_label("Loại hình khen thưởng").select_option(label="Công trạng, thường xuyên")
    officer.get_by_label("Năm thành tích").fill("2020")
    officer.get_by_label("Số tờ trình của đơn vị").fill("125/TTr-SGDĐT")
    officer.get_by_label("Ngày tờ trình").fill("2020-08-20")
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_test_id("dossier-state")).to_have_text("Đang soạn, chưa gửi")
    expect(officer.get_by_test_id("why-submit")).to_contain_text("Hồ sơ chưa có đề nghị nào.")

    officer.get_by_role("link", name="Nhập danh sách từ Excel").click()
    xlsx = tmp_path / "danh-sach.xlsx"
    xlsx.write_bytes(nominee_list())
    officer.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(xlsx))
    officer.get_by_role("button", name="Nhập danh sách").click()
    # The list is imported by a job (issue 15): its page says when it is done, then back to the dossier.
    expect(officer.get_by_test_id("import-done")).to_contain_text("Đã nhập 2 đề nghị")
    officer.locator("nav[aria-label=breadcrumb] a").nth(1).click()
    expect(officer.get_by_test_id("nominations")).to_contain_text("Trường THPT Việt Bắc")
    expect(officer.get_by_test_id("nominations")).to_contain_text("Bà Hà Thị Lư")

    upload(officer, "Tờ trình", "to-trinh-125.pdf", tmp_path)
    upload(officer, "Báo cáo thành tích", "bao-cao-thanh-tich.pdf", tmp_path)
    shoot_page(officer, "dossier-officer-ready")
    officer.get_by_role("button", name="Gửi hồ sơ").click()
    officer.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()  # the confirmation
    expect(officer.get_by_test_id("dossier-state")).to_have_text("Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận")
    reference = officer.url.rstrip("/").split("/")[-1]

    # staff find it in the inbox and return it with a reason
    board.get_by_role("link", name="Hồ sơ", exact=True).click()
    board.get_by_label("Tìm theo tên người, tập thể, đơn vị (không cần dấu)").fill("ha thi lu")
    board.get_by_role("button", name="Lọc").click()
    expect(board.get_by_test_id("dossier-table")).to_contain_text(reference)
    board.get_by_role("link", name=reference).click()
    board.get_by_label("Lý do - Trả lại đơn vị").fill("Bổ sung thành tích năm học của Trường THPT Việt Bắc")
    board.get_by_role("button", name="Trả lại đơn vị").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã trả lại đơn vị")

    # the officer sees why, fixes and resubmits
    officer.reload()
    expect(officer.get_by_test_id("return-reason")).to_contain_text("Bổ sung thành tích năm học")
    officer.get_by_test_id("nominations").get_by_role("link", name="Sửa").first.click()
    officer.get_by_label("Tóm tắt thành tích").fill("Dẫn đầu phong trào thi đua; 95 % học sinh đỗ tốt nghiệp")
    officer.get_by_role("button", name="Lưu đề nghị").click()
    officer.get_by_role("button", name="Gửi hồ sơ").click()
    officer.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()  # the confirmation
    expect(officer.get_by_test_id("dossier-state")).to_have_text("Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận")
    shoot_page(officer, "dossier-officer-resubmitted")

    # staff receive and review
    board.reload()
    board.get_by_role("button", name="Tiếp nhận").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã tiếp nhận, đang thẩm định")
    for row in range(2):
        board.get_by_role("button", name="Ghi kết quả").nth(row).click()
        expect(board.get_by_role("alert").first).to_contain_text("Đã ghi kết quả thẩm định")
    expect(board.get_by_test_id("nominations")).not_to_contain_text("Chưa thẩm định")
    board.get_by_role("button", name="Hoàn thành thẩm định").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã thẩm định")
    board.get_by_role("link", name="Lần 2").click()
    expect(board.get_by_test_id("diff")).to_contain_text("95 % học sinh đỗ tốt nghiệp")
    shoot_page(board, "dossier-staff-revision-diff")
    board.goto(f"{live_server.url}/awards/dossiers/")
    shoot_page(board, "inbox-staff")


def shoot_page(page, name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
