from django.urls import path

from . import views

app_name = "feeds"
urlpatterns = [
    path("redactie/feeds/", views.review_list, name="review"),
    path("redactie/feeds/<int:pk>/afgehandeld/", views.resolve, name="resolve"),
]
