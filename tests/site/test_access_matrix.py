"""Every named URL x every persona against an expected answer (GET).

The list of URLs comes from the URL configuration: a new URL without an expectation here fails the
test, so nobody adds a page without deciding who may open it. Django's own admin pages other than the
index are left to Django."""

from __future__ import annotations

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from awards.dossiers.services import record_revision
from awards.enums import Authority, AwardFamily
from awards.fund import ledger
from awards.models import (
    AgendaItem,
    AwardType,
    BlankCalibration,
    Consultation,
    CouncilSession,
    DashboardReport,
    Decision,
    EntryKind,
    ImportJob,
    Notice,
    NoticeKind,
    Opinion,
    Signer,
    Vote,
    province_body,
)
from campaigns.models import (
    Campaign,
    CampaignAudience,
    CampaignKind,
    CampaignMethod,
    CampaignScope,
    CampaignStatus,
    LaunchLevel,
    Registration,
)
from tests.factories import ClusterFactory, PersonFactory, make_body, make_dossier
from units.models import ClusterMembership, ClusterYear

PERSONAS = ["anonymous", "officer_a", "officer_b", "staff", "council_member", "leader", "administrator"]
LOGGED_IN = {p: 200 for p in PERSONAS if p != "anonymous"}
LOGIN_REQUIRED = {"anonymous": 302, **LOGGED_IN}

# A draft dossier of unit A: its officer edits it; staff, administrator and leadership read it, and so does the
# council member, who sits in a session voting on one of its nominations; officer B gets 404.
VIEWERS = {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 200, "leader": 200,
           "administrator": 200}
EDITORS = {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 403, "council_member": 403, "leader": 403,
           "administrator": 403}
POST_ONLY = {"anonymous": 302, **{p: 405 for p in LOGGED_IN}}
STAFF_ONLY = {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200, "council_member": 403,
              "leader": 403, "administrator": 200}
CLUSTER_MANAGERS = {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 403,
                    "leader": 403, "administrator": 200}
# A draft decision: invisible to units (404), council members may not see decisions (403).
DRAFT_DECISION = {"anonymous": 302, "officer_a": 404, "officer_b": 404, "staff": 200, "council_member": 403,
                  "leader": 200, "administrator": 200}

