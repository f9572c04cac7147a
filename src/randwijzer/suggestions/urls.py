from django.urls import path

from . import views

app_name = "suggestions"
urlpatterns = [
    path("voorstellen/", views.suggest, name="start"),
    path("voorstellen/nieuw/", views.suggest, name="new"),
    path("voorstellen/bedankt/", views.thanks, name="thanks"),
    path("redactie/voorstellen/<int:pk>/", views.review, name="review"),
]
