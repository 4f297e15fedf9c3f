"""Starting an import job from a web request: claim the dossier, keep the file, queue the worker's task."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from awards.core.outbox import defer
from awards.dossiers.services import claim_edit
from awards.models import Dossier, ImportJob


def start_import(dossier: Dossier, uploaded_file: Any, actor: Any, version: int) -> ImportJob:
    """Claim the dossier's version (``DossierChanged`` when someone changed it meanwhile), keep the file through
    Django's storage and queue the job through the outbox (``awards.core.outbox``: a row in this transaction, sent
    after commit, re-queued by the reaper if the broker was down; in-process at once in the embedded default)."""
    with transaction.atomic():
        claim_edit(dossier, version)
        name = str(getattr(uploaded_file, "name", "") or "danh-sach.xlsx")[:255]
        job = ImportJob(dossier=dossier, created_by=actor, original_name=name)
        job.file.save("list.xlsx", uploaded_file, save=False)
        job.save()
        defer("import_nominee_list", {"job_id": job.pk}, key=f"import-job:{job.pk}")
    return job
