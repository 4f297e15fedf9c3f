from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from awards.decisions import views as decision_views
from awards.reports import views as dashboard_views
from config import views as config_views
from units import views as unit_views
from units.forms import LoginForm

admin.site.site_header = "Quản trị dữ liệu - Thi đua, Khen thưởng"
admin.site.site_title = "Thi đua, Khen thưởng"
admin.site.index_title = "Dữ liệu danh mục"

urlpatterns = [
    path("", unit_views.home, name="home"),
    path("healthz", config_views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("units/", include("units.urls")),
    path("units/", include("awards.record.history.urls")),
    path("units/", include("awards.record.facts.urls")),
    path("awards/", include("awards.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/awards/", dashboard_views.drill, name="dashboard_drill"),
    path("dashboard/export.xlsx", dashboard_views.export_xlsx, name="dashboard_xlsx"),
    path("dashboard/reports/", dashboard_views.report_request, name="dashboard_report_request"),
    path("dashboard/reports/<int:pk>/", dashboard_views.report_status, name="dashboard_report"),
    path("dashboard/reports/<int:pk>/file.pdf", dashboard_views.report_download, name="dashboard_report_file"),
    path("dashboard/forms/<str:form>.xlsx", dashboard_views.statistics_form, name="statistics_form"),
    path("public/decisions/", decision_views.public_list, name="public_decisions"),
    path("public/decisions/<int:pk>/", decision_views.public_detail, name="public_decision"),
    path("admin/", admin.site.urls),
]
