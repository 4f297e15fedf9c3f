"""The dashboard and its exports, mounted at ``/dashboard/``; the names are global (``dashboard``, …)."""

from django.urls import path

from awards.reports import form_views, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("awards/", views.drill, name="dashboard_drill"),
    path("bodies/", views.base_bodies, name="dashboard_bodies"),
    path("bodies/<int:pk>/", views.body_awards, name="dashboard_body"),
    path("export.xlsx", views.export_xlsx, name="dashboard_xlsx"),
    path("reports/", views.report_request, name="dashboard_report_request"),
    path("reports/<int:pk>/", views.report_status, name="dashboard_report"),
    path("reports/<int:pk>/file.pdf", views.report_download, name="dashboard_report_file"),
    path("forms/<str:form>.xlsx", form_views.statistics_form, name="statistics_form"),
    path("forms/figures/", form_views.staffing_figures, name="statistics_figures"),
]
