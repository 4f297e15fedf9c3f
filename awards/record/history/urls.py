"""History pages, mounted under ``units/`` next to the unit pages: ``/units/<pk>/history/`` and
``/units/people/<pk>/history/``."""

from django.urls import path

from awards.record.history import views as h

app_name = "history"
urlpatterns = [
    path("people/<int:pk>/history/", h.person_page, name="person"),
    path("people/<int:pk>/history/bao-cao-thanh-tich.pdf", h.person_pdf, name="person_pdf"),
    path("people/<int:pk>/history/bao-cao-thanh-tich.xlsx", h.person_xlsx, name="person_xlsx"),
    path("people/<int:pk>/history/add/", h.add, {"kind": "person"}, name="person_add"),
    path("people/<int:pk>/history/import/", h.import_file, {"kind": "person"}, name="person_import"),
    path("<int:pk>/history/", h.unit_page, name="unit"),
    path("<int:pk>/history/add/", h.add, {"kind": "unit"}, name="unit_add"),
    path("<int:pk>/history/import/", h.import_file, {"kind": "unit"}, name="unit_import"),
    path("history/template.xlsx", h.template, name="template"),
]
