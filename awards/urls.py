from django.urls import path

from awards.catalogue import views as catalogue
from awards.consultation import views as consultation
from awards.council import round_views
from awards.council import views as c
from awards.decisions import blank_views, central_views
from awards.decisions import signing_views as sv
from awards.decisions import views as q
from awards.dossiers.views import attachments, dossier, imports, inbox, nominations, revisions
from awards.dossiers.views import eligibility as e
from awards.exchange import views as exchange

app_name = "awards"
urlpatterns = [
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/<slug:code>/", catalogue.award_type_detail, name="award_type"),
    path("base-salary/", catalogue.base_salary, name="base_salary"),
    path("dossiers/", inbox.dossier_list, name="dossiers"),
    path("dossiers/new/", dossier.dossier_create, name="dossier_create"),
    path("dossiers/batch/", inbox.batch, name="dossier_batch"),
    path("dossiers/<str:reference>/", dossier.dossier_detail, name="dossier"),
    path("dossiers/<str:reference>/edit/", dossier.dossier_edit, name="dossier_edit"),
    path("dossiers/<str:reference>/nominations/new/", nominations.nomination_form, name="nomination_add"),
    path("dossiers/<str:reference>/nominations/award-options/", nominations.award_options, name="award_options"),
    path("dossiers/<str:reference>/nominations/<int:pk>/edit/", nominations.nomination_form, name="nomination_edit"),
    path("dossiers/<str:reference>/nominations/<int:pk>/delete/", nominations.nomination_delete,
         name="nomination_delete"),
    path("dossiers/<str:reference>/nominations/<int:pk>/verdict/", nominations.verdict, name="verdict"),
    path("dossiers/<str:reference>/attachments/new/", attachments.attachment_add, name="attachment_add"),
    path("dossiers/<str:reference>/attachments/<int:pk>/", attachments.attachment_download, name="attachment"),
    path("dossiers/<str:reference>/attachments/<int:pk>/delete/", attachments.attachment_delete,
         name="attachment_delete"),
    path("dossiers/<str:reference>/import/", imports.import_nominees, name="import"),
    path("dossiers/<str:reference>/import/<int:job_id>/", imports.import_job, name="import_job"),
    path("dossiers/<str:reference>/import/template.xlsx", imports.import_template, name="import_template"),
    path("dossiers/<str:reference>/move/<slug:action>/", dossier.move, name="move"),
    path("dossiers/<str:reference>/revisions/<int:number>/", revisions.revision, name="revision"),
    path("dossiers/<str:reference>/forward/", central_views.forward, name="forward"),
    path("dossiers/<str:reference>/council-vote/", round_views.record_vote, name="round_vote"),
    path("dossiers/<str:reference>/oversight-return/", q.round_return, name="round_return"),
    path("dossiers/<str:reference>/nominations/<int:pk>/central/", central_views.central_decision,
         name="central_decision"),
]

urlpatterns += [
    path("dossiers/<str:reference>/national-package.zip", exchange.national_package, name="national_package"),
    path("lgsp/", exchange.lgsp_page, name="lgsp"),
    path("lgsp/push/", exchange.lgsp_push, name="lgsp_push"),
    path("lgsp/pull/", exchange.lgsp_pull, name="lgsp_pull"),
    path("consultations/", consultation.staff_list, name="consultations"),
    path("consultations/<int:pk>/", consultation.staff_detail, name="consultation"),
    path("consultations/<int:pk>/opinions/<int:opinion_id>/handled/", consultation.mark_handled,
         name="opinion_handled"),
    path("council/", c.session_list, name="council"),
    path("council/new/", c.session_create, name="council_create"),
    path("council/<int:pk>/", c.session_detail, name="council_session"),
    path("council/<int:pk>/agenda/", c.agenda_add, name="council_agenda"),
    path("council/<int:pk>/items/<int:item_id>/vote/", c.vote, name="council_vote"),
    path("council/<int:pk>/written-vote/", c.written_vote, name="council_written_vote"),
    path("council/<int:pk>/votes/<int:vote_id>/void/", c.vote_void, name="council_void"),
    path("council/<int:pk>/presiding/", c.presiding, name="council_presiding"),
    path("council/<int:pk>/close/", c.session_close, name="council_close"),
    path("council/<int:pk>/minutes.pdf", c.minutes, name="council_minutes"),
]

urlpatterns += [
    path("decisions/", q.decision_list, name="decisions"),
    path("decisions/prepare/", q.prepare, name="decision_prepare"),
    path("decisions/<int:pk>/", q.decision_detail, name="decision"),
    path("decisions/<int:pk>/texts/", q.edit_texts, name="decision_texts"),
    path("decisions/<int:pk>/render/", q.render_documents, name="decision_render"),
    path("decisions/<int:pk>/documents/", q.document_status, name="decision_documents"),
    path("decisions/<int:pk>/documents/<int:doc_id>/", q.document_download, name="decision_document"),
    path("decisions/<int:pk>/publish/", q.publish, name="decision_publish"),
    path("decisions/<int:pk>/sign/", sv.sign, name="decision_sign"),
    path("decisions/<int:pk>/sign/start/", sv.external_start, name="decision_sign_start"),
    path("decisions/<int:pk>/sign/finish/", sv.external_finish, name="decision_sign_finish"),
    path("decisions/<int:pk>/issue-paper/", sv.issue_paper, name="decision_issue_paper"),
    path("decisions/<int:pk>/issued.pdf", sv.issued_file, name="decision_issued"),
    path("decisions/<int:pk>/certificates-signed.pdf", sv.signed_certificates, name="decision_certificates_signed"),
    path("decisions/<int:pk>/blanks.pdf", blank_views.blank_print, name="decision_blanks"),
    path("blanks/<int:pk>/calibration.pdf", blank_views.calibration_sheet, name="blank_calibration_sheet"),
    path("decisions/<int:pk>/<slug:action>/", q.close, name="decision_close"),
]

urlpatterns += [
    path("eligibility/", e.candidates, name="eligibility_candidates"),
    path("eligibility/create/", e.create_drafts, name="eligibility_create"),
    path("dossiers/<str:reference>/nominations/<int:pk>/eligibility/", e.override, name="eligibility_override"),
]
