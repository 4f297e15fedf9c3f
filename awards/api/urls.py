"""``/api/``: the schema (``/api/schema/``, fixed: outside checks read it), its browsable page (``/api/docs/``,
Swagger UI served from the vendored sidecar package) and version 1 of the API."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from awards.api import central, dashboard, files, schema, views

assert schema.ClientKeyScheme  # registers the bearer scheme with drf-spectacular

v1 = [
    path("units/", views.UnitList.as_view(), name="api_units"),
    path("persons/", views.PersonList.as_view(), name="api_persons"),
    path("awards/", views.AwardList.as_view(), name="api_awards"),
    path("decisions/", views.DecisionList.as_view(), name="api_decisions"),
    path("decisions/<str:id>/pdf/", files.DecisionPdf.as_view(), name="api_decision_pdf"),
    path("central-decisions/", central.CentralDecisions.as_view(), name="api_central_decisions"),
    path("dashboard/", dashboard.Dashboard.as_view(), name="api_dashboard"),
    path("dossiers/", views.DossierList.as_view(), name="api_dossiers"),
    path("dossiers/<str:reference>/", views.DossierDetail.as_view(), name="api_dossier"),
    path("dossiers/<str:reference>/submit/", views.DossierSubmit.as_view(), name="api_dossier_submit"),
    path("dossiers/<str:reference>/attachments/", files.AttachmentCreate.as_view(), name="api_attachments"),
    path("dossiers/<str:reference>/attachments/<str:id>/", files.AttachmentDownload.as_view(),
         name="api_attachment"),
    path("exports/cbccvc/", views.CbccvcExport.as_view(), name="api_cbccvc"),
]

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[],
                                               throttle_classes=[]), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema", authentication_classes=[],
                                                 permission_classes=[], throttle_classes=[]), name="api_docs"),
    *[path(f"v1/{p.pattern}", p.callback, name=p.name) for p in v1],
]
