from django.urls import path, re_path

from . import views

app_name = "opendata"
SUFFIX = r"(?P<suffix>ttl|jsonld)"
urlpatterns = [
    path("open-data/", views.index, name="index"),
    path("open-data/subsidiemaatregelen", views.subsidies, name="subsidies"),
    re_path(rf"^open-data/subsidiemaatregelen\.{SUFFIX}$", views.subsidies, name="subsidies-file"),
    re_path(rf"^open-data/subsidiemaatregelen/(?P<pk>[-a-zA-Z0-9_]+)\.{SUFFIX}$", views.subsidy, name="subsidy"),
    path("open-data/partners", views.partners, name="partners"),
    re_path(rf"^open-data/partners\.{SUFFIX}$", views.partners, name="partners-file"),
    path("open-data/dcat.ttl", views.catalogue, name="dcat"),
    path("id/steunmaatregel/<slug:pk>", views.line_identity, name="line-id"),
    path("id/partner/<slug:pk>", views.partner_identity, name="partner-id"),
    path("common-grants/opportunities", views.opportunities, name="opportunities"),
    path("common-grants/opportunities/<str:opportunity_id>", views.opportunity, name="opportunity"),
]
