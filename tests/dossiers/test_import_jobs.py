"""The nominee import as a job (issue 15 item 9): the upload is kept through Django's storage and queued; the
worker (in-process in the embedded default) imports it all or nothing; the job's page shows progress, then the
outcome: counts, every row error with nothing saved, or a visible failure when the worker raises."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.dossiers.importing import jobs, save
from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.models import Dossier, ImportJob, ImportJobStatus, Nomination
from tests.dossiers.test_big_lists import individuals, workbook
from units.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(unit_a, officer_a):
    return Dossier.objects.create(unit=unit_a, title="Đề nghị khen thưởng năm 2020", occasion="cong_trang",
                                  year=2020, authority="chu_tich_ubnd_tinh", created_by=officer_a)


@pytest.fixture(autouse=True)
def media(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    global on_commit
    on_commit = django_capture_on_commit_callbacks


def post(client, dossier, data: bytes, version=None):
    """The upload; the job is queued on commit and runs in-process (the embedded default)."""
    upload = SimpleUploadedFile("danh-sach-2020.xlsx", data,
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    with on_commit(execute=True):
        return client.post(reverse("awards:import", args=[dossier.reference]),
                           {"file": upload, "version": dossier.version if version is None else version})


def test_an_upload_becomes_a_job_that_imports_the_list(client_for, dossier, officer_a):
    response = post(client_for("officer_a"), dossier, workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(30)])]))

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:import_job", args=[dossier.reference, job.pk])
    assert (job.status, job.rows_total, job.rows_checked, job.rows_saved, job.created, job.skipped) == (
        ImportJobStatus.DONE, 30, 30, 30, 30, 0)
    assert (job.original_name, job.created_by, job.errors, job.failure) == ("danh-sach-2020.xlsx", officer_a, [], "")
    assert job.file.name.startswith(f"imports/{dossier.pk}/") and job.file.read()[:2] == b"PK"
    assert Nomination.objects.filter(dossier=dossier).count() == 30
    html = client_for("officer_a").get(response["Location"]).content.decode()
    assert "Đã nhập 30 đề nghị; bỏ qua 0 dòng đã có trong hồ sơ." in html
    assert "hx-trigger" not in html  # finished: no more polling


def test_row_errors_save_nothing_and_are_listed_on_the_job_page(client_for, dossier):
    rows = individuals(40)
    rows[10][2] = "Không rõ"
    rows[20][3] = "31/02/1980"

    response = post(client_for("officer_a"), dossier, workbook([("Danh sách", [TEMPLATE_COLUMNS, *rows])]))

    job = ImportJob.objects.get()
    assert (job.status, job.created, job.rows_saved) == (ImportJobStatus.REFUSED, 0, 0)
    assert jobs.job_errors(job) == [
        'Dòng 12, cột "Giới tính": giới tính "Không rõ" không hợp lệ (ghi "Nam" hoặc "Nữ").',
        'Dòng 22, cột "Ngày sinh": ngày sinh "31/02/1980" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).',
    ]
    assert (Nomination.objects.count(), Person.objects.count()) == (0, 0)
    html = client_for("officer_a").get(response["Location"]).content.decode()
    assert "Có 2 lỗi; chưa lưu dòng nào:" in html
    assert "Dòng 12, cột &quot;Giới tính&quot;: giới tính &quot;Không rõ&quot; không hợp lệ" in html


def test_a_too_long_list_is_refused_with_its_message(client_for, dossier):
    data = workbook([("Danh sách", [TEMPLATE_COLUMNS, *[["", f"Tổ {n}", "", "", "", "", "Bằng khen của UBND tỉnh",
                                                        "Tập thể"] for n in range(20001)]])])

    post(client_for("officer_a"), dossier, data)

    job = ImportJob.objects.get()
    assert job.status == ImportJobStatus.REFUSED
    assert jobs.job_errors(job) == ["Tệp quá lớn: có hơn 20.000 dòng dữ liệu. Hãy chia danh sách thành nhiều tệp."]
    assert Nomination.objects.count() == 0


def test_a_worker_that_raises_leaves_the_job_failed_visibly_and_nothing_saved(client_for, dossier, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(save, "_write", broken)

    response = post(client_for("officer_a"), dossier, workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(5)])]))

    job = ImportJob.objects.get()
    assert (job.status, job.failure) == (
        ImportJobStatus.FAILED,
        "Lỗi hệ thống khi nhập danh sách; chưa lưu dòng nào. Hãy tải lên lại; nếu lỗi lặp lại, hãy báo quản trị hệ thống.")
    assert (Nomination.objects.count(), Person.objects.count()) == (0, 0)
    html = client_for("officer_a").get(response["Location"]).content.decode()
    assert 'data-testid="import-failed"' in html and "Lỗi hệ thống khi nhập danh sách; chưa lưu dòng nào." in html


def test_a_pending_job_page_polls_its_progress_fragment(client_for, dossier, officer_a):
    job = ImportJob.objects.create(dossier=dossier, created_by=officer_a, original_name="ds.xlsx", file="imports/x.xlsx",
                                   status=ImportJobStatus.RUNNING, rows_total=5000, rows_checked=2500)
    url = reverse("awards:import_job", args=[dossier.reference, job.pk])
    client = client_for("officer_a")

    page = client.get(url).content.decode()
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()

    assert f'hx-get="{url}" hx-trigger="every 1s" hx-swap="outerHTML"' in page
    assert '<progress class="import-bar w-100 mb-2" max="100" value="25"' in page
    assert "Đã kiểm tra 2500/5000 dòng; đã lưu 0/5000 dòng." in page
    assert fragment.startswith('<div id="import-progress"') and "<html" not in fragment
    assert "<script>" not in page  # no inline script (Content-Security-Policy)


def test_a_job_runs_once_even_when_delivered_twice(client_for, dossier):
    post(client_for("officer_a"), dossier, workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(3)])]))
    job = ImportJob.objects.get()

    jobs.run_job(job.pk)

    assert Nomination.objects.count() == 3


def test_a_dossier_submitted_while_the_job_waited_gets_nothing(dossier, officer_a, tmp_path):
    from django.core.files.base import ContentFile

    job = ImportJob(dossier=dossier, created_by=officer_a, original_name="ds.xlsx")
    job.file.save("x.xlsx", ContentFile(workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(3)])])), save=False)
    job.save()
    Dossier.objects.filter(pk=dossier.pk).update(state="submitted")

    jobs.run_job(job.pk)

    job.refresh_from_db()
    assert (job.status, jobs.job_errors(job)) == (
        ImportJobStatus.REFUSED, ["Hồ sơ đã chuyển sang trạng thái khác trong lúc chờ nhập; chưa lưu dòng nào."])
    assert Nomination.objects.count() == 0


def test_another_units_officer_cannot_see_the_job(client_for, dossier, officer_a):
    job = ImportJob.objects.create(dossier=dossier, created_by=officer_a, original_name="ds.xlsx", file="imports/x.xlsx")

    assert client_for("officer_b").get(reverse("awards:import_job", args=[dossier.reference, job.pk])).status_code == 404


def test_a_stale_version_queues_nothing(client_for, dossier):
    response = post(client_for("officer_a"), dossier, workbook([("Danh sách", [TEMPLATE_COLUMNS, *individuals(3)])]),
                    version=dossier.version + 5)

    assert response.status_code == 200
    assert "Hồ sơ đã thay đổi từ khi bạn mở trang" in response.content.decode()
    assert not ImportJob.objects.exists()
