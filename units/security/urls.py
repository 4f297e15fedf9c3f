from django.contrib.auth import views as auth_views
from django.urls import path

from units.security import views, views_log

urlpatterns = [
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("second-factor/", views.verify, name="second_factor_verify"),
    path("second-factor/setup/", views.setup, name="second_factor_setup"),
    path("read-log/", views_log.read_log_page, name="read_log"),
    path("login-locks/", views.login_locks, name="login_locks"),
    path("second-factor/disable/", views.disable, name="second_factor_disable"),
]
