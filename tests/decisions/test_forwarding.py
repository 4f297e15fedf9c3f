"""Awards decided above the province: forwarded with the province's tờ trình, answered by a central decision."""

import datetime

import pytest

from awards.decisions import central
from awards.dossiers import workflow
from awards.enums import CentralOutcome, DossierState
from tests.factories import make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def medal(unit_a, officer_a):
    return make_dossier(unit_a, officer_a, code="huan-chuong-lao-dong-hang-ba", authority="chu_tich_nuoc",
                        state=DossierState.AWAITING_DECISION, verdict="eligible")


def test_forwarding_needs_the_provinces_submission(medal, staff):
    with pytest.raises(workflow.NotAllowed) as excinfo:
        central.forward_dossier(medal, " ", None, staff)
    assert excinfo.value.message == "Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."
    central.forward_dossier(medal, "1849/TTr-UBND", datetime.date(2020, 9, 30), staff)
    medal.refresh_from_db()
    assert (medal.state, medal.forward_number, medal.forward_date) == (
        DossierState.FORWARDED, "1849/TTr-UBND", datetime.date(2020, 9, 30))
    assert medal.history.last().note == "Tờ trình số 1849/TTr-UBND ngày 30/09/2020"


def test_a_provincial_dossier_is_not_forwarded(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")
    with pytest.raises(workflow.NotAllowed) as excinfo:
        central.forward_dossier(dossier, "12/TTr-UBND", datetime.date(2020, 9, 30), staff)
    assert excinfo.value.message == "Hồ sơ này do Chủ tịch UBND tỉnh quyết định, không trình lên cấp trên."


def test_recording_the_central_decision_decides_the_dossier(medal, staff):
    central.forward_dossier(medal, "1849/TTr-UBND", datetime.date(2020, 9, 30), staff)
    nomination = medal.nominations.get()
    with pytest.raises(workflow.NotAllowed) as excinfo:
        central.record_central_decision(nomination, CentralOutcome.AWARDED, "", None, staff)
    assert excinfo.value.message == "Cần ghi số và ngày quyết định khen thưởng của cấp trên."
    central.record_central_decision(nomination, CentralOutcome.AWARDED, "2177/QĐ-CTN",
                                     datetime.date(2020, 12, 28), staff)
    nomination.refresh_from_db()
    medal.refresh_from_db()
    assert (nomination.central_outcome, nomination.central_decision_number, nomination.central_decision_date) == (
        "awarded", "2177/QĐ-CTN", datetime.date(2020, 12, 28))
    assert medal.state == DossierState.DECIDED
    assert list(medal.history.values_list("action", flat=True)) == ["forward", "record_central"]


def test_forward_and_record_through_the_pages(client, staff, medal):
    client.force_login(staff)
    page = client.get(f"/awards/dossiers/{medal.reference}/").content.decode()
    assert 'data-testid="forward-form"' in page
    client.post(f"/awards/dossiers/{medal.reference}/forward/", {"number": "1849/TTr-UBND", "date": "2020-09-30"})
    nomination = medal.nominations.get()
    client.post(f"/awards/dossiers/{medal.reference}/nominations/{nomination.pk}/central/",
                {"outcome": "refused", "number": "", "date": ""})
    medal.refresh_from_db()
    nomination.refresh_from_db()
    assert (medal.state, nomination.central_outcome) == (DossierState.DECIDED, "refused")
