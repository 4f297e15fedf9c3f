"""Files in an S3-compatible bucket (django-storages, boto3) against a real S3 server on loopback (moto server
mode): an attachment uploaded through the page lands in the bucket as a private object and is downloaded only
through the permission-checked view; a decision document rendered by the task is stored in the bucket and served
by the view; backup and restore carry the bucket's objects with their sha256."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from awards.documents import services as documents
from awards.maintenance import backup
from awards.models import Attachment, DecisionDocument
from tests.factories import issue_decision, make_dossier, make_draft_decision, with_board_submission
from tests.maintenance.test_backup_restore import NOW, Target, source_counts

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BASE_DIR = Path(__file__).resolve().parents[2]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def storage_of(env: dict) -> dict:
    """The default STORAGES entry the settings module builds from these environment variables (a fresh process)."""
    code = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], cwd=BASE_DIR,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_local_disk_is_the_default_and_the_bucket_is_chosen_by_aws_storage_bucket_name():
    assert storage_of({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert storage_of({"AWS_STORAGE_BUCKET_NAME": "tdkt-langson", "AWS_S3_ENDPOINT_URL": "http://10.0.0.5:9000",
                       "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK"}) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "tdkt-langson", "endpoint_url": "http://10.0.0.5:9000", "access_key": "AK",
                    "secret_key": "SK", "region_name": None, "location": "", "default_acl": "private",
                    "querystring_auth": False, "file_overwrite": False, "custom_domain": None,
                    "max_memory_size": 5242880}}


@pytest.mark.django_db
def test_attachment_uploaded_through_the_page_is_a_private_object_served_only_through_the_view(
        bucket, client, client_for, officer_a, unit_a):
    dossier = make_dossier(unit_a, officer_a, complete=False)
    client.force_login(officer_a)
    page = f"/awards/dossiers/{dossier.reference}/"
    response = client.post(page + "attachments/new/", {
        "kind": "to_trinh", "version": dossier.version,
        "file": SimpleUploadedFile("Tờ trình 15.pdf", PDF, content_type="application/pdf")})
    assert response.status_code == 302

    attachment = Attachment.objects.get()
    assert bucket.objects() == {attachment.file.name: PDF}
    assert attachment.file.name.startswith(f"attachments/{dossier.pk}/")
    acl = bucket.client.get_object_acl(Bucket=bucket.name, Key=attachment.file.name)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]
    assert acl["Grants"][0]["Grantee"]["Type"] == "CanonicalUser"  # the owner only: no AllUsers grant
    assert attachment.file.url == f"{bucket.endpoint}/{bucket.name}/{attachment.file.name}"  # unsigned: useless

    download = client.get(page + f"attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    assert client_for("officer_b").get(page + f"attachments/{attachment.pk}/").status_code == 404


@pytest.mark.django_db
def test_decision_document_rendered_by_the_task_is_stored_in_the_bucket_and_served_by_the_view(
        bucket, client, unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(with_board_submission(decision), staff)
    with django_capture_on_commit_callbacks(execute=True):
        documents.request_document(decision, "decision")  # no broker: the task runs in-process

    document = DecisionDocument.objects.get()
    stored = {key: data for key, data in bucket.objects().items() if key.startswith("decisions/")}
    assert list(stored) == [f"decisions/decisions/{decision.pk}/decision-v1.pdf"] == [document.file.name]
    assert sha(stored[document.file.name]) == document.sha256 and len(stored[document.file.name]) == document.size

    client.force_login(staff)
    download = client.get(f"/awards/decisions/{decision.pk}/documents/{document.pk}/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    data = b"".join(download.streaming_content)
    assert data == stored[document.file.name]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = pdf.pages[0].extract_text()
    assert "QUYẾT ĐỊNH" in text and decision.code in text


@pytest.fixture
def record(bucket, unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(with_board_submission(decision), staff)
    with django_capture_on_commit_callbacks(execute=True):
        documents.request_document(decision, "decision")
    bucket.client.put_object(Bucket=bucket.name, Key="attachments/1/to-trinh.pdf", Body=PDF)
    return bucket


@pytest.fixture
def target(tmp_path):
    made = Target(tmp_path)
    yield made
    made.drop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_carries_every_object_of_the_bucket_with_its_sha256_and_restores_into_an_empty_bucket(
        record, target, make_bucket, settings, tmp_path):
    objects, rows = record.objects(), source_counts()
    # the dossier's two attachments, the decision PDF, the one put here, and the issue's files (issue 18): the
    # signer's, the văn thư's signature (the seal; the annex is in the same file, NĐ 30/2020) and the issued file
    assert len(objects) == 7
    assert sorted(key.split("/")[0] for key in objects) == [
        "attachments", "attachments", "attachments", "decisions", "issued", "signed", "signed"]

    archive = backup.create_backup(tmp_path / "backups", now=NOW)

    with tarfile.open(archive) as tar:
        sums = dict(reversed(line.split("  ")) for line in tar.extractfile("SHA256SUMS").read().decode().splitlines())
        meta = json.loads(tar.extractfile("meta.json").read())
        members = {n: tar.extractfile(n).read() for n in tar.getnames() if n.startswith("media/")}
    assert members == {f"media/{key}": data for key, data in objects.items()}
    assert {n: d for n, d in sums.items() if n.startswith("media/")} == {
        f"media/{key}": sha(data) for key, data in objects.items()}
    assert (meta["media_files"], meta["media_storage"]) == (7, f"s3://{record.name}/")

    fresh = make_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": fresh.storage_setting()}
    out = io.StringIO()
    call_command("restore", str(archive), database_url=target.url, stdout=out)

    assert fresh.objects() == objects
    assert target.counts() == rows
    assert out.getvalue().endswith(", 7 media files\n")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_bucket_holding_another_file_of_the_same_name_and_writes_nothing(
        record, target, make_bucket, settings, tmp_path):
    archive = backup.create_backup(tmp_path / "backups", now=NOW)
    fresh = make_bucket()
    fresh.client.put_object(Bucket=fresh.name, Key="attachments/1/to-trinh.pdf", Body=b"%PDF-1.4 another file")
    settings.STORAGES = {**settings.STORAGES, "default": fresh.storage_setting()}

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), database_url=target.url)

    assert str(refused.value) == (f"Thư mục tệp s3://{fresh.name}/ đã có tệp khác cùng tên "
                                   "(attachments/1/to-trinh.pdf): không ghi đè.")
    assert fresh.objects() == {"attachments/1/to-trinh.pdf": b"%PDF-1.4 another file"}  # nothing added
    assert target.counts() == {}


def test_every_file_field_of_the_product_stores_through_the_default_storage():
    """So that AWS_STORAGE_BUCKET_NAME moves every kind of file to the bucket, none pinned to a folder."""
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.db.models import FileField

    fields = sorted((model._meta.label, field.name) for app in ("awards", "units", "campaigns")
                    for model in apps.get_app_config(app).get_models() for field in model._meta.fields
                    if isinstance(field, FileField))
    assert fields == [
        ("awards.Attachment", "file"), ("awards.CouncilSession", "minutes_pdf"), ("awards.DashboardReport", "file"),
        ("awards.DecisionDocument", "file"), ("awards.DecisionSignature", "file"), ("awards.ImportJob", "file"),
        ("awards.Issuance", "file"),
        ("campaigns.CampaignDocument", "file"), ("campaigns.TargetReport", "evidence"),
        ("units.ClusterScore", "evidence_file")]
    for label, name in fields:
        assert apps.get_model(label)._meta.get_field(name).storage is default_storage, label


@pytest.mark.django_db
def test_dashboard_report_is_rendered_into_the_bucket_and_served_by_the_view(
        bucket, client, leader, django_capture_on_commit_callbacks):
    from awards.models import DashboardReport

    client.force_login(leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/dashboard/reports/", {"year": "2020"})
    report = DashboardReport.objects.get()
    assert response["Location"] == f"/dashboard/reports/{report.pk}/"
    assert report.status == "done"
    stored = bucket.objects()
    assert list(stored) == [report.file.name] and report.file.name.startswith("reports/")

    download = client.get(f"/dashboard/reports/{report.pk}/file.pdf")
    data = b"".join(download.streaming_content)
    assert data == stored[report.file.name]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join(pdf.pages[0].extract_text().split())
    assert "TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2020" in text


@pytest.mark.django_db
def test_healthz_says_whether_the_bucket_answers(bucket, client, make_bucket, settings):
    settings.CELERY_BROKER_URL = None
    assert (client.get("/healthz").status_code, client.get("/healthz").json()["storage"]) == (200, "ok")

    missing = {**bucket.storage_setting(), "OPTIONS": {**bucket.storage_setting()["OPTIONS"], "bucket_name": "absent"}}
    settings.STORAGES = {**settings.STORAGES, "default": missing}
    response = client.get("/healthz")
    assert (response.status_code, response.json()["status"], response.json()["storage"]) == (
        503, "error", "error: ClientError")
