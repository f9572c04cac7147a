from django.urls import path

from . import views

app_name = "wies"
urlpatterns = [
    path("wies/", views.calculator_page, name="calculator"),
    path("wies/koper/", views.buyer_page, name="buyer"),
    path("wies/fonds/", views.fund_page, name="fund"),
]
