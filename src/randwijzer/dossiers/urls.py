from django.urls import path

from . import views

app_name = "dossiers"
urlpatterns = [
    path("", views.board, name="board"),
    path("nieuw/", views.create, name="create"),
    path("export.csv", views.export_csv, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.edit, name="edit"),
    path("<int:pk>/status/", views.move, name="status"),
]