EXPECTED: dict[str, dict[str, int]] = {
    "home": LOGIN_REQUIRED,
    "healthz": {p: 200 for p in PERSONAS},
    "search": LOGIN_REQUIRED,
    "notices:list": LOGIN_REQUIRED,
    "notices:preferences": LOGIN_REQUIRED,
    "notices:open": POST_ONLY,
    "notices:read_all": POST_ONLY,
    "login": {"anonymous": 200, **{p: 302 for p in LOGGED_IN}},
    "logout": {p: 405 for p in PERSONAS},
    "set_language": {p: 302 for p in PERSONAS},
    "password_change": LOGIN_REQUIRED,
    "password_change_done": LOGIN_REQUIRED,
    "password_reset": {p: 200 for p in PERSONAS},
    "password_reset_done": {p: 200 for p in PERSONAS},
    "password_reset_confirm": {p: 200 for p in PERSONAS},  # a made-up link: "không hợp lệ"
    "password_reset_complete": {p: 200 for p in PERSONAS},
    "second_factor_verify": {p: 302 for p in PERSONAS},  # nothing pending: on to the page asked for
    "second_factor_setup": STAFF_ONLY,
    "second_factor_disable": POST_ONLY,
    "read_log": STAFF_ONLY,
    "login_locks": STAFF_ONLY,
    "units:tree": LOGIN_REQUIRED,
    "units:detail": LOGIN_REQUIRED,
    "units:clusters": LOGIN_REQUIRED,
    "units:cluster_detail": LOGIN_REQUIRED,
    # A cluster year led by unit A (open): officer B's unit is outside the cluster (404).
    "units:cluster_year": VIEWERS,
    "units:cluster_year_settings": CLUSTER_MANAGERS,
    "units:cluster_check": CLUSTER_MANAGERS,
    "units:cluster_ranking": CLUSTER_MANAGERS,
    "units:cluster_election": CLUSTER_MANAGERS,
    "units:cluster_self_score": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 403,
                                 "council_member": 403, "leader": 403, "administrator": 403},
    "units:cluster_action": POST_ONLY,
    "units:cluster_evidence": VIEWERS,  # unit A's evidence file, to whoever sees the cluster year
    "units:cluster_minutes_pdf": {"anonymous": 302, **{p: 404 for p in LOGGED_IN}},  # not ranked yet
    "units:cluster_submission_pdf": {"anonymous": 302, **{p: 404 for p in LOGGED_IN}},
    "awards:catalogue": LOGIN_REQUIRED,
    "awards:award_type": LOGIN_REQUIRED,
    "awards:base_salary": LOGIN_REQUIRED,
    "campaigns:list": LOGIN_REQUIRED,
    "campaigns:detail": LOGIN_REQUIRED,
    # The fixture's campaign is launched to unit A, which registered: its officer registers and reports.
    "campaigns:create": STAFF_ONLY,
    "campaigns:edit": STAFF_ONLY,
    "campaigns:launch": STAFF_ONLY,
    "campaigns:move": POST_ONLY,
    "campaigns:close": {"anonymous": 302, **{p: 403 for p in LOGGED_IN}},  # launched: not yet closable
    "campaigns:register": {"anonymous": 302, "officer_a": 200, "officer_b": 403, "staff": 403, "council_member": 403,
                           "leader": 403, "administrator": 403},
    "campaigns:report": {"anonymous": 302, "officer_a": 200, "officer_b": 403, "staff": 403, "council_member": 403,
                         "leader": 403, "administrator": 403},
    "campaigns:reports": {**STAFF_ONLY, "leader": 200},
    # Unit A's report evidence: its officer, the Board and leadership; the campaign's documents: everyone.
    "campaigns:evidence": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 404,
                           "leader": 200, "administrator": 200},
    "campaigns:document": LOGIN_REQUIRED,
    "awards:dossiers": LOGIN_REQUIRED,
    "awards:dossier_create": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 403,
                              "council_member": 403, "leader": 403, "administrator": 403},
    "awards:dossier_batch": POST_ONLY,
    "awards:dossier": VIEWERS,
    "awards:dossier_edit": EDITORS,
    "awards:nomination_add": EDITORS,
    "awards:award_options": VIEWERS,
    "awards:nomination_edit": EDITORS,
    "awards:nomination_delete": POST_ONLY,
    "awards:verdict": POST_ONLY,
    "awards:attachment_add": POST_ONLY,
    "awards:attachment": VIEWERS,
    "awards:attachment_delete": POST_ONLY,
    "awards:import": EDITORS,
    "awards:import_job": VIEWERS,
    "awards:import_template": VIEWERS,
    "awards:move": POST_ONLY,
    "awards:revision": VIEWERS,
    "awards:forward": POST_ONLY,
    # A round of unit A addressed to its own Giám đốc, reviewed, its CSTĐCS waiting for the unit council's vote: only
    # the body's officer records it; whoever reads the round but is not its officer gets 403, the others 404.
    "awards:round_vote": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 403, "council_member": 404,
                          "leader": 403, "administrator": 403},
    "awards:round_return": POST_ONLY,
    "awards:central_decision": POST_ONLY,
    "awards:eligibility_candidates": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200,
                                      "council_member": 403, "leader": 403, "administrator": 200},
    "awards:eligibility_create": POST_ONLY,
    "awards:eligibility_override": POST_ONLY,
    "awards:council": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200, "council_member": 200,
                       "leader": 200, "administrator": 200},
    "awards:council_create": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200,
                              "council_member": 403, "leader": 403, "administrator": 200},
    "awards:council_session": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200,
                               "council_member": 200, "leader": 200, "administrator": 200},
    "awards:council_agenda": POST_ONLY,
    "awards:council_vote": POST_ONLY,
    "awards:council_written_vote": POST_ONLY,
    "awards:council_void": POST_ONLY,
    "awards:council_presiding": POST_ONLY,
    "awards:council_close": POST_ONLY,
    "awards:council_minutes": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 404,
                               "council_member": 404, "leader": 404, "administrator": 404},
    "dashboard": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200, "council_member": 403,
                  "leader": 200, "administrator": 200},
    "dashboard_drill": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200, "council_member": 403,
                        "leader": 200, "administrator": 200},
    "dashboard_bodies": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200, "council_member": 403,
                         "leader": 200, "administrator": 200},
    "dashboard_body": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200, "council_member": 403,
                       "leader": 200, "administrator": 200},  # officers: their own unit's proposals only
    "dashboard_xlsx": {"anonymous": 302, "officer_a": 404, "officer_b": 404, "staff": 404, "council_member": 403,
                       "leader": 404, "administrator": 404},  # no award recorded yet: nothing to export
    "dashboard_report_request": POST_ONLY,
    "dashboard_report": {"anonymous": 302, "officer_a": 404, "officer_b": 404, "staff": 200, "council_member": 403,
                         "leader": 200, "administrator": 200},
    "dashboard_report_file": {"anonymous": 302, "officer_a": 404, "officer_b": 404, "staff": 404,
                              "council_member": 403, "leader": 404, "administrator": 404},  # not rendered yet
    "statistics_form": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200, "council_member": 403,
                        "leader": 200, "administrator": 200},
    "statistics_figures": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200, "council_member": 403,
                           "leader": 403, "administrator": 200},  # Board staff enter Biểu 0604/0605 figures
    "public_decisions": {p: 200 for p in PERSONAS},
    "public_decision": {p: 404 for p in PERSONAS},  # the fixture's decision is a draft: never public
    "awards:decisions": {"anonymous": 302, "officer_a": 200, "officer_b": 200, "staff": 200, "council_member": 403,
                         "leader": 200, "administrator": 200},
    # Officer A's unit has a deciding body (the Giám đốc of the fixture's round): he drafts its decisions.
    "awards:decision_prepare": {**STAFF_ONLY, "officer_a": 200},
    "awards:decision": DRAFT_DECISION,
    "awards:decision_texts": POST_ONLY,
    "awards:decision_render": POST_ONLY,
    "awards:decision_documents": DRAFT_DECISION,
    "awards:decision_document": DRAFT_DECISION,  # a rendered document of the draft
    "awards:decision_publish": POST_ONLY,
    # Signing and issuing (issue 18): POST only; the issued file of a draft does not exist.
    "awards:decision_sign": POST_ONLY,
    "awards:decision_sign_start": POST_ONLY,
    "awards:decision_sign_finish": POST_ONLY,
    "awards:decision_issue_paper": POST_ONLY,
    "awards:decision_issued": {"anonymous": 302, **{p: 404 for p in LOGGED_IN}, "council_member": 403},
    "awards:decision_certificates_signed": {"anonymous": 302, **{p: 404 for p in LOGGED_IN}, "council_member": 403},
    # Public verification: the upload form for everyone; an unknown code is a plain 404.
    "verify": {p: 200 for p in PERSONAS},
    "verify_code": {p: 404 for p in PERSONAS},
    "awards:decision_close": POST_ONLY,
    # Printing onto pre-printed blanks: board staff only (the fixture's draft has a shared Bằng khen blank).
    "awards:decision_blanks": STAFF_ONLY,
    "awards:blank_calibration_sheet": STAFF_ONLY,
    # History pages: unit A's person and unit A; the council member reads unit A (its dossier is in his session)
    # but not the person (not nominated); only the Board writes past awards (403), out of scope first (404).
    "history:person": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 404,
                       "leader": 200, "administrator": 200},
    "history:person_pdf": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 404,
                           "leader": 200, "administrator": 200},
    "history:person_xlsx": {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 404,
                            "leader": 200, "administrator": 200},
    "history:person_add": {"anonymous": 302, "officer_a": 403, "officer_b": 404, "staff": 200,
                           "council_member": 404, "leader": 403, "administrator": 200},
    "history:person_import": {"anonymous": 302, "officer_a": 403, "officer_b": 404, "staff": 200,
                              "council_member": 404, "leader": 403, "administrator": 200},
    "history:unit": VIEWERS,
    "history:unit_add": {"anonymous": 302, "officer_a": 403, "officer_b": 404, "staff": 200,
                         "council_member": 403, "leader": 403, "administrator": 200},
    "history:unit_import": {"anonymous": 302, "officer_a": 403, "officer_b": 404, "staff": 200,
                            "council_member": 403, "leader": 403, "administrator": 200},
    "history:template": LOGIN_REQUIRED,
    # "Dữ liệu xét thi đua" of unit A: read as its history page; ratings and figures are imported by the Board and
    # by the unit's officer; initiatives and hold periods are recorded by the Board only (out of scope first: 404).
    "facts:unit": VIEWERS,
    **{name: {"anonymous": 302, "officer_a": 200, "officer_b": 404, "staff": 200, "council_member": 403,
              "leader": 403, "administrator": 200}
       for name in ("facts:import_ratings", "facts:import_figures", "facts:template_ratings",
                    "facts:template_figures")},
    **{name: {"anonymous": 302, "officer_a": 403, "officer_b": 404, "staff": 200, "council_member": 403,
              "leader": 403, "administrator": 200} for name in ("facts:initiative_add", "facts:hold_add")},
    # The fund (issue 20): the province's fund 2021 of the fixture (no decision committed to it) is read by the
    # Board, the province's leaders and the administrator; officer A reads his unit's own fund (the Giám đốc's body
    # exists, no fund yet); officer B's unit has no deciding body; the draft decision has no bonus lines (404).
    "fund:report": {"anonymous": 302, "officer_a": 200, "officer_b": 403, "staff": 200, "council_member": 403,
                    "leader": 200, "administrator": 200},
    **{name: {"anonymous": 302, "officer_a": 404, "officer_b": 403, "staff": 200, "council_member": 403,
              "leader": 200, "administrator": 200} for name in ("fund:report_pdf", "fund:report_xlsx")},
    "fund:decision": {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 200, "council_member": 403,
                      "leader": 200, "administrator": 200},
    **{name: {"anonymous": 302, "officer_a": 403, "officer_b": 403, "staff": 404, "council_member": 403,
              "leader": 404, "administrator": 404} for name in ("fund:payment_list_pdf", "fund:payment_list_xlsx")},
    "fund:bank_statement": STAFF_ONLY,
    **{name: POST_ONLY for name in ("fund:open", "fund:opening", "fund:add_entry", "fund:correct", "fund:pay",
                                    "fund:recover")},
    # Issue 19: the public consultation pages need no account; the staff's pages are the Board's; the API answers a
    # browser session 401 (it reads only "Authorization: Bearer"); its schema and docs page are public.
    "public_consultations": {p: 200 for p in PERSONAS},
    "public_consultation": {p: 200 for p in PERSONAS},
    "awards:consultations": STAFF_ONLY,
    "awards:consultation": STAFF_ONLY,
    "awards:opinion_handled": POST_ONLY,
    # The fixture's dossier goes to the Chủ tịch UBND tỉnh: staff are sent back to it with the reason.
    "awards:national_package": {**STAFF_ONLY, "staff": 302, "administrator": 302},
    "awards:lgsp": STAFF_ONLY,
    "awards:lgsp_push": POST_ONLY,
    "awards:lgsp_pull": POST_ONLY,
    "api_schema": {p: 200 for p in PERSONAS},
    "api_docs": {p: 200 for p in PERSONAS},
    **{name: {p: 401 for p in PERSONAS} for name in ("api_units", "api_persons", "api_awards", "api_decisions",
                                                      "api_dossiers", "api_dossier", "api_dossier_submit",
                                                      "api_cbccvc", "api_dashboard", "api_decision_pdf",
                                                      "api_central_decisions", "api_attachments", "api_attachment")},
    "admin:index": {"anonymous": 302, "officer_a": 302, "officer_b": 302, "staff": 200, "council_member": 302,
                    "leader": 302, "administrator": 200},
}


