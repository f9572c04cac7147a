from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.home, name="home"),
    path("catalogus/", views.catalogue_list, name="list"),
    path("steun/<slug:pk>/", views.funding_detail, name="funding"),
    path("partners/<slug:pk>/", views.partner_detail, name="partner"),
    path("gemeenten/", views.municipality_list, name="municipalities"),
    # Before the slug route: "zoeken" is not a municipality.
    path("gemeenten/zoeken", views.municipality_search, name="municipality_search"),
    path("gemeenten/<str:slug>/", views.municipality_detail, name="municipality"),
    path("deel-iv/", views.deel_iv, name="deel-iv"),
]
