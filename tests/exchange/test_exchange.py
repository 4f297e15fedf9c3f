"""Exchanges with the systems around the board: the LGSP push/pull against a stand-in HTTP service this test starts
on the loopback, the CBCCVC export (CSV, XLSX, API), and the package for the national software (.docx read with
python-docx, PDF with pdftotext, the .xlsx, the manifest), refused for a dossier marked "mật"."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from docx import Document
from openpyxl import load_workbook

from awards.exchange import cbccvc, lgsp, national
from awards.models import ConfidentialDossier, ExchangeMessage
from tests.api.support import api, bearer
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def stand_in():
    """A stand-in LGSP on 127.0.0.1: stores what is pushed, answers pulls with one central decision."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": json.loads(body)})
            self.send_response(202)
            self.end_headers()

        def do_GET(self):
            payload = json.dumps({"decisions": [{"number": "2150/QĐ-TTg", "date": "2021-11-30",
                                                 "dossier": "HS-2021-000001"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/lgsp", received
    server.shutdown()
    server.server_close()


def test_lgsp_round_trip(stand_in, world, settings):
    url, received = stand_in
    settings.LGSP_URL, settings.LGSP_TOKEN = url, "s3cret"
    pushed = lgsp.push_awards(2021)
    assert (pushed.status, pushed.records, pushed.error, pushed.endpoint) == (202, 2, "", f"{url}/awards")
    [call] = received
    assert call["path"] == "/lgsp/awards" and call["auth"] == "Bearer s3cret"
    names = sorted(r["full_name"] for r in call["body"]["awards"])
    assert names == ["Hoàng Thị Hằng", "Lộc Văn Tùng"]
    assert {r["citizen_id"] for r in call["body"]["awards"]} == {None}  # never sent over the LGSP
    message, records = lgsp.pull_central_decisions(since="2021-11-01")
    assert (message.status, message.records, message.endpoint) == (200, 1, f"{url}/central-decisions?since=2021-11-01")
    assert records == [{"number": "2150/QĐ-TTg", "date": "2021-11-30", "dossier": "HS-2021-000001"}]
    assert ExchangeMessage.objects.count() == 2


def test_lgsp_unreachable_is_recorded(settings, world):
    settings.LGSP_URL, settings.LGSP_TIMEOUT = "http://127.0.0.1:9/lgsp", 1
    message = lgsp.push_awards(2021)
    assert message.status is None and message.error.startswith("Không kết nối được LGSP:")


def test_cbccvc_export(world, keys):
    csv_text = cbccvc.as_csv(2021).decode("utf-8-sig").splitlines()
    assert csv_text[0] == ("Mã cá nhân,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Chức vụ,Cơ quan, đơn vị,Hình thức "
                           "khen thưởng,Mã hình thức,Số quyết định,Ngày quyết định,Cơ quan ban hành,Năm thành tích"
                           ).replace("Cơ quan, đơn vị", '"Cơ quan, đơn vị"')
    sheet = load_workbook(io.BytesIO(cbccvc.as_xlsx(2021))).active
    assert [c.value for c in sheet[2]][1:] == [
        "Hoàng Thị Hằng", "01/01/1980", "Nam", "020180000111", "Giáo viên", "Sở Giáo dục và Đào tạo",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang-khen-chu-tich-ubnd-tinh", "163/QĐ-UBND", "06/02/2021",
        "Chủ tịch UBND tỉnh", 2020]
    rows = api().get("/api/v1/exports/cbccvc/?year=2021", **bearer(keys["read_a"])).json()
    assert [(r["full_name"], r["citizen_id"], r["decision_number"]) for r in rows] == [
        ("Hoàng Thị Hằng", None, "163/QĐ-UBND")]
    response = api().get("/api/v1/exports/cbccvc/?year=2021&output=csv", **bearer(keys["read_all"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(response.content.decode("utf-8-sig").splitlines()) == 3


@pytest.fixture
def central_dossier(unit_a, officer_a):
    person = PersonFactory(unit=unit_a, full_name="Vi Văn Thành", birth_date=datetime.date(1970, 5, 2),
                           position="Giám đốc Sở")
    dossier = make_dossier(unit_a, officer_a, code="huan-chuong-lao-dong-hang-ba", authority="chu_tich_nuoc",
                           state="forwarded", verdict="eligible", recipient=person)
    dossier.forward_date = datetime.date(2021, 3, 1)
    dossier.save()
    return dossier


def test_national_package(central_dossier, tmp_path):
    data = national.build_package(central_dossier, datetime.date(2021, 3, 1))
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == [
        "bao-cao-thanh-tich.docx", "bao-cao-thanh-tich.pdf", "bien-ban.docx", "bien-ban.pdf", "danh-sach.xlsx",
        "manifest.json", "to-trinh.docx", "to-trinh.pdf"]
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["deadlines"] == {"sent_on": "2021-03-01", "return_invalid_by": "2021-03-08",
                                     "submit_by": "2021-03-29"}
    assert len(manifest["files"]) == 7
    document = Document(io.BytesIO(archive.read("to-trinh.docx")))
    texts = [p.text for p in document.paragraphs]
    assert texts[0:2] == ["TỜ TRÌNH", "Về việc đề nghị Chủ tịch nước khen thưởng"]
    table = document.tables[1]
    assert [c.text for c in table.rows[1].cells] == ["1", "Vi Văn Thành", "Giám đốc Sở, Sở Giáo dục và Đào tạo",
                                                    "Huân chương Lao động hạng Ba"]
    (tmp_path / "t.pdf").write_bytes(archive.read("to-trinh.pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "TỜ TRÌNH" in text and "Vi Văn Thành" in text and "Huân chương Lao động hạng Ba" in text
    sheet = load_workbook(io.BytesIO(archive.read("danh-sach.xlsx"))).active
    assert [c.value for c in sheet[2]][:6] == [1, "Vi Văn Thành", "Giám đốc Sở, Sở Giáo dục và Đào tạo",
                                               "Huân chương Lao động hạng Ba", 1970, "Nam"]
    assert central_dossier.nominations.get().person.birth_date.year == 1970


def test_confidential_and_province_dossiers_are_not_packaged(central_dossier, staff, unit_a, officer_a):
    ConfidentialDossier.objects.create(dossier=central_dossier, reason="Hồ sơ mật", marked_by=staff)
    with pytest.raises(national.PackageError) as exc:
        national.build_package(central_dossier)
    assert exc.value.message == (f"Hồ sơ {central_dossier.reference} được đánh dấu mật: không xuất gói gửi phần "
                                 "mềm quốc gia.")
    with pytest.raises(national.PackageError):
        national.build_package(make_dossier(unit_a, officer_a))