def named_urls(patterns=None, namespace: str = "") -> list[str]:
    names = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += named_urls(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(f"{namespace}{entry.name}")
    return names


def project_urls() -> list[str]:
    return sorted({name for name in named_urls() if not name.startswith("admin:") or name == "admin:index"})


def test_every_url_has_an_expectation():
    missing = [name for name in project_urls() if name not in EXPECTED]
    assert missing == [], f"URLs without an access expectation: {missing}"
    stale = [name for name in EXPECTED if name not in project_urls()]
    assert stale == []


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def real_files(decision, campaign, cluster, unit_a, officer_a, staff) -> dict[str, int]:
    """Real stored files of unit A (never an id that does not exist): a rendered document of the draft decision,
    a campaign document, unit A's report evidence and its cluster self-score evidence."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from awards.models import DecisionDocument
    from campaigns.models import CampaignDocument, TargetReport
    from tests.campaigns.support import make_target
    from units.models import ClusterCriterion, ClusterScore

    document = DecisionDocument.objects.create(decision=decision, kind="decision", version=1, content_key="m",
                                               status="done", pages=1)
    document.file.save("qd.pdf", ContentFile(PDF))
    doc = CampaignDocument(campaign=campaign, kind="ke_hoach", original_name="ke-hoach.pdf",
                           content_type="application/pdf", size=len(PDF), sha256="0" * 64, uploaded_by=staff)
    doc.file.save("ke-hoach.pdf", ContentFile(PDF))
    report = TargetReport(campaign=campaign, unit=unit_a, target=make_target(campaign), period="so_ket",
                          as_of=datetime.date(2021, 6, 30), value=10, submitted_by=officer_a,
                          submitted_at=timezone.now(), evidence_name="minh-chung.pdf", evidence_type="application/pdf")
    report.evidence.save("minh-chung.pdf", ContentFile(PDF))
    criterion = ClusterCriterion.objects.create(cluster_year=ClusterYear.objects.get(cluster=cluster, year=2020),
                                                number="1", text="Tiêu chí 1", max_points=10)
    score = ClusterScore(membership=ClusterMembership.objects.get(cluster=cluster, unit=unit_a, year=2020),
                         criterion=criterion, self_points=5, evidence_name="diem.pdf", evidence_type="application/pdf")
    score.evidence_file.save("diem.pdf", ContentFile(PDF))
    return {"document": document.pk, "doc": doc.pk, "report": report.pk, "score": score.pk}


@pytest.fixture
def objects(unit_a, officer_a, staff, council_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2020)
    ClusterYear.objects.create(cluster=cluster, year=2020, leader=unit_a)
    cluster_year = [cluster.pk, 2020]
    AwardType.objects.get_or_create(
        code="matrix-award", valid_from=datetime.date(2017, 7, 31),
        defaults={"name": "Giấy khen thử", "family": AwardFamily.COMMENDATION, "authority": Authority.UNIT_HEAD,
                  "for_individual": True},
    )
    campaign = Campaign.objects.create(
        code="matrix-campaign", name="Phong trào thử", kind=CampaignKind.YEARLY, method=CampaignMethod.YEARLY,
        scope=CampaignScope.PROVINCE, launch_level=LaunchLevel.PROVINCE, launching_unit=unit_a,
        start_date=datetime.date(2021, 1, 1), status=CampaignStatus.LAUNCHED,
    )
    CampaignAudience.objects.create(campaign=campaign, unit=unit_a, added_on=datetime.date(2021, 1, 1))
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=datetime.date(2021, 1, 5))
    dossier = make_dossier(unit_a, officer_a)
    record_revision(dossier, officer_a)
    nomination = dossier.nominations.get()
    attachment = dossier.attachments.first()
    ref = dossier.reference
    session = CouncilSession.objects.create(title="Phiên thử", held_on=datetime.date(2021, 1, 20),
                                            created_by=staff)
    session.members.add(council_member)
    item = AgendaItem.objects.create(session=session, nomination=nomination)
    vote = Vote.objects.create(item=item, member=council_member, choice="yes", recorded_by=council_member)
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    decision = Decision.objects.create(
        number=1, year=2021, decided_on=datetime.date(2021, 2, 6), signer=signer, award_type=nomination.award_type,
        occasion="cong_trang", achievement_year=2020, subject="Về việc tặng", legal_bases="Căn cứ", proposals="x",
        reason="x", executors="x", recipients="x", created_by=staff)
    report = DashboardReport.objects.create(year=2020, requested_by=staff)
    files = real_files(decision, campaign, cluster, unit_a, officer_a, staff)
    person = PersonFactory(unit=unit_a)
    blank = BlankCalibration.objects.create(
        name="Phôi thử", kind="bang_khen", paper="a4_ngang", **{f"{field}_{axis}_mm": 100 for field in
                                                                 BlankCalibration.FIELDS for axis in "xy"})
    round_ref = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-co-so", body=make_body(unit_a),
                             state="reviewed", verdict="eligible", recipient=PersonFactory(unit=unit_a)).reference
    job = ImportJob.objects.create(dossier=dossier, created_by=officer_a, original_name="ds.xlsx",
                                   file="imports/x.xlsx", status="done")
    fund = ledger.fund_for(province_body(), 2021)
    allocation = ledger.add_entry(fund, EntryKind.ESTIMATE, 100_000_000, datetime.date(2021, 1, 5), staff,
                                  document_number="01/QĐ-UBND")
    consultation = Consultation.objects.create(title="Lấy ý kiến thử", starts_on=datetime.date(2021, 1, 4),
                                               ends_on=datetime.date(2021, 1, 15), opened_by=staff)
    consultation.dossiers.add(dossier)
    opinion = Opinion.objects.create(consultation=consultation, nomination=nomination, name="Dân", contact="x",
                                     text="Ý kiến")
    notice = Notice.objects.create(recipient=officer_a, kind=NoticeKind.DOSSIER_RECEIVED, title="Thông báo thử",
                                   created_at=datetime.datetime(2021, 1, 5, tzinfo=datetime.UTC))
    return {
        "notices:open": [notice.pk],
        "fund:opening": [fund.pk], "fund:add_entry": [fund.pk], "fund:bank_statement": [fund.pk],
        "fund:correct": [fund.pk, allocation.pk],
        **{name: [decision.pk] for name in ("fund:decision", "fund:payment_list_pdf", "fund:payment_list_xlsx",
                                            "fund:pay")},
        "fund:recover": [decision.pk, allocation.pk],
        "public_consultation": [consultation.pk], "awards:consultation": [consultation.pk],
        "awards:opinion_handled": [consultation.pk, opinion.pk], "awards:national_package": [ref],
        "api_dossier": [ref], "api_dossier_submit": [ref], "api_attachments": [ref],
        "api_attachment": [ref, attachment.pk], "api_decision_pdf": [decision.pk],
        "awards:import_job": [ref, job.pk],
        "public_decision": [decision.pk], "awards:decision": [decision.pk], "awards:decision_texts": [decision.pk],
        "awards:decision_render": [decision.pk], "awards:decision_documents": [decision.pk],
        "awards:decision_document": [decision.pk, files["document"]], "awards:decision_publish": [decision.pk],
        "awards:decision_sign": [decision.pk], "awards:decision_sign_start": [decision.pk],
        "awards:decision_sign_finish": [decision.pk], "awards:decision_issue_paper": [decision.pk],
        "awards:decision_issued": [decision.pk], "awards:decision_certificates_signed": [decision.pk], "verify_code": ["2222-2222"],
        "awards:decision_close": [decision.pk, "cancel"],
        "awards:decision_blanks": [decision.pk], "awards:blank_calibration_sheet": [blank.pk],
        "statistics_form": ["0603"],
        "dashboard_report": [report.pk], "dashboard_report_file": [report.pk], "dashboard_body": [decision.body_id],
        "awards:forward": [ref], "awards:central_decision": [ref, nomination.pk],
        "awards:round_vote": [round_ref], "awards:round_return": [round_ref],
        "awards:eligibility_override": [ref, nomination.pk],
        "awards:council_session": [session.pk], "awards:council_agenda": [session.pk],
        "awards:council_vote": [session.pk, item.pk], "awards:council_written_vote": [session.pk],
        "awards:council_void": [session.pk, vote.pk], "awards:council_close": [session.pk],
        "awards:council_presiding": [session.pk],
        "awards:council_minutes": [session.pk],
        "awards:dossier": [ref], "awards:dossier_edit": [ref], "awards:nomination_add": [ref],
        "awards:award_options": [ref], "awards:nomination_edit": [ref, nomination.pk],
        "awards:nomination_delete": [ref, nomination.pk], "awards:verdict": [ref, nomination.pk],
        "awards:attachment_add": [ref], "awards:attachment": [ref, attachment.pk],
        "awards:attachment_delete": [ref, attachment.pk], "awards:import": [ref], "awards:import_template": [ref],
        "awards:move": [ref, "submit"], "awards:revision": [ref, 1],
        "units:detail": [unit_a.pk],
        "units:cluster_detail": [cluster.pk],
        "password_reset_confirm": ["MQ", "set-password"],
        "history:person": [person.pk], "history:person_add": [person.pk], "history:person_import": [person.pk],
        "history:person_pdf": [person.pk], "history:person_xlsx": [person.pk],
        "history:unit": [unit_a.pk], "history:unit_add": [unit_a.pk], "history:unit_import": [unit_a.pk],
        **{name: [unit_a.pk] for name in ("facts:unit", "facts:import_ratings", "facts:import_figures",
                                          "facts:template_ratings", "facts:template_figures", "facts:initiative_add",
                                          "facts:hold_add")},
        **{name: cluster_year for name in ("units:cluster_year", "units:cluster_year_settings", "units:cluster_check",
                                           "units:cluster_ranking", "units:cluster_election",
                                           "units:cluster_self_score", "units:cluster_minutes_pdf",
                                           "units:cluster_submission_pdf")},
        "units:cluster_action": [cluster.pk, 2020, "close"],
        "units:cluster_evidence": [cluster.pk, 2020, files["score"]],
        "awards:award_type": ["matrix-award"],
        "campaigns:detail": [campaign.code],
        **{name: [campaign.code] for name in ("campaigns:edit", "campaigns:launch", "campaigns:close",
                                              "campaigns:register", "campaigns:report", "campaigns:reports")},
        "campaigns:move": [campaign.code, "start"],
        "campaigns:evidence": [campaign.code, files["report"]], "campaigns:document": [campaign.code, files["doc"]],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_access_matrix(persona, client_for, objects, request):
    for fixture in ("officer_a", "officer_b", "staff", "council_member", "leader", "administrator"):
        request.getfixturevalue(fixture)
    client = client_for(persona)
    answers = {name: client.get(reverse(name, args=objects.get(name, []))).status_code for name in project_urls()}
    expected = {name: EXPECTED[name][persona] for name in project_urls()}
    assert answers == expected
