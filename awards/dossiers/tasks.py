"""Dossier work in the worker: thin tasks that take ids and delegate (``importing.jobs``); safe to run twice."""

from __future__ import annotations

from celery import shared_task

from awards.dossiers.importing import jobs


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_nominee_list(job_id: int) -> None:
    """Import a queued nominee list (``jobs.run_job``: all or nothing; the outcome is recorded on the job)."""
    jobs.run_job(job_id)
