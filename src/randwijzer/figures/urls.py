from django.urls import path

from . import views

app_name = "figures"
urlpatterns = [
    path("cijfers/", views.figures_page, name="figures"),
    path("inspiratie/", views.inspiration_page, name="inspiration"),
    path("plan/", views.plan_page, name="plan"),
]
