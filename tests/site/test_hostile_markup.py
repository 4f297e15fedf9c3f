"""Names and texts holding markup are shown as text: escaped in HTML pages (the inbox, the dossier page, the council
agenda), literal in the plain-text e-mail (no HTML part), never executed. (PDFs: test_decision_pdf.py.)"""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from awards.council import services as council
from awards.dossiers import workflow
from awards.enums import DossierState
from tests.factories import PersonFactory, UserFactory, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db
SCRIPT = '<script>alert("x")</script>'
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture
def hostile(unit_a, officer_a):
    unit_a.email = "vanphong@sogddt.langson.gov.vn"
    unit_a.save()
    person = PersonFactory(full_name=f"Nguyễn {SCRIPT} Văn A", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", recipient=person,
                           state=DossierState.SUBMITTED, verdict="eligible")
    dossier.title = f"Đề nghị {IMG} năm 2020"
    dossier.save(update_fields=["title"])
    return dossier


def test_dossier_page_escapes_names_and_titles(client, staff, hostile):
    client.force_login(staff)
    html = client.get(f"/awards/dossiers/{hostile.reference}/").content.decode()
    assert SCRIPT not in html and IMG not in html
    assert "Nguyễn &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Văn A" in html
    assert "Đề nghị &lt;img src=x onerror=&quot;alert(1)&quot;&gt; năm 2020" in html


def test_inbox_escapes_titles(client, staff, hostile):
    client.force_login(staff)
    html = client.get("/awards/dossiers/").content.decode()
    assert IMG not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_council_agenda_escapes_the_nominee(client, staff, council_member, hostile):
    from awards.models import Dossier

    Dossier.objects.filter(pk=hostile.pk).update(state=DossierState.REVIEWED)
    others = [UserFactory(roles=[Role.COUNCIL_MEMBER]) for _ in range(2)]
    session = council.create_session("Phiên họp", datetime.date(2021, 1, 20), "", [council_member, *others], staff)
    council.add_to_agenda(session, list(hostile.nominations.all()), staff)
    client.force_login(council_member)
    html = client.get(f"/awards/council/{session.pk}/").content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_plain_text_email_carries_the_text_literally(staff, hostile, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(hostile, "return", staff, note=f"Bổ sung {SCRIPT}")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.alternatives == []  # plain text only: nothing for a mail client to render as HTML
    assert f'"Đề nghị {IMG} năm 2020"' in message.body
    assert f"Lý do: Bổ sung {SCRIPT}" in message.body
    assert "&lt;" not in message.body
