"""Published decisions for the public, mounted at ``/public/decisions/`` (no login, no personal data)."""

from django.urls import path

from awards.decisions import views

urlpatterns = [
    path("", views.public_list, name="public_decisions"),
    path("<int:pk>/", views.public_detail, name="public_decision"),
]
