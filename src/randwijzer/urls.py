from django.contrib import admin
from django.urls import include, path

from randwijzer.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("randwijzer.matching.urls")),
    path("", include("randwijzer.figures.urls")),
    path("", include("randwijzer.deadlines.urls")),
    path("", include("randwijzer.wies.urls")),
    path("flash/", include("randwijzer.flash.urls")),
    path("account/", include("randwijzer.accounts.urls")),
    path("dossiers/", include("randwijzer.dossiers.urls")),
    path("", include("randwijzer.suggestions.urls")),
    path("", include("randwijzer.editorial.urls")),
    path("", include("randwijzer.feeds.urls")),
    path("", include("randwijzer.changes.urls")),
    path("", include("randwijzer.ops.urls")),
    path("", include("randwijzer.opendata.urls")),  # open data: CommonGrants, OSLO, CPSV-AP, DCAT-AP
    path("", include("randwijzer.pages.urls")),
    path("", include("randwijzer.catalogue.urls")),
]
