from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from awards.reports import search_views
from config import views as config_views
from units import views as unit_views
from units.forms import AdminLoginForm, LoginForm

admin.site.site_header = "Quản trị dữ liệu - Thi đua, Khen thưởng"
admin.site.site_title = "Thi đua, Khen thưởng"
admin.site.index_title = "Dữ liệu danh mục"
admin.site.login_form = AdminLoginForm  # throttled like the site's login (units.security.throttle)

urlpatterns = [
    path("", unit_views.home, name="home"),
    path("healthz", config_views.healthz, name="healthz"),
    path("search/", search_views.search_page, name="search"),
    path("favicon.ico", config_views.favicon),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("units.security.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("units/", include("units.urls")),
    path("units/", include("awards.record.history.urls")),
    path("units/", include("awards.record.facts.urls")),
    path("awards/", include("awards.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("notifications/", include("awards.notices.urls")),
    path("dashboard/", include("awards.reports.urls")),
    path("fund/", include("awards.fund.urls")),
    path("public/decisions/", include("awards.decisions.public_urls")),
    path("verify/", include("awards.decisions.verify_urls")),
    path("public/consultations/", include("awards.consultation.public_urls")),
    path("api/", include("awards.api.urls")),
    path("admin/", admin.site.urls),
]
