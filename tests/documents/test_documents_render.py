"""Rendering for real: a decision document rendered twice is one file with one sha256; the archive export."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from awards.documents import rendering
from awards.documents import services as documents
from awards.models import DecisionDocument, DocumentStatus, Issuance
from awards.signing import validation
from tests import pdf_tools
from tests.factories import issue_decision, make_draft_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(unit_a, officer_a, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(decision, staff)
    decision.refresh_from_db()
    return decision


def test_rendering_twice_gives_one_file_with_one_sha256(published, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = documents.request_document(published, "decision")
    first.refresh_from_db()
    assert first.status == DocumentStatus.DONE
    with django_capture_on_commit_callbacks(execute=True):
        again = documents.request_document(published, "decision")
    assert again.pk == first.pk
    assert rendering.render(first.pk) == "skipped"
    files = list((tmp_path / "media" / "decisions").rglob("*.pdf"))  # the signed and issued files live elsewhere
    assert len(files) == 1
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == first.sha256
    assert DecisionDocument.objects.filter(decision=published).count() == 1
    assert first.pages == 3  # two pages of decision (căn cứ of the 2003 law, its two amending laws, the Quy chế), one of annex


def test_export_decisions_writes_pdfs_and_an_index(published, tmp_path):
    out = io.StringIO()
    call_command("export_decisions", str(tmp_path / "archive"), "--year", "2021", stdout=out)
    assert out.getvalue().strip().endswith("Đã xuất 1 quyết định vào " + str(tmp_path / "archive") + " (kèm index.csv).")
    pdf = tmp_path / "archive" / "01-QD-UBND-2021.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    with open(tmp_path / "archive" / "index.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["so_quyet_dinh", "ngay", "nguoi_ky", "danh_hieu_hinh_thuc", "tap_the", "ca_nhan",
                       "ho_gia_dinh", "trang_thai", "tep", "sha256", "phat_hanh", "ky_so_boi", "thoi_diem_ky"]
    issuance = Issuance.objects.get(decision=published)
    assert rows[1] == ["01/QĐ-UBND", "2021-02-06", "Hồ Tiến Thiệu", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                       "1", "0", "0", "Đã ban hành", "01-QD-UBND-2021.pdf",
                       hashlib.sha256(pdf.read_bytes()).hexdigest(), "ky_so", "Hồ Tiến Thiệu",
                       timezone.localtime(issuance.signed_at).isoformat(timespec="seconds")]
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == issuance.sha256  # the issued, signed file itself
    assert [s.signer for s in validation.check(pdf.read_bytes()).signatures] == [
        "Hồ Tiến Thiệu", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"]  # the signer, then the văn thư (the annex is in the file)
    meta = pdf_tools.info(pdf)
    assert (meta["Title"], meta["Keywords"], meta["Author"]) == (
        "Quyết định số 01/QĐ-UBND ngày 06/02/2021", "01/QĐ-UBND", "Chủ tịch UBND tỉnh Lạng Sơn")
    assert pdf_tools.pdfa_part(pdf) == ("2", "B")
    empty = io.StringIO()
    call_command("export_decisions", str(tmp_path / "none"), "--year", "2019", stdout=empty)
    assert "Đã xuất 0 quyết định" in empty.getvalue()


def test_export_renders_again_a_file_made_before_pdfa(published, tmp_path):
    """A decision rendered before the PDF/A format (another content key) is exported as a new PDF/A version; the
    old file and its row are kept. (A decision published before signing existed: no issued file.)"""
    from django.core.files.base import ContentFile

    Issuance.objects.filter(decision=published).delete()

    old = DecisionDocument(decision=published, kind="decision", version=1, content_key="before-pdfa",
                           status=DocumentStatus.DONE, sha256=hashlib.sha256(b"%PDF-1.7 old").hexdigest())
    old.file.save("old.pdf", ContentFile(b"%PDF-1.7 old"), save=False)
    old.save()
    call_command("export_decisions", str(tmp_path / "archive"), stdout=io.StringIO())
    exported = tmp_path / "archive" / "01-QD-UBND-2021.pdf"
    assert pdf_tools.pdfa_part(exported) == ("2", "B")
    assert list(DecisionDocument.objects.filter(decision=published).order_by("version").values_list(
        "version", "status")) == [(1, DocumentStatus.DONE), (2, DocumentStatus.DONE)]
    old.refresh_from_db()
    assert old.file.read() == b"%PDF-1.7 old"
