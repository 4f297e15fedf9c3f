from django.urls import path

from awards import views

app_name = "awards"
urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<slug:code>/", views.award_type_detail, name="award_type"),
    path("base-salary/", views.base_salary, name="base_salary"),
]
