from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path("redactie/verouderd/", views.stale, name="stale"),
]
