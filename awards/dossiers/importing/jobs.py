"""Import jobs: a web request stores the uploaded list (Django's storage) and queues it (``start``); the worker
imports it (``save.import_nominees``, all or nothing, in one transaction) and reports progress as it goes, so the
page stays free and shows rows checked and rows saved.

Progress is written outside the import's transaction (a second database connection on PostgreSQL), so the page
sees it while the rows are still uncommitted; the outcome (counts, or every row error) is written with the rows, or
after the rollback. A job delivered twice (late acknowledgement) runs once: the second run waits for the dossier's
row lock and then finds the job finished."""

from __future__ import annotations

import logging

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from awards.core.sheets import ImportError
from awards.dossiers.importing.save import ImportReport, import_nominees
from awards.enums import DossierState
from awards.models import Dossier, ImportJob, ImportJobStatus

logger = logging.getLogger(__name__)

MSG_FAILED = ("Lỗi hệ thống khi nhập danh sách; chưa lưu dòng nào. Hãy tải lên lại; nếu lỗi lặp lại, hãy báo quản trị "
              "hệ thống.")
MSG_NOT_EDITABLE = "Hồ sơ đã chuyển sang trạng thái khác trong lúc chờ nhập; chưa lưu dòng nào."


class ProgressWriter:
    """Writes (rows checked, rows saved, rows in the file) to the job's row where the page can read it at once: on
    its own connection (autocommit) when the import runs on PostgreSQL outside any transaction of the caller; on the
    caller's connection otherwise (SQLite, tests, a caller's transaction: seen when it commits)."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.side = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)

    def __call__(self, checked: int, saved: int, total: int) -> None:
        if self.side is None:
            ImportJob.objects.filter(pk=self.job_id).update(rows_checked=checked, rows_saved=saved, rows_total=total)
            return
        with self.side.cursor() as cursor:
            cursor.execute(f"UPDATE {ImportJob._meta.db_table} SET rows_checked = %s, rows_saved = %s, "
                           "rows_total = %s WHERE id = %s", [checked, saved, total, self.job_id])

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def run_job(job_id: int) -> None:
    """Import the job's file into its dossier, all or nothing, and record the outcome. Never raises: a failure is
    recorded on the job (``failed``, nothing saved) and logged."""
    claimed = ImportJob.objects.filter(pk=job_id, status__in=[ImportJobStatus.PENDING, ImportJobStatus.RUNNING]).update(
        status=ImportJobStatus.RUNNING, started_at=timezone.now())
    if not claimed:
        return
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    progress = ProgressWriter(job_id)
    try:
        report = _import(job, progress)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(status=ImportJobStatus.FAILED, failure=MSG_FAILED,
                                                    finished_at=timezone.now())
        return
    finally:
        progress.close()
    if report is not None and report.errors:
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJobStatus.REFUSED, finished_at=timezone.now(), rows_saved=0,
            errors=[[error.row, error.column, error.message] for error in report.errors])


def _import(job: ImportJob, progress: ProgressWriter) -> ImportReport | None:
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update().get(pk=job.dossier_id)
        if ImportJob.objects.filter(pk=job.pk).values_list("status", flat=True).get() != ImportJobStatus.RUNNING:
            return None  # a second delivery of a job another run finished while this one waited for the lock
        if dossier.state not in (DossierState.DRAFT, DossierState.RETURNED):
            return ImportReport(errors=[ImportError(0, "", MSG_NOT_EDITABLE)])
        with job.file.open("rb") as handle:
            data = handle.read()
        report = import_nominees(dossier, data, job.created_by, progress=progress)
        if report.errors:
            transaction.set_rollback(True)
            return report
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJobStatus.DONE, created=report.created, skipped=report.skipped, finished_at=timezone.now())
        return report


def job_errors(job: ImportJob) -> list[str]:
    """The job's problems as the import page words them ("Dòng 7, cột ...: ...")."""
    return [ImportError(row, column, message).text for row, column, message in job.errors]
