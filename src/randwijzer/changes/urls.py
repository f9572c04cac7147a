from django.urls import path

from . import views

app_name = "changes"
urlpatterns = [
    path("wijzigingen/", views.change_list, name="list"),
]
