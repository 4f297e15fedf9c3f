"""Public verification, mounted at ``/verify/`` (no login)."""

from django.urls import path

from awards.decisions import verify_views

urlpatterns = [
    path("", verify_views.verify_file, name="verify"),
    path("<str:code>/", verify_views.verify_code, name="verify_code"),
]
