from django.urls import path

from units import views
from units.clusters import views as cluster_views

app_name = "units"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("clusters/", views.cluster_list, name="clusters"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster_detail"),
]


Y = "clusters/<int:pk>/<int:year>/"
urlpatterns += [
    path(Y, cluster_views.overview, name="cluster_year"),
    path(Y + "settings/", cluster_views.settings_page, name="cluster_year_settings"),
    path(Y + "self-score/", cluster_views.self_score, name="cluster_self_score"),
    path(Y + "check/", cluster_views.check, name="cluster_check"),
    path(Y + "ranking/", cluster_views.ranking_page, name="cluster_ranking"),
    path(Y + "election/", cluster_views.election, name="cluster_election"),
    path(Y + "actions/<slug:name>/", cluster_views.action, name="cluster_action"),
    path(Y + "evidence/<int:score_id>/", cluster_views.evidence, name="cluster_evidence"),
    path(Y + "bien-ban.pdf", cluster_views.minutes_pdf, name="cluster_minutes_pdf"),
    path(Y + "to-trinh.pdf", cluster_views.submission_pdf, name="cluster_submission_pdf"),
]
