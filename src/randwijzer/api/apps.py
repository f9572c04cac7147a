from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "randwijzer.api"
    verbose_name = "API"
