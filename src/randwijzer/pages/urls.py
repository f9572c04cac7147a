from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("over/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
