from django.urls import path

from campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("new/", views.campaign_create, name="create"),
    path("<slug:code>/", views.campaign_detail, name="detail"),
    path("<slug:code>/edit/", views.campaign_edit, name="edit"),
    path("<slug:code>/launch/", views.campaign_launch, name="launch"),
    path("<slug:code>/move/<slug:action>/", views.campaign_move, name="move"),
    path("<slug:code>/close/", views.campaign_close, name="close"),
    path("<slug:code>/register/", views.campaign_register, name="register"),
    path("<slug:code>/report/", views.campaign_report, name="report"),
    path("<slug:code>/reports/", views.campaign_reports, name="reports"),
    path("<slug:code>/reports/<int:pk>/evidence/", views.evidence_download, name="evidence"),
    path("<slug:code>/documents/<int:pk>/", views.document_download, name="document"),
]
