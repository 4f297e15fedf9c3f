"""The public consultation pages, mounted at ``/public/consultations/`` (no login)."""

from django.urls import path

from awards.consultation import views

urlpatterns = [
    path("", views.public_list, name="public_consultations"),
    path("<int:pk>/", views.public_detail, name="public_consultation"),
]
