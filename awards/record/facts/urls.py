"""Yearly facts of a unit ("Dữ liệu xét thi đua"), mounted under ``units/`` next to the unit and history pages."""

from django.urls import path

from awards.record.facts import views as f
from awards.record.facts.columns import FIGURES, RATINGS

app_name = "facts"
urlpatterns = [
    path("<int:pk>/facts/", f.page, name="unit"),
    path("<int:pk>/facts/import/ratings/", f.import_file, {"layout": RATINGS}, name="import_ratings"),
    path("<int:pk>/facts/import/figures/", f.import_file, {"layout": FIGURES}, name="import_figures"),
    path("<int:pk>/facts/mau-xep-loai.xlsx", f.template, {"layout": RATINGS}, name="template_ratings"),
    path("<int:pk>/facts/mau-so-lieu.xlsx", f.template, {"layout": FIGURES}, name="template_figures"),
    path("<int:pk>/facts/initiatives/add/", f.initiative_add, name="initiative_add"),
    path("<int:pk>/facts/holds/add/", f.hold_add, name="hold_add"),
]
