"""A render task delivered again (late acknowledgement after a lost worker): it takes over a dead claim, never a
finished document, and two attempts never leave two files. (The real kill is in ``test_worker_killed.py``.)"""

from __future__ import annotations

import hashlib

import pytest
from django.db.models import F

from awards.documents import rendering
from awards.documents import services as documents
from awards.models import DecisionDocument, DocumentStatus
from tests.factories import make_draft_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(unit_a, officer_a, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    decision = make_draft_decision(unit_a, officer_a, staff)
    return documents.request_document(decision, "decision")  # queued on commit: not run inside this test


def claimed_by_a_lost_worker(document: DecisionDocument) -> None:
    DecisionDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.RENDERING, attempts=1)


def pdfs(tmp_path) -> list:
    return sorted((tmp_path / "media").rglob("*.pdf"))


def test_redelivery_takes_over_a_render_left_rendering(document, tmp_path):
    claimed_by_a_lost_worker(document)
    # the lost attempt had written its file before dying
    (tmp_path / "media" / "decisions" / "decisions" / str(document.decision_id)).mkdir(parents=True)
    stale = tmp_path / "media" / "decisions" / rendering.file_name(document, 1)
    stale.write_bytes(b"%PDF-1.4 half written")

    assert rendering.render(document.pk, redelivered=True) == "done"
    document.refresh_from_db()
    assert (document.status, document.attempts) == (DocumentStatus.DONE, 2)
    assert document.file.name == f"decisions/decisions/{document.decision_id}/decision-v1-2.pdf"
    files = pdfs(tmp_path)
    assert [f.name for f in files] == ["decision-v1-2.pdf"]
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == document.sha256


def test_first_delivery_leaves_a_render_in_progress_alone(document, tmp_path):
    claimed_by_a_lost_worker(document)
    assert rendering.render(document.pk) == "skipped"
    document.refresh_from_db()
    assert (document.status, document.attempts, document.file.name) == (DocumentStatus.RENDERING, 1, "")
    assert pdfs(tmp_path) == []


def test_redelivery_of_a_finished_render_does_nothing(document, tmp_path):
    assert rendering.render(document.pk) == "done"
    document.refresh_from_db()
    before = (document.status, document.attempts, document.file.name, document.sha256, document.finished_at)
    assert rendering.render(document.pk, redelivered=True) == "skipped"
    document.refresh_from_db()
    assert (document.status, document.attempts, document.file.name, document.sha256, document.finished_at) == before
    assert [f.name for f in pdfs(tmp_path)] == ["decision-v1.pdf"]


def test_an_attempt_whose_claim_was_taken_over_keeps_nothing(document, tmp_path, settings):
    """The slow attempt renders while a redelivery takes its claim over; only the newer attempt may finish."""
    from awards.documents import decision_pdf

    real = decision_pdf.render

    def taken_over_meanwhile(decision, kind):
        DecisionDocument.objects.filter(pk=document.pk).update(attempts=F("attempts") + 1)
        return real(decision, kind)

    decision_pdf.render = taken_over_meanwhile
    try:
        assert rendering.render(document.pk) == "skipped"
    finally:
        decision_pdf.render = real
    document.refresh_from_db()
    assert (document.status, document.attempts, document.file.name) == (DocumentStatus.RENDERING, 2, "")
    assert pdfs(tmp_path) == []
